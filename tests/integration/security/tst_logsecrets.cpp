// Security: secrets never reach a log, and phone numbers reach it only redacted. `m1bot serve`
// runs at the most verbose level (every category's debug output on), once writing text to
// stderr and once JSON lines to a log file, with distinctive values for every secret it holds —
// the app secret, the verify token, the Graph API access token, the LLM API key, the backend API
// token — through the whole flow and its failures: the verification handshake (right and wrong
// token), a forged POST, messages answered, a backend answering 401 and echoing the token it
// got, the LLM answering 401 and echoing its key, the Graph API refusing a reply (190), a failed
// delivery status. Then the start-up failures that print their configuration: a config file
// with errors, a database URL with a password that cannot be reached, a Redis URL with one.
// Every byte the processes wrote (stdout, stderr, log files) and /metrics and /health are
// searched: no secret; the user's number never whole, its redacted form present.
#include "channel/httpserver.h"
#include "servefixture.h"
#include "testsupport/fakechatcompletionsserver.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const QString kLlmKey = u"SEC-llmkey-sk-proj-3e7a1c9b5d2f"_s;
const QString kApiToken = u"SEC-apitoken-6d2f8a0b4c1e"_s;
const QString kDbPassword = u"SEC-dbpassword-9c1e7a3f"_s;
const QString kRedisPassword = u"SEC-redispass-2b4d6f8a"_s;
const QString kPhone = u"385911234567"_s;

QStringList allSecrets()
{
    return { QString::fromUtf8(ServeFixture::appSecret()), ServeFixture::verifyToken(), ServeFixture::accessToken(),
             kLlmKey, kApiToken, kDbPassword, kRedisPassword };
}

// A port nothing listens on.
int closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestLogSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void fullFlowAtDebugLevel_data();
    void fullFlowAtDebugLevel();
    void configErrorsPrintNoSecret();
    void unreachableDatabasePrintsNoPassword();
    void unreachableRedisPrintsNoPassword();

private:
    QProcessEnvironment verboseEnvironment() const
    {
        QProcessEnvironment env = m_f.environment();
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s); // everything, Qt's own categories too
        env.insert(u"M1_LLM_API_KEY"_s, kLlmKey);
        env.insert(u"M1_API_TOKEN"_s, kApiToken);
        return env;
    }
    // `json` with single quotes for double ones (moc misreads raw string literals).
    QString writeConfig(const QString &name, QString json)
    {
        json.replace(u'\'', u'"');
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(json.toUtf8());
        return path;
    }
    // Every secret that occurs in `text`, by name of where it was found.
    static QStringList leaks(const QString &where, const QString &text)
    {
        QStringList found;
        for (const QString &secret : allSecrets()) {
            if (text.contains(secret))
                found.append(where + u" contains "_s + secret);
        }
        return found;
    }
    WebhookPayloadBuilder::Signed text(const QString &id, const QString &body = ServeFixture::ask())
    {
        return ServeFixture::signedText(kPhone, id, body);
    }

    ServeFixture m_f;
    QTemporaryDir m_dir;
    FakeChatCompletionsServer m_llm;
    HttpServer m_backend;
    int m_backendCalls = 0;
};

void TestLogSecrets::initTestCase()
{
    M1_START_SERVE_FIXTURE(m_f);
    QString error;
    QVERIFY2(m_llm.listen(&error), qPrintable(error));
    // OpenAI's 401 names the key it got; this one names it whole.
    m_llm.setDefaultAnswer(FakeChatCompletionsServer::Answer::raw(
        401, FakeChatCompletionsServer::errorBody(u"Incorrect API key provided: "_s + kLlmKey, u"invalid_request_error"_s,
                                                  u"invalid_api_key"_s)));
    // A backend that refuses the token and says which one, as badly written APIs do.
    m_backend.setHandler([this](const HttpRequest &request, HttpResponder responder) {
        ++m_backendCalls;
        const QByteArray token = request.header("authorization").mid(7);
        responder.respond(HttpResponse::json(401, R"({"title":"Unauthorized","detail":"bearer token )"_ba + token
                                                          + R"( has expired"})"_ba));
    });
    QVERIFY2(m_backend.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestLogSecrets::cleanupTestCase() {}

void TestLogSecrets::fullFlowAtDebugLevel_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text on stderr") << false;
    QTest::newRow("json lines in a file") << true;
}

