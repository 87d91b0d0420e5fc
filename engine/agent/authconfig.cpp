#include "agent/authconfig.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

QString resolveSecret(const QString &value)
{
    if (value.startsWith(u"env:"_s))
        return qEnvironmentVariable(value.mid(4).toUtf8().constData());
    return value;
}

bool readCredentials(const QJsonObject &o, const QString &path, AuthCredentials *out, QString *error)
{
    const QString type = o.value(u"type"_s).toString().toLower();
    if (type == u"bearer"_s) {
        *out = AuthCredentials::bearer(resolveSecret(o.value(u"token"_s).toString()));
        if (out->secret.isEmpty()) {
            *error = path + u".token: empty (or the environment variable it names is not set)"_s;
            return false;
        }
        return true;
    }
    if (type == u"apikey"_s) {
        const QString in = o.value(u"in"_s).toString(u"header"_s);
        out->kind = in == u"query"_s ? AuthCredentials::Kind::ApiKeyQuery : AuthCredentials::Kind::ApiKeyHeader;
        out->name = o.value(u"name"_s).toString(u"X-API-Key"_s);
        out->secret = resolveSecret(o.value(u"key"_s).toString());
        if (in != u"header"_s && in != u"query"_s) {
            *error = path + u".in: expected header or query, got \""_s + in + u'"';
            return false;
        }
        if (out->secret.isEmpty()) {
            *error = path + u".key: empty (or the environment variable it names is not set)"_s;
            return false;
        }
        return true;
    }
    if (type == u"none"_s) {
        *out = {};
        return true;
    }
    *error = path + u".type: expected bearer, apiKey or none, got \""_s + type + u'"';
    return false;
}

} // namespace

AuthConfig AuthConfig::fromJson(const QJsonObject &json, QString *error)
{
    AuthConfig config;
    QString problem;
    if (json.value(u"default"_s).isObject()) {
        AuthCredentials c;
        if (readCredentials(json.value(u"default"_s).toObject(), u"default"_s, &c, &problem))
            config.setDefault(c);
    }
    const QJsonObject tenants = json.value(u"tenants"_s).toObject();
    for (auto it = tenants.begin(); it != tenants.end() && problem.isEmpty(); ++it) {
        AuthCredentials c;
        if (readCredentials(it.value().toObject(), u"tenants."_s + it.key(), &c, &problem))
            config.setTenant(it.key(), c);
    }
    if (error)
        *error = problem;
    return config;
}

QStringList AuthConfig::secrets() const
{
    QStringList out;
    if (!m_default.secret.isEmpty())
        out.append(m_default.secret);
    for (const AuthCredentials &c : m_tenants) {
        if (!c.secret.isEmpty())
            out.append(c.secret);
    }
    return out;
}

} // namespace m1
