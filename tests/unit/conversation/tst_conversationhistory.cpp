// ConversationHistory: the last N messages, one JSON array, parsed in one go.

#include "conversation/conversationhistory.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_ConversationHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheLastN()
    {
        ConversationHistory h(3);
        for (int i = 0; i < 5; ++i)
            h.append({ i % 2 ? ChatMessage::Role::Bot : ChatMessage::Role::User,
                       QString::number(i),
                       i,
                       {} });
        QCOMPARE(h.messages().size(), 3);
        QCOMPARE(h.messages().first().text, u"2"_s);
        QCOMPARE(h.messages().last().text, u"4"_s);
    }

    void roundTrip()
    {
        ConversationHistory h(20);
        h.append({ ChatMessage::Role::User, u"Koliko km ima moj auto? \"ZG\"\n"_s,
                   1'700'000'000'000, u"wamid.ABC"_s });
        h.append(
            { ChatMessage::Role::Bot, u"Vaše vozilo ima 12 345 km."_s, 1'700'000'000'500, {} });
        QCOMPARE(h.toJson().left(22), QByteArray("[{\"a\":1700000000000,\"i"));
        QString error;
        const auto back = ConversationHistory::fromJson(h.toJson(), 20, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, h);
    }

    void capacityLoweredSinceStored()
    {
        ConversationHistory h(10);
        for (int i = 0; i < 10; ++i)
            h.append({ ChatMessage::Role::User, QString::number(i), i, {} });
        const auto back = ConversationHistory::fromJson(h.toJson(), 4);
        QVERIFY(back);
        QCOMPARE(back->messages().size(), 4);
        QCOMPARE(back->messages().first().text, u"6"_s);
    }

    void rejectsDamage()
    {
        QString error;
        QVERIFY(!ConversationHistory::fromJson("{}", 5, &error));
        QVERIFY(error.contains(u"array"_s));
        QVERIFY(!ConversationHistory::fromJson(R"([{"r":"x","t":"?"}])", 5, &error));
        QVERIFY(error.contains(u"role"_s));
        QVERIFY(!ConversationHistory::fromJson("[{", 5, &error));
        QVERIFY(error.contains(u"offset"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ConversationHistory)
#include "tst_conversationhistory.moc"
