#pragma once

// Which credentials a tool call carries, per tenant: a bearer token, or an API key sent in a
// header (or query parameter) with the name the API wants. Secrets may come from the
// environment ("env:ACME_TOKEN") so config files need not hold them.
//
//   {"default": {"type": "bearer", "token": "env:M1_API_TOKEN"},
//    "tenants": {"acme": {"type": "apiKey", "in": "header", "name": "X-API-Key", "key": "..."}}}

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace m1 {

struct AuthCredentials
{
    enum class Kind { None, Bearer, ApiKeyHeader, ApiKeyQuery };
    Kind kind = Kind::None;
    QString secret; // token or key
    QString name;   // header or query parameter name for API keys

    static AuthCredentials bearer(const QString &token) { return {Kind::Bearer, token, {}}; }
    static AuthCredentials apiKeyHeader(const QString &header, const QString &key)
    {
        return {Kind::ApiKeyHeader, key, header};
    }
    bool operator==(const AuthCredentials &) const = default;
};

class AuthConfig
{
public:
    void setDefault(const AuthCredentials &credentials) { m_default = credentials; }
    void setTenant(const QString &tenant, const AuthCredentials &credentials) { m_tenants.insert(tenant, credentials); }
    // The tenant's credentials, else the default ones.
    AuthCredentials forTenant(const QString &tenant) const { return m_tenants.value(tenant, m_default); }
    bool hasTenant(const QString &tenant) const { return m_tenants.contains(tenant); }
    // Every token and key held, for the log formatter to mask.
    QStringList secrets() const;

    // Errors name the JSON path of the bad entry ("tenants.acme.type: expected bearer or apiKey").
    static AuthConfig fromJson(const QJsonObject &json, QString *error);

private:
    AuthCredentials m_default;
    QHash<QString, AuthCredentials> m_tenants;
};

} // namespace m1
