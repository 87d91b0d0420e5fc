// Every operation of the bundled demo spec, with example arguments, executed through
// HttpToolExecutor against Stoplight Prism in --errors mode: Prism validates each request
// against the spec (path, query, headers, security, body) and answers 4xx/422 with the
// validation details when something is misplaced. Every request must come back 2xx.
// Skips (with the reason) only when node or prism cannot be found.

#include "specschemas.h"

#include "agent/examplearguments.h"
#include "agent/httptoolexecutor.h"
#include "core/clock.h"
#include "net/networkclients.h"
#include "registry/registryloader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

QString specPath()
{
    return QStringLiteral(M1_SOURCE_DIR "/resources/demo/fleet-api.yaml");
}

QString findPrism()
{
    const QString fromEnv = qEnvironmentVariable("M1_PRISM");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QString local = QStringLiteral(M1_SOURCE_DIR "/tools/node/node_modules/.bin/prism");
    if (QFileInfo(local).isExecutable())
        return local;
    return QStandardPaths::findExecutable(u"prism"_s);
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// Prism's problem+json: {"title", "detail", "validation": [{"location": [...], "message"}]}.
QString prismMessage(const QJsonValue &body)
{
    const QJsonObject o = body.toObject();
    QStringList parts;
    if (!o.value(u"title"_s).toString().isEmpty())
        parts.append(o.value(u"title"_s).toString());
    if (!o.value(u"detail"_s).toString().isEmpty())
        parts.append(o.value(u"detail"_s).toString());
    for (const QJsonValue &v : o.value(u"validation"_s).toArray()) {
        const QJsonObject issue = v.toObject();
        QStringList where;
        for (const QJsonValue &l : issue.value(u"location"_s).toArray())
            where.append(l.toVariant().toString());
        parts.append(where.join(u'.') + u": "_s + issue.value(u"message"_s).toString());
    }
    if (parts.isEmpty())
        parts.append(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)).left(400));
    return parts.join(u" | "_s);
}

} // namespace

class TestPrismValidation : public QObject
{
    Q_OBJECT

private:
    QProcess m_prism;
    quint16 m_port = 0;
    QString m_prismLog;