void TestLogSecrets::fullFlowAtDebugLevel()
{
    QFETCH(bool, json);
    const QString logFile = m_dir.filePath(json ? u"serve-json.log"_s : u"unused.log"_s);
    QString config = u"{'planner': {'kind': 'llm', 'provider': 'openai', 'endpoint': '%1', 'model': 'gpt-test'},"
                     u" 'serve': {'api_base_url': 'http://127.0.0.1:%2',"
                     u"           'auth': {'default': {'type': 'bearer', 'token': 'env:M1_API_TOKEN'}}}"_s
                         .arg(m_llm.baseUrl().toString())
                         .arg(m_backend.serverPort());
    if (json)
        config += u", 'log': {'format': 'json', 'file': '%1'}"_s.arg(logFile);
    config += u'}';
    const QString configPath = writeConfig(json ? u"json.json"_s : u"text.json"_s, config);
    m_f.graph().clear();
    m_backendCalls = 0;
    const int llmBefore = m_llm.requestCount();
    auto serve = m_f.serve({ u"--config"_s, configPath, u"--executor"_s, u"http"_s }, verboseEnvironment());
    const QString started = serve->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString tag = json ? u"json"_s : u"text"_s;

    // The handshake, with the right token and a wrong one.
    const QString hub = serve->webhookUrl().toString() + u"?hub.mode=subscribe&hub.challenge=42&hub.verify_token="_s;
    QCOMPARE(m_f.http().get(QUrl(hub + ServeFixture::verifyToken())).status, 200);
    QCOMPARE(m_f.http().get(QUrl(hub + u"SEC-verifytoken-guess"_s)).status, 403);
    // A forged POST.
    const WebhookPayloadBuilder::Signed forged = text(u"wamid.secrets.forged."_s + tag);
    QCOMPARE(m_f.http().postSigned(serve->webhookUrl(), forged.body,
                                   WebhookPayloadBuilder::signature("SEC-guessed-secret", forged.body)).status, 401);
    // A message: the LLM refuses its key (the rules decide), the backend refuses its token.
    const WebhookPayloadBuilder::Signed first = text(u"wamid.secrets.1."_s + tag);
    QCOMPARE(m_f.http().postSigned(serve->webhookUrl(), first.body, first.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return m_f.repliesTo(kPhone) >= 1 && m_f.streamLength() == 0; }, 60'000));
    // The Graph API refuses the next reply: the access token is not valid (190).
    m_f.graph().script(1, { 401, 190, {}, {} });
    const WebhookPayloadBuilder::Signed second = text(u"wamid.secrets.2."_s + tag, u"my bookings"_s);
    QCOMPARE(m_f.http().postSigned(serve->webhookUrl(), second.body, second.signature).status, 200);
    QVERIFY(QTest::qWaitFor([&] { return m_f.graph().scriptedRemaining() == 0 && m_f.streamLength() == 0; }, 60'000));
    // Meta reports a delivery that failed.
    WebhookPayloadBuilder statuses;
    statuses.status(u"wamid.out.secrets"_s, kPhone, u"delivered"_s)
        .failedStatus(u"wamid.out.secrets2"_s, kPhone, 131047, u"Re-engagement message"_s);
    const WebhookPayloadBuilder::Signed s = statuses.sign(ServeFixture::appSecret());
    QCOMPARE(m_f.http().postSigned(serve->webhookUrl(), s.body, s.signature).status, 200);
    const HttpProbe::Answer metrics = m_f.http().get(serve->url(u"/metrics"_s));
    const HttpProbe::Answer health = m_f.http().get(serve->url(u"/health"_s));
    QCOMPARE(metrics.status, 200);
    QCOMPARE(health.status, 200);
    QTest::qWait(300);
    QCOMPARE(serve->terminate(), 0);

    QString log = serve->stderrText();
    if (json) {
        QFile f(logFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        log += QString::fromUtf8(f.readAll());
    }
    const QString out = serve->stdoutText();
    qInfo("%s: %lld bytes of log, %lld lines; backend called %d times, the LLM %d times", qPrintable(tag),
          qlonglong(log.size()), qlonglong(log.count(u'\n')), m_backendCalls, m_llm.requestCount() - llmBefore);

    // The flow happened (so the search below means something)...
    QVERIFY2(m_backendCalls >= 1 && m_llm.requestCount() > llmBefore, qPrintable(log.right(2000)));
    QVERIFY(log.contains(u"wrong hub.verify_token"_s));
    QVERIFY(log.contains(u"X-Hub-Signature-256 does not match the body"_s));
    QVERIFY2(log.contains(u"the LLM planner was not used"_s), qPrintable(log.right(3000)));
    QVERIFY2(log.contains(u"tool call for "_s) && log.contains(u"HTTP 401"_s), qPrintable(log.right(3000)));
    QVERIFY2(log.contains(u"Graph API error 190"_s), qPrintable(log.right(3000)));
    QVERIFY(log.contains(u"failed: 131047"_s));
    QVERIFY(log.contains(u"debug"_s)); // the verbose level was on
    // ...and gave nothing away.
    QStringList found = leaks(u"the log"_s, log) + leaks(u"stdout"_s, out)
        + leaks(u"/metrics"_s, QString::fromUtf8(metrics.body)) + leaks(u"/health"_s, QString::fromUtf8(health.body));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u"\n"_s)));
    // The user's number: never whole, in the log only by its last three digits.
    QVERIFY2(!log.contains(kPhone) && !out.contains(kPhone), qPrintable(log.mid(log.indexOf(kPhone) - 200, 400)));
    QVERIFY(!log.contains(u"91234567"_s));
    QVERIFY2(QRegularExpression(u"[…*]567\\b"_s).match(log).hasMatch(), qPrintable(log.right(2000)));
}

void TestLogSecrets::configErrorsPrintNoSecret()
{
    // Secrets in the file, and errors next to them: the errors name the keys, never the values.
    const QString path = writeConfig(
        u"broken.json"_s,
        u"{'whatsapp': {'app_secret': '%1', 'verify_token': '%2', 'token': '%3', 'phone_number_id': 1234,"
        u"              'app_secret_backup': '%4'},"
        u" 'serve': {'port': 'eighty', 'auth': {'default': {'type': 'basic', 'token': '%4'}}},"
        u" 'database': 'postgresql://m1bot:%5@db.invalid:99999/m1'}"_s
            .arg(QString::fromUtf8(ServeFixture::appSecret()), ServeFixture::verifyToken(), ServeFixture::accessToken(),
                 kApiToken, kDbPassword));
    QProcessEnvironment env = verboseEnvironment();
    env.remove(u"M1_WHATSAPP_APP_SECRET"_s);
    env.remove(u"M1_WHATSAPP_TOKEN"_s);
    env.remove(u"M1_WHATSAPP_VERIFY_TOKEN"_s);
    ServeProcess serve({ u"--config"_s, path, u"--store"_s, u"memory"_s, u"--port"_s, u"0"_s }, env);
    const int code = serve.runToEnd();
    const QString err = serve.stderrText();
    qInfo("config errors: exit %d, %s", code, qPrintable(err.left(600)));
    QVERIFY2(code == 2 || code == 1, qPrintable(err));
    QVERIFY(!err.isEmpty());
    const QStringList found = leaks(u"stderr"_s, err) + leaks(u"stdout"_s, serve.stdoutText());
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u"\n"_s) + u"\n"_s + err));
}

