// Reading /messages responses and deciding what is worth retrying.

#include "channel/graphapireply.h"

#include <QTest>

using namespace Qt::StringLiterals;
using m1::GraphApiReply;

// moc misreads raw string literals (an odd quote or a '#' inside one hides the test class from
// it), so JSON in this file is written with single quotes and converted here.
static QByteArray quoted(const char *singleQuoted)
{
    QByteArray json(singleQuoted);
    json.replace('\'', '"');
    return json;
}

class TestGraphApiReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void successCarriesTheWamid()
    {
        const auto r = GraphApiReply::parse(
            200,
            quoted("{'messaging_product':'whatsapp','contacts':[{'input':'+1 650 555 "
                   "1234','wa_id':'16505551234'}],'messages':[{'id':'wamid."
                   "HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA'}]}"));
        QVERIFY(r.ok);
        QCOMPARE(r.wamid, u"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"_s);
        QCOMPARE(r.error.code, 0);
    }

    void markReadSuccess()
    {
        const auto r = GraphApiReply::parse(200, quoted("{'success':true}"));
        QVERIFY(r.ok);
        QVERIFY(r.wamid.isEmpty());
    }

    void okStatusWithoutIdIsNotSuccess()
    {
        const auto r = GraphApiReply::parse(200, quoted("{'messaging_product':'whatsapp'}"));
        QVERIFY(!r.ok);
        QVERIFY(r.error.message.contains(u"without a message id"_s));
        QVERIFY(!GraphApiReply::parse(200, "not json"_ba).ok);
    }

    void graphErrorIsRead()
    {
        const auto r = GraphApiReply::parse(
            400,
            quoted("{'error':{'message':'(#131047) Re-engagement "
                   "message','type':'OAuthException','code':131047,'error_data':{'messaging_"
                   "product':'whatsapp','details':'Message failed to send because more than 24 "
                   "hours have passed since the customer last replied to this "
                   "number.'},'error_subcode':2494010,'fbtrace_id':'Az8or2yhqkZfEZ-_4Qn_Bam'}}"));
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, 131047);
        QCOMPARE(r.errorSubcode, 2494010);
        QCOMPARE(r.fbtraceId, u"Az8or2yhqkZfEZ-_4Qn_Bam"_s);
        QVERIFY(r.error.details.contains(u"24 hours"_s));
        QVERIFY(r.error.toString().startsWith(
            u"131047 (#131047) Re-engagement message: Message failed"_s));
    }

    void retryDecision_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("retry");
        QTest::newRow("transport error") << 0 << 0 << true;
        QTest::newRow("429") << 429 << 0 << true;
        QTest::newRow("500") << 500 << 0 << true;
        QTest::newRow("503") << 503 << 0 << true;
        QTest::newRow("130429 throughput") << 400 << 130429 << true;
        QTest::newRow("131056 pair rate") << 400 << 131056 << true;
        QTest::newRow("4 app limit") << 400 << 4 << true;
        QTest::newRow("80007 waba limit") << 400 << 80007 << true;
        QTest::newRow("131047 window closed") << 400 << 131047 << false;
        QTest::newRow("131026 undeliverable") << 400 << 131026 << false;
        QTest::newRow("100 invalid parameter") << 400 << 100 << false;
        QTest::newRow("190 token") << 401 << 190 << false;
        QTest::newRow("permanent code on a 500") << 500 << 131047 << false;
        QTest::newRow("plain 400") << 400 << 0 << false;
        QTest::newRow("404") << 404 << 0 << false;
        QTest::newRow("unknown code on 400") << 400 << 999999 << false;
    }

    void retryDecision()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(bool, retry);
        QCOMPARE(GraphApiReply::shouldRetry(status, code), retry);
    }
};

QTEST_GUILESS_MAIN(TestGraphApiReply)
#include "tst_graphapireply.moc"
