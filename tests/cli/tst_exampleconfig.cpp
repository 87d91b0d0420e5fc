// The annotated configuration the package installs as /etc/m1bot/m1bot.yaml
// (packaging/m1bot.yaml) must not rot: as shipped, and with every setting it shows uncommented,
// it loads, `m1bot serve` starts on it, and the defaults it shows are the real defaults.

#include "agent/llmplanneroptions.h"
#include "channel/whatsappconfig.h"
#include "embedding/openaiembeddingoptions.h"
#include "facade/configloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

QString shippedPath()
{
    return QStringLiteral(M1_SOURCE_DIR "/packaging/m1bot.yaml");
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The file's convention: "#key: value" (no space after the hash) is a setting shown with its
// default or an example; "# text" explains.
QString uncommentSettings(const QString &text)
{
    static const QRegularExpression shownSetting(u"(?m)^(\\s*)#(?=[^\\s#])"_s);
    return QString(text).replace(shownSetting, u"\\1"_s);
}

// The installed paths the file names, moved into a test folder (and the demo copies in
// /usr/share/m1bot to the sources they are installed from), so nothing outside it is touched.
QString relocated(QString text, const QTemporaryDir &dir)
{
    text.replace(u"/var/lib/m1bot"_s, dir.filePath(u"lib"_s));
    text.replace(u"/var/log/m1bot"_s, dir.filePath(u"log"_s));
    text.replace(u"/usr/share/m1bot/"_s, QStringLiteral(M1_SOURCE_DIR "/resources/"));
    return text;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return file.fileName();
}

// "--port <P>  Port of the webhook server (default 8080; ..." → 8080, from `m1bot serve --help`.
qint64 helpDefault(const QString &help, const QString &option)
{
    const QString flat = QString(help).replace(QRegularExpression(u"\\s+"_s), u" "_s);
    const QRegularExpression pattern(u"--"_s + QRegularExpression::escape(option) + u" <[^>]+> [^(]*\\(default (\\d+)"_s);
    const QRegularExpressionMatch match = pattern.match(flat);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace

class TestExampleConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("M1BOT")), "M1BOT must name the built m1bot");
        QVERIFY2(!readText(shippedPath()).isEmpty(), qPrintable(shippedPath()));
    }

    void shippedFileLoads()
    {
        const m1::ConfigLoader::Result r = m1::ConfigLoader::loadFile(shippedPath());
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        // What the package's service relies on.
        QCOMPARE(r.config.dataDir, u"/var/lib/m1bot"_s);
        QCOMPARE(r.config.store, u"managed"_s);
        QVERIFY(r.config.specSources.isEmpty()); // the bundled demo until the admin says otherwise
        QCOMPARE(r.config.serve.value(u"bind"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(r.config.serve.value(u"port"_s).toInt(), 8080);
    }

    void everyShownSettingLoads()
    {
        const QString text = uncommentSettings(readText(shippedPath()));
        QVERIFY(text != readText(shippedPath()));
        QTemporaryDir dir;
        const m1::ConfigLoader::Result r = m1::ConfigLoader::loadFile(writeFile(dir, u"all.yaml"_s, text));
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        // Every section of the configuration is shown.
        QVERIFY(!r.config.specSources.isEmpty());
        QVERIFY(!r.config.database.isEmpty());
        QVERIFY(!r.config.documentationFile.isEmpty());
        QVERIFY(!r.config.scoring.isEmpty());
        QVERIFY(!r.config.embedding.isEmpty());
        QVERIFY(!r.config.graphAliases.isEmpty());
        QVERIFY(!r.config.whatsapp.isEmpty());
        QVERIFY(!r.config.logFile.isEmpty());
        for (const char *key : {"workers", "executor", "api_base_url", "auth", "ops_loopback_only", "claim_idle_ms"})
            QVERIFY2(r.config.serve.contains(QLatin1String(key)), key);
        // Secrets never, not even as examples: they belong in the environment file.
        for (const char *secret : {"app_secret", "verify_token", "token", "phone_number_id"})
            QVERIFY2(!r.config.whatsapp.contains(QLatin1String(secret)), secret);
    }

    void shownDefaultsAreTheDefaults()
    {
        QTemporaryDir dir;
        const m1::ConfigLoader::Result r = m1::ConfigLoader::loadFile(
            writeFile(dir, u"all.yaml"_s, uncommentSettings(readText(shippedPath()))));
        QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
        const m1::EngineConfig defaults;
        QCOMPARE(r.config.graphReadOnlyProviders, defaults.graphReadOnlyProviders);
        QCOMPARE(r.config.logFormat, defaults.logFormat);
        QCOMPARE(r.config.planner.kind, defaults.planner.kind);

        const m1::WhatsAppConfig whatsapp;
        QCOMPARE(r.config.whatsapp.value(u"graph_api_url"_s).toString(), whatsapp.graphApiUrl);
        QCOMPARE(r.config.whatsapp.value(u"graph_api_version"_s).toString(), whatsapp.graphApiVersion);
        QCOMPARE(r.config.whatsapp.value(u"messages_per_second"_s).toDouble(), whatsapp.messagesPerSecond);

        const m1::LlmPlannerOptions llm;
        QCOMPARE(r.config.planner.llm.endpoint, llm.endpoint);
        QCOMPARE(r.config.planner.llm.model, llm.model);
        QCOMPARE(r.config.planner.llm.topK, llm.topK);
        QCOMPARE(r.config.planner.llm.historyMessages, llm.historyMessages);
        QCOMPARE(r.config.planner.llm.timeoutMs, llm.timeoutMs);
        QCOMPARE(r.config.planner.llm.budgetMs, llm.budgetMs);
        QCOMPARE(r.config.planner.llm.retry.maxAttempts, llm.retry.maxAttempts);

        const m1::OpenAiEmbeddingOptions embedding;
        const QJsonObject shownEmbedding = r.config.embedding;
        QCOMPARE(shownEmbedding.value(u"provider"_s).toString(), u"local"_s);
        QCOMPARE(shownEmbedding.value(u"model"_s).toString(), embedding.model);
        QCOMPARE(shownEmbedding.value(u"api_version"_s).toString(), embedding.apiVersion);
        QCOMPARE(shownEmbedding.value(u"max_inputs_per_request"_s).toInt(), embedding.maxInputsPerRequest);
        QCOMPARE(shownEmbedding.value(u"max_concurrency"_s).toInt(), embedding.maxConcurrency);
        QCOMPARE(shownEmbedding.value(u"timeout_ms"_s).toInt(), embedding.timeoutMs);

        // The scoring shown is the bundled scoring's.
        QFile scoringFile(QStringLiteral(M1_SOURCE_DIR "/resources/config/scoring.json"));
        QVERIFY(scoringFile.open(QIODevice::ReadOnly));
        const QJsonObject bundled = QJsonDocument::fromJson(scoringFile.readAll()).object();
        const QJsonObject shownThresholds = r.config.scoring.value(u"thresholds"_s).toObject();
        QVERIFY(!shownThresholds.isEmpty());
        for (auto it = shownThresholds.begin(); it != shownThresholds.end(); ++it)
            QCOMPARE(it.value().toDouble(), bundled.value(u"thresholds"_s).toObject().value(it.key()).toDouble());

        // The serve section's defaults are the ones `m1bot serve --help` states.
        QProcess help;
        help.start(qEnvironmentVariable("M1BOT"), {u"serve"_s, u"--help"_s});
        QVERIFY(help.waitForFinished(60'000));
        const QString helpText = QString::fromUtf8(help.readAllStandardOutput());
        const QJsonObject serve = r.config.serve;
        QCOMPARE(serve.value(u"port"_s).toInteger(), helpDefault(helpText, u"port"_s));
        QCOMPARE(serve.value(u"workers"_s).toInteger(), helpDefault(helpText, u"workers"_s));
        QCOMPARE(serve.value(u"claim_idle_ms"_s).toInteger(), helpDefault(helpText, u"claim-idle-ms"_s));
        QVERIFY2(helpText.contains(u"default 127.0.0.1"_s), qPrintable(helpText));
        QCOMPARE(serve.value(u"bind"_s).toString(), u"127.0.0.1"_s);
        QVERIFY2(helpText.contains(u"http (the real API; default)"_s), qPrintable(helpText));
        QCOMPARE(serve.value(u"executor"_s).toString(), u"http"_s);
        QCOMPARE(serve.value(u"ops_loopback_only"_s).toBool(), true);
    }

    void serveStartsOnIt_data()
    {
        QTest::addColumn<bool>("uncommented");
        QTest::newRow("as shipped") << false;
        QTest::newRow("every setting shown") << true;
    }

    void serveStartsOnIt()
    {
        // The sections only `serve` reads (serve, whatsapp; auth's "env:" secrets) are checked
        // by starting it, with made-up secrets and a store in memory.
        QFETCH(bool, uncommented);
        QTemporaryDir dir;
        QString text = readText(shippedPath());
        if (uncommented)
            text = uncommentSettings(text);
        const QString config = writeFile(dir, u"m1bot.yaml"_s, relocated(text, dir));
        QVERIFY(!config.isEmpty());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"M1_WHATSAPP_APP_SECRET"_s, u"example-app-secret"_s);
        env.insert(u"M1_WHATSAPP_VERIFY_TOKEN"_s, u"example-verify-token"_s);
        env.insert(u"M1_WHATSAPP_TOKEN"_s, u"example-access-token"_s);
        env.insert(u"M1_WHATSAPP_PHONE_NUMBER_ID"_s, u"106540352242922"_s);
        env.insert(u"M1_API_TOKEN"_s, u"example-backend-token"_s);
        env.insert(u"ACME_API_KEY"_s, u"example-acme-key"_s);
        env.insert(u"HOME"_s, dir.path());
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"xdg"_s));
        QProcess serve;
        serve.setProcessEnvironment(env);
        serve.start(qEnvironmentVariable("M1BOT"), {u"serve"_s, u"--config"_s, config, u"--store"_s, u"memory"_s,
                                                    u"--port"_s, u"0"_s});
        QVERIFY(serve.waitForStarted(30'000));
        QByteArray out;
        const bool listening = QTest::qWaitFor(
            [&] {
                out += serve.readAllStandardOutput();
                return out.contains("listening on ") || serve.state() == QProcess::NotRunning;
            },
            180'000);
        const QByteArray err = serve.readAllStandardError();
        if (serve.state() == QProcess::Running) {
            ::kill(pid_t(serve.processId()), SIGTERM);
            QVERIFY(serve.waitForFinished(60'000));
        }
        QVERIFY2(listening && out.contains("listening on "), err.constData());
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        if (uncommented)
            QVERIFY2(QFileInfo::exists(dir.filePath(u"lib/m1bot.db"_s)), "the shown database is the one used");
    }
};

QTEST_GUILESS_MAIN(TestExampleConfig)
#include "tst_exampleconfig.moc"
