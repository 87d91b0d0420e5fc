// Key scheme: one hash tag per user (one cluster slot per turn) and phone numbers that never
// reach a log in full.

#include "conversation/conversationkeys.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

// The part Redis Cluster hashes: the first {...} with something inside.
QByteArray hashTag(const QByteArray &key)
{
    const qsizetype open = key.indexOf('{');
    const qsizetype close = key.indexOf('}', open + 1);
    return open >= 0 && close > open + 1 ? key.mid(open + 1, close - open - 1) : key;
}

} // namespace

class tst_ConversationKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneSlotPerUser()
    {
        const QString phone = u"+385 99 123-4567"_s;
        const QList<QByteArray> keys = { ConversationKeys::state(phone),
                                         ConversationKeys::history(phone),
                                         ConversationKeys::stats(phone),
                                         ConversationKeys::rateWindow(phone, 7),
                                         ConversationKeys::rateWindow(phone, 6),
                                         ConversationKeys::dedup(phone, u"wamid.HBgL{x}"_s) };
        for (const QByteArray &key : keys)
            QCOMPARE(hashTag(key), QByteArray("385991234567"));
        QCOMPARE(ConversationKeys::state(phone), QByteArray("m1:{385991234567}:state"));
        QCOMPARE(ConversationKeys::rateWindow(phone, 7), QByteArray("m1:{385991234567}:rl:7"));
        QCOMPARE(ConversationKeys::dedup(phone, u"abc"_s),
                 QByteArray("m1:dedup:{385991234567}:abc"));
        QVERIFY(hashTag(ConversationKeys::state(u"1"_s))
                != hashTag(ConversationKeys::state(u"2"_s)));
    }

    void normalisesPhones()
    {
        QCOMPARE(ConversationKeys::normalizePhone(u"+385 (99) 123-4567"_s), u"385991234567"_s);
        QCOMPARE(ConversationKeys::normalizePhone(u"{}"_s), QString());
        QCOMPARE(ConversationKeys::state(u"385-99"_s), ConversationKeys::state(u"38599"_s));
    }

    void redactsToLastThreeDigits()
    {
        QCOMPARE(ConversationKeys::redact(u"+385991234567"_s), u"…567"_s);
        QCOMPARE(ConversationKeys::redact(u"12"_s), u"…"_s);
        QVERIFY(!ConversationKeys::redact(u"385991234567"_s).contains(u"1234"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ConversationKeys)
#include "tst_conversationkeys.moc"
