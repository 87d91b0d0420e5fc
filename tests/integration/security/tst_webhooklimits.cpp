// Security: what an oversized or pathological request costs a real `m1bot serve` process. Meta
// sends at most 3 MB; a body declared larger is refused with 413 from its Content-Length alone,
// before any of it is read (shown by never sending it), and a chunked body is cut off at the
// chunk that would pass the limit. Exactly 3 MB is still accepted. Oversized headers get 431.
// JSON nested deeper than the limit (32 levels; Meta's payloads use about 7) is refused with 400
// and a clear error before the JSON reader sees it — also half a megabyte of '[' — while
// brackets inside strings do not count. The process keeps serving throughout.
#include "servefixture.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kAsk = u"show the fleet utilization report"_s;

// One HTTP exchange over a plain socket, for requests no HTTP client would send.
class RawHttp
{
public:
    explicit RawHttp(const QUrl &url)
    {
        m_socket.connectToHost(url.host(), quint16(url.port()));
        (void)QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10'000);
        m_path = url.path().toUtf8();
    }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        (void)QTest::qWaitFor([this] { return m_socket.bytesToWrite() == 0 || !connected(); }, 10'000);
    }
    QByteArray postHead(qint64 contentLength, const QByteArray &signature, const QByteArray &extra = {}) const
    {
        return "POST " + m_path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + (contentLength >= 0 ? "Content-Length: " + QByteArray::number(contentLength) + "\r\n" : QByteArray())
            + (signature.isEmpty() ? QByteArray() : "X-Hub-Signature-256: " + signature + "\r\n") + extra + "\r\n";
    }
    // True once a whole response head (and the body it declares) arrived.
    bool answered()
    {
        m_received += m_socket.readAll();
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = m_received.left(end);
        qint64 length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        return m_received.size() >= end + 4 + length;
    }
    bool waitForAnswer(int timeoutMs = 15'000)
    {
        return QTest::qWaitFor([this] { return answered(); }, timeoutMs);
    }
    int status() const { return m_received.mid(9, 3).toInt(); }
    QByteArray body() const { return m_received.mid(m_received.indexOf("\r\n\r\n") + 4); }
    bool closedByServer()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 10'000);
    }

private:
    QTcpSocket m_socket;
    QByteArray m_path;
    QByteArray m_received;
};

QByteArray sign(const QByteArray &body)
{
    return WebhookPayloadBuilder::signature(ServeFixture::appSecret(), body);
}

// A real message whose payload also carries `extra` as the value of a member "x".
QByteArray withExtra(const QString &phone, const QString &id, const QByteArray &extra)
{
    WebhookPayloadBuilder payload;
    payload.text(phone, kAsk, id);
    QByteArray body = payload.body();
    body.chop(1); // the closing brace of the root object
    return body + ",\"x\":" + extra + '}';
}

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestWebhookLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void declaredOversizeIsRefusedBeforeTheBody();
    void chunkedBodyIsCutOffAtTheLimit();
    void exactlyThreeMegabytesIsAccepted();
    void oversizedHeadersAre431();
    void nestingWithinTheLimitIsAccepted();
    void nestingBeyondTheLimitIs400();
    void bracketsInStringsDoNotCount();
    void unsignedDeepBodyIsNeverParsed();

private:
    double metric(const QString &name) { return m_f.metric(*m_serve, name); }
    QString phone() { return u"38591650"_s + QString::number(1000 + ++m_phones); }
    bool stillServing() { return m_f.http().get(m_serve->url(u"/health"_s)).status == 200; }

    ServeFixture m_f;
    std::unique_ptr<ServeProcess> m_serve;
    int m_phones = 0;
};

