// The incremental HTTP/1.1 request parser: byte-by-byte feeding, pipelining, chunked bodies,
// and limits enforced before the body is read.

#include "channel/httprequestparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using m1::HttpRequest;
using m1::HttpRequestParser;
using State = HttpRequestParser::State;

// moc misreads raw string literals (an odd quote or a '#' inside one hides the test class from
// it), so JSON in this file is written with single quotes and converted here.
static QByteArray quoted(const char *singleQuoted)
{
    QByteArray json(singleQuoted);
    json.replace('\'', '"');
    return json;
}

namespace {

// Feeds everything at once; returns the final state.
State feedAll(HttpRequestParser &parser, QByteArray bytes)
{
    return parser.feed(bytes);
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleGet()
    {
        HttpRequestParser parser;
        QByteArray buffer
            = "GET /webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=a%20b HTTP/1.1\r\nHost: x\r\nUser-Agent: facebookplatform/1.0\r\n\r\n"_ba;
        QCOMPARE(parser.feed(buffer), State::Complete);
        QVERIFY(buffer.isEmpty());
        const HttpRequest r = parser.takeRequest();
        QCOMPARE(r.method, "GET"_ba);
        QCOMPARE(r.path, u"/webhook"_s);
        QCOMPARE(r.query.queryItemValue(u"hub.challenge"_s), u"1158201444"_s);
        QCOMPARE(r.query.queryItemValue(u"hub.verify_token"_s, QUrl::FullyDecoded), u"a b"_s);
        QCOMPARE(r.header("user-agent"), "facebookplatform/1.0"_ba);
        QVERIFY(r.keepAlive);
        QVERIFY(r.body.isEmpty());
    }

    void postFedOneByteAtATime()
    {
        const QByteArray body = quoted("{'object':'whatsapp_business_account'}");
        const QByteArray wire
            = "POST /webhook HTTP/1.1\r\nContent-Type: application/json\r\nX-Hub-Signature-256: sha256=00\r\nContent-Length: "_ba
            + QByteArray::number(body.size()) + "\r\n\r\n"_ba + body;
        HttpRequestParser parser;
        QByteArray buffer;
        State state = State::NeedMore;
        for (const char c : wire) {
            QCOMPARE(state, State::NeedMore);
            buffer.append(c);
            state = parser.feed(buffer);
        }
        QCOMPARE(state, State::Complete);
        const HttpRequest r = parser.takeRequest();
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("x-hub-signature-256"), "sha256=00"_ba);
    }

    void pipelinedRequestsComeOutInOrder()
    {
        HttpRequestParser parser;
        QByteArray buffer
            = "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\nPOST /c HTTP/1.1\r\nContent-Length: 1\r\nConnection: close\r\n\r\nz"_ba;
        QCOMPARE(parser.feed(buffer), State::Complete);
        HttpRequest a = parser.takeRequest();
        QCOMPARE(parser.feed(buffer), State::Complete);
        HttpRequest b = parser.takeRequest();
        QCOMPARE(parser.feed(buffer), State::Complete);
        HttpRequest c = parser.takeRequest();
        QCOMPARE(parser.feed(buffer), State::NeedMore);
        QCOMPARE(a.body, "abc"_ba);
        QCOMPARE(b.path, u"/b"_s);
        QCOMPARE(c.body, "z"_ba);
        QVERIFY(!c.keepAlive);
    }

    void chunkedBody()
    {
        HttpRequestParser parser;
        QByteArray buffer
            = "POST /webhook HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\nGET / HTTP/1.1\r\n\r\n"_ba;
        QCOMPARE(parser.feed(buffer), State::Complete);
        QCOMPARE(parser.takeRequest().body, "Wikipedia"_ba);
        QCOMPARE(parser.feed(buffer), State::Complete);
        QCOMPARE(parser.takeRequest().path, u"/"_s);
    }

    void http10ClosesUnlessAskedToKeepAlive()
    {
        HttpRequestParser parser;
        QCOMPARE(feedAll(parser, "GET / HTTP/1.0\r\n\r\n"_ba), State::Complete);
        QVERIFY(!parser.takeRequest().keepAlive);
        QCOMPARE(feedAll(parser, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba),
                 State::Complete);
        QVERIFY(parser.takeRequest().keepAlive);
    }