    // Prism reports what it found wrong in the "sl-violations" header (the body is the spec's own
    // error example); the request is sent again by hand to read it.
    QString violations(const HttpRequestSpec &spec)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(spec.url);
        for (const auto &[name, value] : spec.headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = nam.sendCustomRequest(request, spec.method, spec.body);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30'000))
            return u"(no answer when re-sent)"_s;
        reply->deleteLater();
        const QJsonArray list = QJsonDocument::fromJson(reply->rawHeader("sl-violations")).array();
        QStringList parts;
        for (const QJsonValue &v : list) {
            const QJsonObject issue = v.toObject();
            QStringList where;
            for (const QJsonValue &l : issue.value(u"location"_s).toArray())
                where.append(l.toVariant().toString());
            parts.append(where.join(u'.') + u": "_s + issue.value(u"message"_s).toString());
        }
        return parts.isEmpty() ? prismMessage(QJsonDocument::fromJson(reply->readAll()).object()) : parts.join(u" | "_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not installed: run scripts/install-deps.sh (apt nodejs npm + tools/node)");
        const QString prism = findPrism();
        if (prism.isEmpty())
            QSKIP("Stoplight Prism not found (tools/node/node_modules/.bin/prism, M1_PRISM or PATH): "
                  "run scripts/install-deps.sh");
        QVERIFY2(QFileInfo::exists(specPath()), qPrintable(specPath()));
        m_port = freePort();
        QVERIFY(m_port != 0);
        m_prism.setProcessChannelMode(QProcess::MergedChannels);
        connect(&m_prism, &QProcess::readyRead, this, [this] {
            m_prismLog += QString::fromUtf8(m_prism.readAll());
            if (m_prismLog.size() > 200'000)
                m_prismLog = m_prismLog.right(100'000);
        });
        m_prism.start(prism, {u"mock"_s, u"-p"_s, QString::number(m_port), u"-h"_s, u"127.0.0.1"_s,
                              u"--errors"_s, specPath()});
        QVERIFY2(m_prism.waitForStarted(30'000), qPrintable(m_prism.errorString()));

        // Wait until it answers anything at all (it prints its routes first).
        QNetworkAccessManager nam;
        bool up = false;
        for (int i = 0; i < 240 && !up && m_prism.state() == QProcess::Running; ++i) {
            QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/__health"_s.arg(m_port))));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
            up = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
            reply->deleteLater();
            if (!up)
                QTest::qWait(250);
        }
        QVERIFY2(up, qPrintable(u"Prism did not come up:\n"_s + m_prismLog.right(3000)));
    }

    // The control: Prism must notice misplaced parameters, or the test above proves nothing.
    void misplacedParametersAreRejected()
    {
        const ToolRegistry registry = RegistryLoader().load({specPath()});
        SystemClock clock;
        NetworkClients clients;
        AuthConfig auth;
        auth.setDefault(AuthCredentials::apiKeyHeader(u"X-API-Key"_s, u"test-key"_s));
        HttpExecutorOptions options;
        options.baseUrlOverride = u"http://127.0.0.1:%1"_s.arg(m_port);
        options.retry.maxAttempts = 1;
        HttpToolExecutor executor(clients, clock, auth, options);
        const SchemaExampleGenerator generator(7, QDate::currentDate());
        const ExampleArguments examples(generator);

        int controls = 0;
        for (const ToolDefinition &original : registry.tools()) {
            for (int i = 0; i < original.parameters.size(); ++i) {
                const ToolParameter &p = original.parameters.at(i);
                ToolDefinition broken = original;
                if (p.required && p.location == ParamLocation::Query && controls == 0)
                    broken.parameters[i].location = ParamLocation::Header; // query → header
                else if (p.required && p.location == ParamLocation::Body && p.name.contains(u'.') && controls == 1)
                    broken.parameters[i].name = QString(p.name).replace(u'.', u'_'); // nesting lost
                else
                    continue;
                const QFuture<ToolResult> f = executor.execute(broken, {broken.id, examples.build(broken), {}, {}});
                QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 60'000);
                QVERIFY2(f.result().httpStatus >= 400 && f.result().httpStatus < 500,
                         qPrintable(original.id + u" with "_s + p.name + u" misplaced answered "_s
                                    + QString::number(f.result().httpStatus)));
                ++controls;
                break;
            }
        }
        QCOMPARE(controls, 2);

        // And without credentials the API refuses.
        HttpToolExecutor anonymous(clients, clock, {}, options);
        const ToolDefinition *list = registry.find(u"listVehicles"_s);
        QVERIFY(list);
        const QFuture<ToolResult> f = anonymous.execute(*list, {list->id, {}, {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 60'000);
        QCOMPARE(f.result().httpStatus, 401);
    }

    void cleanupTestCase()
    {
        if (m_prism.state() != QProcess::NotRunning) {
            m_prism.terminate();
            if (!m_prism.waitForFinished(10'000)) {
                m_prism.kill();
                m_prism.waitForFinished(5'000);
            }
        }
    }

    void everyOperationValidates()
    {
        const ToolRegistry registry = RegistryLoader().load({specPath()});
        QVERIFY2(registry.size() >= 150, qPrintable(u"only %1 tools loaded"_s.arg(registry.size())));

        SystemClock clock;
        NetworkClients clients;
        AuthConfig auth;
        // The WhatsApp assistant authenticates with the integration API key (bearer tokens are
        // for the driver app; /persons/by-phone accepts only the key).
        auth.setDefault(AuthCredentials::apiKeyHeader(u"X-API-Key"_s, u"test-key"_s));
        HttpExecutorOptions options;
        options.baseUrlOverride = u"http://127.0.0.1:%1"_s.arg(m_port);
        options.timeoutMs = 30'000;
        options.retry.maxAttempts = 1;
        options.breaker.failureThreshold = 1'000'000;
        HttpToolExecutor executor(clients, clock, auth, options);
        const SchemaExampleGenerator generator(7, QDate::currentDate());
        const ExampleArguments examples(generator);

        SpecSchemas schemas;
        QString error;
        QVERIFY2(schemas.load(specPath(), &error), qPrintable(error));

        // Pass 1 (reported): arguments from ToolParameter alone, as the console's "try it" makes them.
        int fromParametersOk = 0;
        for (const ToolDefinition &tool : registry.tools()) {
            QFuture<ToolResult> future = executor.execute(tool, ToolCall{tool.id, examples.build(tool), {}, {}});
            QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60'000);
            fromParametersOk += future.result().ok ? 1 : 0;
        }

        // Pass 2 (asserted): the same, with values drawn from the spec's own schema per parameter,
        // so array items, bounds and patterns are right and any failure is the executor's placement.
        QStringList failures;
        int validated = 0;
        for (const ToolDefinition &tool : registry.tools()) {
            QJsonObject arguments = examples.build(tool, ExampleArguments::Coverage::All);
            for (const ToolParameter &p : tool.parameters) {
                const QJsonObject schema = schemas.schemaFor(tool, p);
                if (!schema.isEmpty() && (arguments.contains(p.name) || p.type == u"array"_s))
                    arguments.insert(p.name, generator.valueFor(p.name, schema));
            }
            ToolCall call{tool.id, arguments, {}, {}};
            QFuture<ToolResult> future = executor.execute(tool, call);
            QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60'000);
            const ToolResult r = future.result();
            if (r.ok) {
                ++validated;
                continue;
            }
            const HttpRequestSpec sent = executor.prepare(tool, call);
            const QString failure = tool.id + u" ["_s + tool.method + u' ' + tool.path + u"] HTTP "_s
                + QString::number(r.httpStatus) + u": "_s + (r.httpStatus ? violations(sent) : r.error)
                + u"\n    sent "_s + QString::fromUtf8(sent.url.toEncoded()) + u' '
                + QString::fromUtf8(sent.body).left(400);
            qWarning().noquote() << failure;
            failures.append(tool.id);
        }
        qInfo().noquote() << u"Arguments from ToolParameter only: %1 / %2 operations validated"_s
                                 .arg(fromParametersOk).arg(registry.size());
        qInfo().noquote() << u"Prism validated %1 / %2 operations"_s.arg(validated).arg(registry.size());
        QVERIFY(fromParametersOk >= registry.size() * 9 / 10);
        QVERIFY2(failures.isEmpty(), qPrintable(u"%1 of %2 operations failed validation (details above): "_s
                                                    .arg(failures.size())
                                                    .arg(registry.size())
                                                + failures.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestPrismValidation)
#include "tst_prismvalidation.moc"
