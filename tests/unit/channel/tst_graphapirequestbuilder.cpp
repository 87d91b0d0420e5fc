// The /messages request bodies for every kind, and the documented limits.

#include "channel/graphapirequestbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using m1::GraphApiRequestBuilder;
using m1::OutboundMessage;
using Oversize = GraphApiRequestBuilder::Oversize;

namespace {

QJsonObject built(const OutboundMessage &m, Oversize policy = Oversize::Reject)
{
    const auto r = GraphApiRequestBuilder::build(m, policy);
    if (!r.ok())
        qWarning("unexpected error: %s", qPrintable(r.error));
    return QJsonDocument::fromJson(r.json).object();
}

// Written with single quotes: moc misreads raw string literals.
QJsonObject json(const char *singleQuoted)
{
    QByteArray text(singleQuoted);
    text.replace('\'', '"');
    return QJsonDocument::fromJson(text).object();
}

OutboundMessage threeButtons()
{
    return OutboundMessage::buttonsMessage(
        u"385911234567"_s, u"Book the pool car?"_s,
        { { u"yes"_s, u"Yes"_s }, { u"no"_s, u"No"_s }, { u"later"_s, u"Later"_s } });
}

OutboundMessage aList(int rows)
{
    OutboundMessage::ListSpec list;
    list.buttonText = u"Choose a car"_s;
    OutboundMessage::Section section;
    section.title = u"Available"_s;
    for (int i = 0; i < rows; ++i)
        section.rows.append({ u"car-"_s + QString::number(i),
                              u"ZG-100"_s + QString::number(i) + u"-AB"_s, u"Skoda Octavia"_s });
    list.sections.append(section);
    return OutboundMessage::listMessage(u"385911234567"_s, u"Which car?"_s, list);
}

} // namespace

class TestGraphApiRequestBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text()
    {
        auto m = OutboundMessage::textMessage(u"385911234567"_s, u"Your car has 12 345 km."_s);
        QCOMPARE(
            built(m),
            json("{'messaging_product':'whatsapp','recipient_type':'individual','to':'385911234567'"
                 ",'type':'text','text':{'preview_url':false,'body':'Your car has 12 345 km.'}}"));
        m.previewUrl = true;
        m.replyToMessageId = u"wamid.IN"_s;
        const QJsonObject o = built(m);
        QCOMPARE(o.value("text"_L1).toObject().value("preview_url"_L1), QJsonValue(true));
        QCOMPARE(o.value("context"_L1).toObject(), json("{'message_id':'wamid.IN'}"));
    }

    void buttons()
    {
        OutboundMessage m = threeButtons();
        m.header = u"Pool car"_s;
        m.footer = u"MobilityOne"_s;
        QCOMPARE(built(m),
                 json("{'messaging_product':'whatsapp','recipient_type':'individual','to':'"
                      "385911234567','type':'interactive', "
                      "'interactive':{'type':'button','header':{'type':'text','text':'Pool "
                      "car'},'body':{'text':'Book the pool car?'},'footer':{'text':'MobilityOne'}, "
                      "'action':{'buttons':[{'type':'reply','reply':{'id':'yes','title':'Yes'}},{'"
                      "type':'reply','reply':{'id':'no','title':'No'}},{'type':'reply','reply':{'"
                      "id':'later','title':'Later'}}]}}}"));
    }

    void list()
    {
        OutboundMessage m = aList(2);
        QCOMPARE(
            built(m),
            json(
                "{'messaging_product':'whatsapp','recipient_type':'individual','to':'385911234567',"
                "'type':'interactive', 'interactive':{'type':'list','body':{'text':'Which car?'}, "
                "'action':{'button':'Choose a car','sections':[{'title':'Available','rows':[ "
                "{'id':'car-0','title':'ZG-1000-AB','description':'Skoda Octavia'}, "
                "{'id':'car-1','title':'ZG-1001-AB','description':'Skoda Octavia'}]}]}}}"));
    }

    void markRead()
    {
        QCOMPARE(built(OutboundMessage::markRead(u"wamid.IN"_s)),
                 json("{'messaging_product':'whatsapp','status':'read','message_id':'wamid.IN'}"));
    }

    void oversizeTextIsClippedOrRejected_data()
    {
        QTest::addColumn<OutboundMessage>("message");
        QTest::addColumn<QString>("where");
        auto longText = OutboundMessage::textMessage(u"1"_s, QString(4097, u'a'));
        QTest::newRow("text body") << longText << u"text"_s;
        auto b = threeButtons();
        b.buttons[1].title = u"A title that is far too long"_s;
        QTest::newRow("button title") << b << u"buttons[1].title"_s;
        b = threeButtons();
        b.text = QString(1025, u'x');
        QTest::newRow("interactive body") << b << u"body"_s;
        b = threeButtons();
        b.header = QString(61, u'h');
        QTest::newRow("header") << b << u"header"_s;
        b = threeButtons();
        b.footer = QString(61, u'f');
        QTest::newRow("footer") << b << u"footer"_s;
        auto l = aList(1);
        l.list.buttonText = QString(21, u'b');
        QTest::newRow("list button") << l << u"list.buttonText"_s;
        l = aList(1);
        l.list.sections[0].title = QString(25, u's');
        QTest::newRow("section title") << l << u"list.sections[0].title"_s;
        l = aList(1);
        l.list.sections[0].rows[0].title = QString(25, u't');
        QTest::newRow("row title") << l << u"list.sections[0].rows[0].title"_s;
        l = aList(1);
        l.list.sections[0].rows[0].description = QString(73, u'd');
        QTest::newRow("row description") << l << u"list.sections[0].rows[0].description"_s;
    }

    void oversizeTextIsClippedOrRejected()
    {
        QFETCH(OutboundMessage, message);
        QFETCH(QString, where);
        const auto rejected = GraphApiRequestBuilder::build(message, Oversize::Reject);
        QVERIFY(!rejected.ok());
        QVERIFY(rejected.json.isEmpty());
        QVERIFY2(rejected.error.startsWith(where + u": "_s), qPrintable(rejected.error));
        QVERIFY2(rejected.error.contains(u"at most"_s), qPrintable(rejected.error));

        const auto clipped = GraphApiRequestBuilder::build(message, Oversize::Clip);
        QVERIFY2(clipped.ok(), qPrintable(clipped.error));
        QCOMPARE(clipped.adjustments.size(), 1);
        QVERIFY(clipped.adjustments.first().startsWith(where));
        // Every string in the clipped body is within its limit and the cut is marked.
        QVERIFY(clipped.json.contains("\xE2\x80\xA6"));
    }

    void countsIdsAndEmptiesAreAlwaysRejected_data()
    {
        QTest::addColumn<OutboundMessage>("message");
        QTest::addColumn<QString>("expected");
        auto b = threeButtons();
        b.buttons.append({ u"four"_s, u"Four"_s });
        QTest::newRow("four buttons") << b << u"1 to 3"_s;
        b.buttons.clear();
        QTest::newRow("no buttons") << b << u"1 to 3"_s;
        b = threeButtons();
        b.buttons[2].id = u"yes"_s;
        QTest::newRow("duplicate id") << b << u"unique"_s;
        b = threeButtons();
        b.buttons[2].title = u"Yes"_s;
        QTest::newRow("duplicate title") << b << u"unique"_s;
        b = threeButtons();
        b.buttons[0].id = QString(257, u'i');
        QTest::newRow("long button id") << b << u"longer than 256"_s;
        b = threeButtons();
        b.buttons[0].title.clear();
        QTest::newRow("empty title") << b << u"must not be empty"_s;
        b = threeButtons();
        b.text.clear();
        QTest::newRow("empty body") << b << u"body: must not be empty"_s;
        b = threeButtons();
        b.to.clear();
        QTest::newRow("no recipient") << b << u"to:"_s;
        QTest::newRow("eleven rows") << aList(11) << u"at most 10"_s;
        auto l = aList(5);
        auto second = l.list.sections.first();
        for (auto &row : second.rows)
            row.id += u"-b"_s;
        second.title.clear();
        l.list.sections.append(second);
        QTest::newRow("untitled second section")
            << l << u"list.sections[1].title: must not be empty"_s;
        l = aList(2);
        l.list.sections[0].rows[1].id = l.list.sections[0].rows[0].id;
        QTest::newRow("duplicate row id") << l << u"unique"_s;
        l = aList(1);
        l.list.sections[0].rows[0].id = QString(201, u'r');
        QTest::newRow("long row id") << l << u"longer than 200"_s;
        l = aList(1);
        l.list.sections.clear();
        QTest::newRow("no sections") << l << u"1 to 10 sections"_s;
        QTest::newRow("mark read without id")
            << OutboundMessage::markRead(QString()) << u"messageIdToMarkRead"_s;
        QTest::newRow("empty text")
            << OutboundMessage::textMessage(u"1"_s, u"  "_s) << u"text: must not be empty"_s;
    }

    void countsIdsAndEmptiesAreAlwaysRejected()
    {
        QFETCH(OutboundMessage, message);
        QFETCH(QString, expected);
        for (const Oversize policy : { Oversize::Clip, Oversize::Reject }) {
            const auto r = GraphApiRequestBuilder::build(message, policy);
            QVERIFY(!r.ok());
            QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        }
    }

    void limitsAreInclusive()
    {
        auto b = threeButtons();
        b.buttons[0].title = QString(20, u'x');
        b.text = QString(1024, u'y');
        b.header = QString(60, u'h');
        QVERIFY(GraphApiRequestBuilder::build(b, Oversize::Reject).ok());
        QVERIFY(GraphApiRequestBuilder::build(aList(10), Oversize::Reject).ok());
        QVERIFY(GraphApiRequestBuilder::build(
                    OutboundMessage::textMessage(u"1"_s, QString(4096, u'z')), Oversize::Reject)
                    .ok());
    }

    void charactersAreCodePoints()
    {
        // 20 emoji are 40 UTF-16 units but 20 characters: within the button title limit.
        QString emoji;
        for (int i = 0; i < 20; ++i)
            emoji += u"\U0001F697"_s;
        QCOMPARE(GraphApiRequestBuilder::characterCount(emoji), 20);
        auto b = threeButtons();
        b.buttons[0].title = emoji;
        QVERIFY(GraphApiRequestBuilder::build(b, Oversize::Reject).ok());
        // Clipping never splits a surrogate pair.
        const QString clipped = GraphApiRequestBuilder::clipped(emoji + emoji, 5);
        QCOMPARE(GraphApiRequestBuilder::characterCount(clipped), 5);
        QCOMPARE(clipped, u"\U0001F697\U0001F697\U0001F697\U0001F697\u2026"_s);
    }
};

QTEST_GUILESS_MAIN(TestGraphApiRequestBuilder)
#include "tst_graphapirequestbuilder.moc"