void TestWebhookLimits::initTestCase()
{
    M1_START_SERVE_FIXTURE(m_f);
    m_serve = m_f.serve();
    const QString started = m_serve->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestWebhookLimits::cleanupTestCase()
{
    if (m_serve)
        QCOMPARE(m_serve->terminate(), 0);
}

void TestWebhookLimits::declaredOversizeIsRefusedBeforeTheBody()
{
    const double before = metric(u"m1_channel_webhook_too_large_total"_s);
    for (const qint64 declared : { qint64(3 * 1024 * 1024 + 1), qint64(100) * 1024 * 1024, qint64(999'999'999'999) }) {
        RawHttp http(m_serve->webhookUrl());
        QVERIFY(http.connected());
        // Only the head: had the server waited for the body, no answer would ever come.
        http.write(http.postHead(declared, "sha256=" + QByteArray(64, '0')));
        QVERIFY2(http.waitForAnswer(), qPrintable(QString::number(declared)));
        QCOMPARE(http.status(), 413);
        QVERIFY2(http.body().contains("over the limit of 3145728"), http.body().constData());
        QVERIFY(http.closedByServer());
    }
    QCOMPARE(metric(u"m1_channel_webhook_too_large_total"_s), before + 3);
    QVERIFY(stillServing());
}

void TestWebhookLimits::chunkedBodyIsCutOffAtTheLimit()
{
    // No Content-Length to refuse up front: 1 MB chunks until the server says stop. The chunk
    // that would pass 3 MB is refused from its size line, before its data is read.
    RawHttp http(m_serve->webhookUrl());
    QVERIFY(http.connected());
    http.write(http.postHead(-1, "sha256=" + QByteArray(64, '0'), "Transfer-Encoding: chunked\r\n"_ba));
    const QByteArray chunk(1024 * 1024, ' ');
    int chunksSent = 0;
    while (chunksSent < 10 && !http.answered()) {
        http.write(QByteArray::number(chunk.size(), 16) + "\r\n");
        // Time for a refusal to come back before the chunk's data is sent.
        if (QTest::qWaitFor([&] { return http.answered(); }, 1'000))
            break;
        http.write(chunk + "\r\n");
        ++chunksSent;
    }
    QVERIFY(http.waitForAnswer());
    QCOMPARE(http.status(), 413);
    QCOMPARE(chunksSent, 3); // three whole megabytes read, the fourth refused from its size line
    QVERIFY(http.closedByServer());
    QVERIFY(stillServing());
}

void TestWebhookLimits::exactlyThreeMegabytesIsAccepted()
{
    const QString from = phone();
    WebhookPayloadBuilder payload;
    payload.text(from, kAsk, u"wamid.limits.3mb"_s);
    QByteArray body = payload.body();
    body.chop(1);
    body += ",\"padding\":\"";
    body += QByteArray(3 * 1024 * 1024 - body.size() - 2, 'p');
    body += "\"}";
    QCOMPARE(body.size(), 3 * 1024 * 1024);
    QCOMPARE(m_f.http().postSigned(m_serve->webhookUrl(), body, sign(body), 60'000).status, 200);
    QVERIFY(m_f.settle());
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(from) == 1; }, 30'000));
}

void TestWebhookLimits::oversizedHeadersAre431()
{
    RawHttp http(m_serve->webhookUrl());
    http.write(http.postHead(2, sign("{}"), "X-Filler: " + QByteArray(20 * 1024, 'f') + "\r\n"));
    QVERIFY(http.waitForAnswer());
    QCOMPARE(http.status(), 431);
    QVERIFY(stillServing());
}

void TestWebhookLimits::nestingWithinTheLimitIsAccepted()
{
    // The root object is level 1, so 31 arrays under "x" make 32 levels: the deepest allowed.
    const QString from = phone();
    const QByteArray body = withExtra(from, u"wamid.limits.depth32"_s, nestedArrays(31));
    QCOMPARE(m_f.http().postSigned(m_serve->webhookUrl(), body, sign(body)).status, 200);
    QVERIFY(m_f.settle());
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(from) == 1; }, 30'000));
}

void TestWebhookLimits::nestingBeyondTheLimitIs400()
{
    const QByteArray lastId = m_f.lastStreamId();
    const double before = metric(u"m1_channel_webhook_bad_request_total"_s);
    const QList<QByteArray> bodies {
        withExtra(phone(), u"wamid.limits.depth33"_s, nestedArrays(32)), // 33 levels
        withExtra(phone(), u"wamid.limits.depth1000"_s, nestedArrays(1'000)),
        QByteArray(512 * 1024, '['), // half a megabyte of openings, never closed
        "{\"a\":" + QByteArray(100'000, '{'), // objects, unterminated
    };
    for (const QByteArray &body : bodies) {
        const HttpProbe::Answer a = m_f.http().postSigned(m_serve->webhookUrl(), body, sign(body));
        QCOMPARE(a.status, 400);
        QVERIFY2(a.body.contains("JSON nested deeper than 32 levels"), a.body.constData());
    }
    QCOMPARE(metric(u"m1_channel_webhook_bad_request_total"_s), before + bodies.size());
    QCOMPARE(m_f.lastStreamId(), lastId);
    QVERIFY(stillServing());
}

void TestWebhookLimits::bracketsInStringsDoNotCount()
{
    const QString from = phone();
    const WebhookPayloadBuilder::Signed s = ServeFixture::signedText(
        from, u"wamid.limits.brackets"_s, QString(200, u'[') + u" show the fleet utilization report "_s + QString(200, u'{'));
    QCOMPARE(m_f.http().postSigned(m_serve->webhookUrl(), s.body, s.signature).status, 200);
    QVERIFY(m_f.settle());
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(from) == 1; }, 30'000));
}

void TestWebhookLimits::unsignedDeepBodyIsNeverParsed()
{
    // Without a valid signature nothing of the body is looked at: 401, not 400.
    const double badBefore = metric(u"m1_channel_webhook_bad_request_total"_s);
    const QByteArray body(200 * 1024, '[');
    QCOMPARE(m_f.http().postSigned(m_serve->webhookUrl(), body, "sha256=" + QByteArray(64, 'a')).status, 401);
    QCOMPARE(metric(u"m1_channel_webhook_bad_request_total"_s), badBefore);
}

QTEST_GUILESS_MAIN(TestWebhookLimits)
#include "tst_webhooklimits.moc"