void TestLogSecrets::unreachableDatabasePrintsNoPassword()
{
    const QString url = u"postgresql://m1bot:"_s + kDbPassword + u"@127.0.0.1:"_s + QString::number(closedPort()) + u"/m1"_s;
    for (const bool viaEnvironment : { false, true }) {
        QProcessEnvironment env = verboseEnvironment();
        QStringList arguments { u"--store"_s, m_f.storeUrl(), u"--port"_s, u"0"_s };
        if (viaEnvironment)
            env.insert(u"M1_DATABASE_URL"_s, url);
        else
            arguments << u"--database"_s << url;
        ServeProcess serve(arguments, env);
        const int code = serve.runToEnd();
        const QString err = serve.stderrText();
        qInfo("unreachable database (%s): exit %d, %s", viaEnvironment ? "M1_DATABASE_URL" : "--database", code,
              qPrintable(err.right(400)));
        QCOMPARE(code, 1);
        QVERIFY(err.contains(u"database"_s));
        const QStringList found = leaks(u"stderr"_s, err) + leaks(u"stdout"_s, serve.stdoutText());
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u"\n"_s) + u"\n"_s + err));
    }
}

void TestLogSecrets::unreachableRedisPrintsNoPassword()
{
    const QString url = u"redis://:"_s + kRedisPassword + u"@127.0.0.1:"_s + QString::number(closedPort()) + u"/0"_s;
    ServeProcess serve({ u"--store"_s, url, u"--port"_s, u"0"_s, u"--executor"_s, u"sandbox"_s }, verboseEnvironment());
    QString out;
    QString err;
    HttpProbe::Answer health;
    if (serve.start(30'000).isEmpty()) {
        // It runs without its store: webhook POSTs get 503 and /health says why.
        const WebhookPayloadBuilder::Signed s = text(u"wamid.secrets.redis"_s);
        QCOMPARE(m_f.http().postSigned(serve.webhookUrl(), s.body, s.signature).status, 503);
        health = m_f.http().get(serve.url(u"/health"_s));
        QCOMPARE(health.status, 503);
        QCOMPARE(serve.terminate(), 0);
    }
    out = serve.stdoutText();
    err = serve.stderrText();
    qInfo("unreachable redis: %s", qPrintable(err.right(400)));
    QVERIFY(err.contains(u"127.0.0.1"_s));
    const QStringList found = leaks(u"stderr"_s, err) + leaks(u"stdout"_s, out)
        + leaks(u"/health"_s, QString::fromUtf8(health.body));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u"\n"_s) + u"\n"_s + err.right(2000)));
}

QTEST_GUILESS_MAIN(TestLogSecrets)
#include "tst_logsecrets.moc"
