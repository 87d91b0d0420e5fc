// Security: who may put a message into the bot. Signed webhook POSTs against a real `m1bot serve`
// process: a forged signature (another secret), none at all, a valid signature of another body,
// a truncated, non-hex, empty, doubled or SHA-1 ("sha1=", the old X-Hub-Signature) one are all
// refused with 401 and queue nothing; the same signed body delivered again (a replay, or Meta's
// own redelivery) is accepted but answered only once. Uppercase hex of the right HMAC is the
// same signature and is accepted (the digest is compared as bytes, in constant time).
#include "servefixture.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

QByteArray sha256Signature(const QByteArray &secret, const QByteArray &body)
{
    return "sha256="_ba + QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestWebhookSignatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void badSignaturesAreRefused_data();
    void badSignaturesAreRefused();
    void uppercaseHexIsTheSameSignature();
    void replayedBodyIsAnsweredOnce();
    void signatureOfAnotherBodyCannotCarryThisOne();

private:
    static WebhookPayloadBuilder::Signed message(const QString &phone, const QString &id)
    {
        return ServeFixture::signedText(phone, id);
    }
    HttpProbe::Answer post(const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers)
    {
        return m_f.http().post(m_serve->webhookUrl(), body, headers);
    }

    ServeFixture m_f;
    std::unique_ptr<ServeProcess> m_serve;
    int m_refused = 0; // 401s so far
    int m_rows = 0;
};

void TestWebhookSignatures::initTestCase()
{
    M1_START_SERVE_FIXTURE(m_f);
    m_serve = m_f.serve();
    const QString started = m_serve->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    // The stream exists (the consumer group creates it), so its last id can be compared.
    QVERIFY(!m_f.lastStreamId().isEmpty());
}

void TestWebhookSignatures::cleanupTestCase()
{
    if (m_serve)
        QCOMPARE(m_serve->terminate(), 0);
}

void TestWebhookSignatures::badSignaturesAreRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    // Each row signs its own body (phone and id); the value is derived from it in the test.
    QTest::newRow("missing") << QByteArray() << QByteArray();
    QTest::newRow("wrong secret") << "X-Hub-Signature-256"_ba << "wrong-secret"_ba;
    QTest::newRow("truncated") << "X-Hub-Signature-256"_ba << "truncated"_ba;
    QTest::newRow("one digit changed") << "X-Hub-Signature-256"_ba << "flipped"_ba;
    QTest::newRow("non-hex") << "X-Hub-Signature-256"_ba << "non-hex"_ba;
    QTest::newRow("empty digest") << "X-Hub-Signature-256"_ba << "sha256="_ba;
    QTest::newRow("no algorithm") << "X-Hub-Signature-256"_ba << "bare-hex"_ba;
    QTest::newRow("sha1= in the new header") << "X-Hub-Signature-256"_ba << "sha1"_ba;
    QTest::newRow("sha1= in the old header only") << "X-Hub-Signature"_ba << "sha1"_ba;
    QTest::newRow("valid, then another") << "X-Hub-Signature-256"_ba << "doubled"_ba;
}

void TestWebhookSignatures::badSignaturesAreRefused()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    const QString phone = u"3859160"_s + QString::number(10000 + ++m_rows);
    const WebhookPayloadBuilder::Signed s = message(phone, u"wamid.sig."_s + QString::fromLatin1(QTest::currentDataTag()));
    const QByteArray good = s.signature; // sha256=<64 lowercase hex>
    QByteArray signature;
    if (value == "wrong-secret")
        signature = sha256Signature("not-the-app-secret", s.body);
    else if (value == "truncated")
        signature = good.left(good.size() - 2);
    else if (value == "flipped")
        signature = good.left(good.size() - 1) + (good.endsWith('0') ? "1" : "0");
    else if (value == "non-hex")
        signature = "sha256=" + QByteArray(64, 'z');
    else if (value == "bare-hex")
        signature = good.mid(7);
    else if (value == "sha1")
        signature = "sha1=" + QMessageAuthenticationCode::hash(s.body, ServeFixture::appSecret(), QCryptographicHash::Sha1).toHex();
    else if (value == "doubled")
        signature = good + ",sha256=" + QByteArray(64, '0');
    else
        signature = value;

    const QByteArray lastId = m_f.lastStreamId();
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!header.isEmpty())
        headers.append({ header, signature });
    const HttpProbe::Answer a = post(s.body, headers);
    QCOMPARE(a.status, 401);
    ++m_refused;
    // Nothing was queued, nobody is answered, and the refusal is counted and said.
    QCOMPARE(m_f.lastStreamId(), lastId);
    QCOMPARE(m_f.metric(*m_serve, u"m1_channel_webhook_unauthorized_total"_s), double(m_refused));
    QTest::qWait(100);
    QCOMPARE(m_f.repliesTo(phone), 0);
    QVERIFY(m_serve->stderrText().contains(u"refused"_s));
}

