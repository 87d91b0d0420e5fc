// What `m1bot serve` runs with: defaults, the config file's "serve" and "whatsapp" sections,
// the environment over the file, the command line over both, and every problem named.
#include "cli/servesettings.h"
#include "facade/configloader.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment complete()
{
    QProcessEnvironment env;
    env.insert(u"M1_WHATSAPP_APP_SECRET"_s, u"app-secret-0123456789"_s);
    env.insert(u"M1_WHATSAPP_VERIFY_TOKEN"_s, u"verify-token-1"_s);
    env.insert(u"M1_WHATSAPP_TOKEN"_s, u"EAAG-access-token"_s);
    env.insert(u"M1_WHATSAPP_PHONE_NUMBER_ID"_s, u"106540352242922"_s);
    return env;
}

EngineConfig config(const char *json)
{
    QByteArray text(json);
    text.replace('\'', '"');
    const ConfigLoader::Result r
        = ConfigLoader::fromJson(QJsonDocument::fromJson(text).object(), u"serve.json"_s, u"/tmp"_s);
    if (!r.ok())
        qWarning() << r.errors;
    return r.config;
}

} // namespace

class TestServeSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        QStringList errors, missing;
        const ServeSettings s = resolve({}, EngineConfig {}, complete(), &errors, &missing);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QVERIFY(missing.isEmpty());
        QCOMPARE(s.bind, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(s.port, quint16(8080));
        QCOMPARE(s.workers, 5);
        QCOMPARE(s.executor, ServeSettings::Executor::Http);
        QCOMPARE(s.whatsapp.graphApiUrl, u"https://graph.facebook.com"_s);
        QVERIFY(s.opsLoopbackOnly);
    }

    void missingSecretsAreNamed()
    {
        QProcessEnvironment env = complete();
        env.remove(u"M1_WHATSAPP_APP_SECRET"_s);
        env.remove(u"M1_WHATSAPP_VERIFY_TOKEN"_s);
        QStringList errors, missing;
        resolve({}, EngineConfig {}, env, &errors, &missing);
        QCOMPARE(missing, QStringList({ u"M1_WHATSAPP_APP_SECRET"_s, u"M1_WHATSAPP_VERIFY_TOKEN"_s }));
    }

    void fileThenEnvironmentThenCommandLine()
    {
        const EngineConfig c = config(
            "{'serve': {'port': 9000, 'bind': '0.0.0.0', 'workers': 8, 'executor': 'sandbox',"
            "           'claim_idle_ms': 5000, 'ops_loopback_only': false},"
            " 'whatsapp': {'app_secret': 'from-file', 'verify_token': 'file-token', 'token': 't',"
            "              'phone_number_id': '1065', 'graph_api_url': 'http://127.0.0.1:9'}}");
        QProcessEnvironment env;
        env.insert(u"M1_WHATSAPP_APP_SECRET"_s, u"from-environment"_s);
        QStringList errors, missing;
        const ServeSettings s = resolve({ u"--port"_s, u"9100"_s, u"--workers"_s, u"2"_s }, c, env, &errors,
                                        &missing);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QVERIFY(missing.isEmpty());
        QCOMPARE(s.port, quint16(9100)); // command line over the file
        QCOMPARE(s.workers, 2);
        QCOMPARE(s.bind, QHostAddress(u"0.0.0.0"_s)); // the file over the default
        QCOMPARE(s.executor, ServeSettings::Executor::Sandbox);
        QCOMPARE(s.claimIdleMs, 5000);
        QVERIFY(!s.opsLoopbackOnly);
        QCOMPARE(s.whatsapp.appSecret, u"from-environment"_s); // the environment over the file
        QCOMPARE(s.whatsapp.verifyToken, u"file-token"_s);
        QCOMPARE(s.whatsapp.graphApiUrl, u"http://127.0.0.1:9"_s);
    }

    void problemsAreNamedWithWhereTheyAre()
    {
        const EngineConfig c = config("{'serve': {'port': 'eighty', 'workers': 0, 'colour': 'blue'},"
                                      " 'whatsapp': {'graph_api_version': '21'}}");
        QStringList errors, missing;
        resolve({ u"--bind"_s, u"somewhere"_s, u"--executor"_s, u"ftp"_s }, c, complete(), &errors, &missing);
        const QString all = errors.join(u'\n');
        QVERIFY2(all.contains(u"serve.json#/serve/port"_s), qPrintable(all));
        QVERIFY2(all.contains(u"serve.json#/serve/workers"_s), qPrintable(all));
        QVERIFY2(all.contains(u"serve.json#/serve/colour: unknown key"_s), qPrintable(all));
        QVERIFY2(all.contains(u"--bind"_s), qPrintable(all));
        QVERIFY2(all.contains(u"--executor"_s), qPrintable(all));
        QVERIFY2(all.contains(u"M1_GRAPH_API_VERSION"_s), qPrintable(all));
    }

    void configRejectsASectionThatIsNotAnObject()
    {
        const ConfigLoader::Result r = ConfigLoader::fromJson(
            QJsonObject { { u"serve"_s, 8080 } }, u"serve.json"_s, u"/tmp"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.errors.join(u'\n').contains(u"serve.json#/serve: expected an object"_s),
                 qPrintable(r.errors.join(u'\n')));
    }

    void databaseFromFileThenEnvironmentThenCommandLine()
    {
        EngineConfig c;
        c.dataDir = u"/var/lib/m1"_s;
        QStringList errors, missing;
        QCOMPARE(resolve({}, c, complete(), &errors, &missing).database.path,
                 SqlUrl::defaultSqlitePath(u"/var/lib/m1"_s));
        c.database = u"sqlite:///srv/file.db"_s;
        QCOMPARE(resolve({}, c, complete(), &errors, &missing).database.path, u"/srv/file.db"_s);
        QProcessEnvironment env = complete();
        env.insert(u"M1_DATABASE_URL"_s, u"sqlite:///srv/env.db"_s);
        QCOMPARE(resolve({}, c, env, &errors, &missing).database.path, u"/srv/env.db"_s);
        const ServeSettings s = resolve({ u"--database"_s, u"postgresql://bot@db.internal/m1"_s }, c, env,
                                        &errors, &missing);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(s.database.kind, SqlUrl::Kind::Postgres);
        QCOMPARE(s.database.host, u"db.internal"_s);
    }

    void badDatabaseUrlIsNamedWhereItCameFrom()
    {
        EngineConfig c;
        c.sourceFile = u"bot.json"_s;
        c.database = u"mysql://nope"_s;
        QStringList errors, missing;
        resolve({}, c, complete(), &errors, &missing);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(u"bot.json#/database: "_s), qPrintable(errors.first()));
        errors.clear();
        resolve({ u"--database"_s, u"mysql://nope"_s }, EngineConfig {}, complete(), &errors, &missing);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(u"--database: "_s), qPrintable(errors.first()));
    }

private:
    static ServeSettings resolve(const QStringList &args, const EngineConfig &c, const QProcessEnvironment &env,
                                 QStringList *errors, QStringList *missing)
    {
        QCommandLineParser parser;
        ServeSettings::addOptions(parser);
        if (!parser.parse(QStringList { u"serve"_s } + args))
            errors->append(parser.errorText());
        return ServeSettings::resolve(parser, c, env, errors, missing);
    }
};

QTEST_GUILESS_MAIN(TestServeSettings)
#include "tst_servesettings.moc"
