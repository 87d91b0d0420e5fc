#include "cli/servesettings.h"

#include "cli/databaseoption.h"

#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Where a config problem is: "config.json#/serve/port".
QString at(const EngineConfig &config, const QString &pointer)
{
    return (config.sourceFile.isEmpty() ? u"config"_s : config.sourceFile) + u'#' + pointer;
}

bool parseAddress(const QString &text, QHostAddress *out)
{
    if (text == u"localhost"_s) {
        *out = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    QHostAddress address;
    if (!address.setAddress(text))
        return false;
    *out = address;
    return true;
}

bool parseExecutor(const QString &text, ServeSettings::Executor *out)
{
    if (text == u"http"_s)
        *out = ServeSettings::Executor::Http;
    else if (text == u"sandbox"_s)
        *out = ServeSettings::Executor::Sandbox;
    else
        return false;
    return true;
}

// Whole numbers in [min, max] from JSON or text; false when it is not one.
bool inRange(double value, qint64 min, qint64 max, qint64 *out)
{
    if (value != double(qint64(value)) || value < double(min) || value > double(max))
        return false;
    *out = qint64(value);
    return true;
}

void readSection(const EngineConfig &config, ServeSettings &s, QStringList *errors)
{
    for (auto it = config.serve.begin(); it != config.serve.end(); ++it) {
        const QString key = it.key();
        const QString where = at(config, u"/serve/"_s + key);
        const QJsonValue v = it.value();
        qint64 n = 0;
        if (key == u"port"_s) {
            if (v.isDouble() && inRange(v.toDouble(), 0, 65535, &n))
                s.port = quint16(n);
            else
                errors->append(where + u": expected a port number from 0 to 65535"_s);
        } else if (key == u"bind"_s) {
            if (!v.isString() || !parseAddress(v.toString(), &s.bind))
                errors->append(where + u": expected an IP address such as 127.0.0.1 or 0.0.0.0"_s);
        } else if (key == u"workers"_s) {
            if (v.isDouble() && inRange(v.toDouble(), 1, 256, &n))
                s.workers = int(n);
            else
                errors->append(where + u": expected a whole number from 1 to 256"_s);
        } else if (key == u"executor"_s) {
            if (!v.isString() || !parseExecutor(v.toString(), &s.executor))
                errors->append(where + u": expected \"http\" or \"sandbox\""_s);
        } else if (key == u"api_base_url"_s) {
            const QUrl url(v.toString());
            if (v.isString() && url.isValid() && url.scheme().startsWith(u"http"_s))
                s.apiBaseUrl = v.toString();
            else
                errors->append(where + u": expected an http(s) URL"_s);
        } else if (key == u"auth"_s) {
            QString problem;
            if (!v.isObject()) {
                errors->append(where + u": expected an object"_s);
                continue;
            }
            s.auth = AuthConfig::fromJson(v.toObject(), &problem);
            if (!problem.isEmpty())
                errors->append(where + u": "_s + problem);
        } else if (key == u"ops_loopback_only"_s) {
            if (v.isBool())
                s.opsLoopbackOnly = v.toBool();
            else
                errors->append(where + u": expected true or false"_s);
        } else if (key == u"claim_idle_ms"_s) {
            if (v.isDouble() && inRange(v.toDouble(), 100, 86'400'000, &n))
                s.claimIdleMs = n;
            else
                errors->append(where + u": expected milliseconds from 100 to 86400000"_s);
        } else {
            errors->append(where
                           + u": unknown key (expected port, bind, workers, executor, api_base_url, "
                             u"auth, ops_loopback_only, claim_idle_ms)"_s);
        }
    }
}

void readOptions(const QCommandLineParser &parser, ServeSettings &s, QStringList *errors)
{
    const auto number = [&](const QString &name, qint64 min, qint64 max, qint64 *out) {
        if (!parser.isSet(name))
            return false;
        bool ok = false;
        const qint64 value = parser.value(name).toLongLong(&ok);
        if (!ok || value < min || value > max) {
            errors->append(u"--"_s + name + u": expected a whole number from "_s
                           + QString::number(min) + u" to "_s + QString::number(max) + u", got '"_s
                           + parser.value(name) + u'\'');
            return false;
        }
        *out = value;
        return true;
    };
    qint64 n = 0;
    if (number(u"port"_s, 0, 65535, &n))
        s.port = quint16(n);
    if (number(u"workers"_s, 1, 256, &n))
        s.workers = int(n);
    if (number(u"claim-idle-ms"_s, 100, 86'400'000, &n))
        s.claimIdleMs = n;
    if (number(u"test-executor-delay-ms"_s, 0, 600'000, &n))
        s.testExecutorDelayMs = int(n);
    if (parser.isSet(u"bind"_s) && !parseAddress(parser.value(u"bind"_s), &s.bind))
        errors->append(u"--bind: expected an IP address such as 127.0.0.1 or 0.0.0.0, got '"_s
                       + parser.value(u"bind"_s) + u'\'');
    if (parser.isSet(u"executor"_s) && !parseExecutor(parser.value(u"executor"_s), &s.executor))
        errors->append(u"--executor: expected http or sandbox, got '"_s
                       + parser.value(u"executor"_s) + u'\'');
}

} // namespace

void ServeSettings::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ u"port"_s, u"Port of the webhook server (default 8080; 0 picks a free one)."_s,
                       u"P"_s });
    parser.addOption({ u"bind"_s,
                       u"IP address to listen on (default 127.0.0.1, for a TLS-terminating proxy "
                       u"on this host; 0.0.0.0 in a container)."_s,
                       u"ADDR"_s });
    parser.addOption({ u"workers"_s, u"Worker lanes (default 5)."_s, u"N"_s });
    parser.addOption({ u"executor"_s,
                       u"How tools run: http (the real API; default) or sandbox (answers made up "
                       u"from the spec, nothing changes)."_s,
                       u"KIND"_s });
    DatabaseOption::addTo(parser);
    parser.addOption({ u"claim-idle-ms"_s,
                       u"Take over messages another process left unacknowledged this long "
                       u"(default 60000)."_s,
                       u"MS"_s });
    QCommandLineOption delay(u"test-executor-delay-ms"_s, u"Test seam: delay every tool call."_s,
                             u"MS"_s);
    delay.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(delay);
}

ServeSettings ServeSettings::resolve(const QCommandLineParser &parser, const EngineConfig &config,
                                     const QProcessEnvironment &environment, QStringList *errors,
                                     QStringList *missing)
{
    ServeSettings s;
    readSection(config, s, errors);
    QStringList whatsappErrors;
    const WhatsAppConfig fromFile = WhatsAppConfig::fromJson(config.whatsapp, &whatsappErrors);
    for (const QString &e : std::as_const(whatsappErrors))
        errors->append((config.sourceFile.isEmpty() ? u"config"_s : config.sourceFile) + u'#' + e);
    s.whatsapp = WhatsAppConfig::fromEnvironment(environment, fromFile);
    readOptions(parser, s, errors);
    QString databaseError;
    if (const std::optional<SqlUrl> url = DatabaseOption::resolve(parser, config, environment, &databaseError))
        s.database = *url;
    else
        errors->append(databaseError);
    errors->append(s.whatsapp.invalid());
    *missing = s.whatsapp.missing();
    return s;
}

} // namespace m1