    void oversizeBodyIsRefusedFromTheHeaders()
    {
        HttpRequestParser::Limits limits;
        limits.maxBodyBytes = 1000;
        HttpRequestParser parser(limits);
        // Only the headers have arrived; the refusal does not wait for 5 MB of body.
        QCOMPARE(feedAll(parser, "POST /webhook HTTP/1.1\r\nContent-Length: 5000000\r\n\r\n"_ba),
                 State::Error);
        QCOMPARE(parser.errorStatus(), 413);
        QVERIFY(parser.errorMessage().contains(u"5000000"_s));

        HttpRequestParser chunked(limits);
        QCOMPARE(feedAll(chunked,
                         "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n"_ba
                             + QByteArray(1000, 'a') + "\r\n1\r\n"_ba),
                 State::Error);
        QCOMPARE(chunked.errorStatus(), 413);
    }

    void oversizeHeadersAreRefusedBeforeTheyEnd()
    {
        HttpRequestParser::Limits limits;
        limits.maxHeaderBytes = 512;
        HttpRequestParser parser(limits);
        QCOMPARE(feedAll(parser, "GET / HTTP/1.1\r\nX-Long: "_ba + QByteArray(600, 'a')),
                 State::Error);
        QCOMPARE(parser.errorStatus(), 431);
    }

    // Trailers count against the header limit, all together, and the answer does not depend
    // on where the network cuts them (a fuzzer found a trailer line over the limit accepted
    // whole and refused in pieces).
    void trailersAreHeldToTheHeaderLimitHoweverTheyArrive_data()
    {
        QTest::addColumn<QByteArray>("trailers");
        QTest::addColumn<int>("status");
        QTest::newRow("one line at the limit") << QByteArray(64, 't') << 0;
        QTest::newRow("one line over the limit") << QByteArray(65, 't') << 431;
        QTest::newRow("many short lines over the limit")
            << QByteArray(25, 't') + "\r\n"_ba + QByteArray(25, 't') + "\r\n"_ba + QByteArray(25, 't') << 431;
    }
    void trailersAreHeldToTheHeaderLimitHoweverTheyArrive()
    {
        QFETCH(QByteArray, trailers);
        QFETCH(int, status);
        HttpRequestParser::Limits limits;
        limits.maxHeaderBytes = 64;
        const QByteArray input = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"_ba + trailers
            + "\r\n\r\n"_ba;
        for (const qsizetype piece : { qsizetype(0), qsizetype(1), qsizetype(3), qsizetype(7) }) {
            HttpRequestParser parser(limits);
            QByteArray buffer;
            State state = State::NeedMore;
            for (qsizetype fed = 0; fed < input.size() && state == State::NeedMore;) {
                const qsizetype n = piece == 0 ? input.size() : qMin(piece, input.size() - fed);
                buffer.append(input.constData() + fed, n);
                fed += n;
                state = parser.feed(buffer);
            }
            QCOMPARE(state, status == 0 ? State::Complete : State::Error);
            QCOMPARE(parser.errorStatus(), status);
        }
    }

    void expectContinue()
    {
        HttpRequestParser parser;
        QByteArray buffer
            = "POST / HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n"_ba;
        QCOMPARE(parser.feed(buffer), State::NeedMore);
        QVERIFY(parser.takeContinueRequest());
        QVERIFY(!parser.takeContinueRequest());
        buffer = "ok"_ba;
        QCOMPARE(parser.feed(buffer), State::Complete);
    }

    void malformedRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << "\x16\x03\x01\x02\x00\x01\r\n\r\n"_ba << 400;
        QTest::newRow("no version") << "GET /\r\n\r\n"_ba << 400;
        QTest::newRow("http/2 preface") << "PRI * HTTP/2.0\r\n\r\n"_ba << 505;
        QTest::newRow("bad method") << "G(T / HTTP/1.1\r\n\r\n"_ba << 400;
        QTest::newRow("relative target") << "GET webhook HTTP/1.1\r\n\r\n"_ba << 400;
        QTest::newRow("header without colon") << "GET / HTTP/1.1\r\nBroken\r\n\r\n"_ba << 400;
        QTest::newRow("folded header") << "GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n"_ba << 400;
        QTest::newRow("negative length")
            << "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"_ba << 400;
        QTest::newRow("conflicting lengths")
            << "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"_ba << 400;
        QTest::newRow("length and chunked")
            << "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"_ba
            << 400;
        QTest::newRow("gzip coding")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"_ba << 501;
        QTest::newRow("bad chunk size")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba << 400;
        QTest::newRow("chunk without CRLF")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXY"_ba << 400;
        QTest::newRow("odd expect") << "POST / HTTP/1.1\r\nExpect: teapot\r\n\r\n"_ba << 417;
    }

    void malformedRequestsAreRefused()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestParser parser;
        QCOMPARE(feedAll(parser, wire), State::Error);
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY(!parser.errorMessage().isEmpty());
        // Once failed, it stays failed.
        QCOMPARE(feedAll(parser, "GET / HTTP/1.1\r\n\r\n"_ba), State::Error);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