void TestWebhookSignatures::uppercaseHexIsTheSameSignature()
{
    const QString phone = u"385916020001"_s;
    const WebhookPayloadBuilder::Signed s = message(phone, u"wamid.sig.upper"_s);
    const QByteArray upper = "SHA256=" + s.signature.mid(7).toUpper();
    QCOMPARE(post(s.body, { { "X-Hub-Signature-256"_ba, upper } }).status, 200);
    QVERIFY(m_f.settle());
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(phone) == 1; }, 30'000));
}

void TestWebhookSignatures::replayedBodyIsAnsweredOnce()
{
    // An attacker who captured one signed POST (or Meta redelivering it) sends it again: five
    // more times, one after another, then five at once. Stored each time (200, so Meta stops
    // retrying), answered once: the message id is deduplicated for a day.
    const QString phone = u"385916020002"_s;
    const WebhookPayloadBuilder::Signed s = message(phone, u"wamid.sig.replayed"_s);
    const double duplicatesBefore = m_f.metric(*m_serve, u"m1_pipeline_duplicates_total"_s);
    QCOMPARE(m_f.http().postSigned(m_serve->webhookUrl(), s.body, s.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(phone) == 1 && m_f.streamLength() == 0; }, 30'000));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_f.http().postSigned(m_serve->webhookUrl(), s.body, s.signature).status, 200);
    QList<HttpProbe::Post> burst;
    for (int i = 0; i < 5; ++i)
        burst.append({ m_serve->webhookUrl(), s.body, s.signature });
    for (const HttpProbe::Answer &a : m_f.http().postMany(burst))
        QCOMPARE(a.status, 200);
    QVERIFY(m_f.settle());
    QVERIFY(QTest::qWaitFor([&] { return m_f.metric(*m_serve, u"m1_pipeline_duplicates_total"_s) == duplicatesBefore + 10; },
                            30'000));
    QTest::qWait(500);
    QCOMPARE(m_f.repliesTo(phone), 1);
}

void TestWebhookSignatures::signatureOfAnotherBodyCannotCarryThisOne()
{
    // A valid signature lifted from one POST and put on another body (the classic replay of a
    // header): refused, however small the change.
    const QString phone = u"385916020003"_s;
    const WebhookPayloadBuilder::Signed genuine = message(phone, u"wamid.sig.genuine"_s);
    const WebhookPayloadBuilder::Signed other = message(phone, u"wamid.sig.tampered"_s);
    const QByteArray lastId = m_f.lastStreamId();
    QByteArray tampered = genuine.body;
    tampered.replace("show the fleet", "drop the fleet");
    for (const QByteArray &body : QByteArrayList { other.body, tampered, genuine.body + ' ', genuine.body.chopped(1) }) {
        QCOMPARE(m_f.http().postSigned(m_serve->webhookUrl(), body, genuine.signature).status, 401);
        ++m_refused;
    }
    QCOMPARE(m_f.lastStreamId(), lastId);
    QCOMPARE(m_f.metric(*m_serve, u"m1_channel_webhook_unauthorized_total"_s), double(m_refused));
    QTest::qWait(200);
    QCOMPARE(m_f.repliesTo(phone), 0);
}

QTEST_GUILESS_MAIN(TestWebhookSignatures)
#include "tst_webhooksignatures.moc"
