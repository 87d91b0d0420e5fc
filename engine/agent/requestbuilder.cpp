#include "agent/requestbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

QByteArray encoded(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

// Deep insert; when a scalar and nested fields name the same thing, the nested object wins
// (the registry offers both ways for "an id or the object").
void insertPath(QJsonObject &root, const QStringList &path, qsizetype at, const QJsonValue &value)
{
    const QString &key = path.at(at);
    if (at == path.size() - 1) {
        if (!(root.value(key).isObject() && !value.isObject()))
            root.insert(key, value);
        return;
    }
    QJsonObject child = root.value(key).toObject();
    insertPath(child, path, at + 1, value);
    root.insert(key, child);
}

bool isWholeBody(const ToolDefinition &tool, const ToolParameter &p, int bodyParams)
{
    return bodyParams == 1 && p.name == u"body"_s
        && (p.type == u"array"_s || !RequestBuilder::isJsonContentType(tool.requestContentType));
}

} // namespace

bool RequestBuilder::isJsonContentType(const QString &contentType)
{
    return contentType.isEmpty() || contentType.contains(u"json"_s, Qt::CaseInsensitive);
}

QString RequestBuilder::text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::abs(d) < 9e15 && d == std::floor(d))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(text(v));
        return parts.join(u',');
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QJsonValue RequestBuilder::coerce(const ToolParameter &p, const QJsonValue &v)
{
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        bool ok = false;
        if (p.type == u"integer"_s) {
            const qint64 n = s.toLongLong(&ok);
            if (ok)
                return n;
        } else if (p.type == u"number"_s) {
            const double d = s.toDouble(&ok);
            if (ok)
                return d;
        } else if (p.type == u"boolean"_s && (s == u"true"_s || s == u"false"_s)) {
            return s == u"true"_s;
        }
    }
    if (v.isDouble() && p.type == u"string"_s)
        return text(v);
    return v;
}

QStringList RequestBuilder::missingRequired(const ToolDefinition &tool, const QJsonObject &arguments)
{
    QStringList missing;
    for (const ToolParameter &p : tool.parameters) {
        if (!p.required)
            continue;
        const QJsonValue v = arguments.value(p.name);
        const bool absent = v.isUndefined() || (v.isNull() && !p.nullable)
            || (v.isString() && v.toString().isEmpty() && p.location == ParamLocation::Path);
        if (absent && (p.defaultValue.isUndefined() || p.defaultValue.isNull()))
            missing.append(p.name + u" ("_s + paramLocationName(p.location) + u')');
    }
    return missing;
}

QJsonValue RequestBuilder::jsonBody(const ToolDefinition &tool, const QJsonObject &arguments)
{
    int bodyParams = 0;
    for (const ToolParameter &p : tool.parameters)
        bodyParams += p.location == ParamLocation::Body ? 1 : 0;
    QJsonObject body;
    bool any = false;
    for (const ToolParameter &p : tool.parameters) {
        if (p.location != ParamLocation::Body)
            continue;
        QJsonValue v = arguments.value(p.name);
        if (v.isUndefined() && p.required && !p.defaultValue.isUndefined())
            v = p.defaultValue;
        if (v.isUndefined())
            continue;
        v = coerce(p, v);
        if (isWholeBody(tool, p, bodyParams))
            return v;
        insertPath(body, p.name.split(u'.'), 0, v);
        any = true;
    }
    if (!any)
        return tool.requestContentType.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(body);
    return body;
}

QByteArray RequestBuilder::formBody(const QJsonObject &body)
{
    QByteArrayList pairs;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.value().isArray()) {
            for (const QJsonValue &v : it.value().toArray())
                pairs.append(encoded(it.key()) + '=' + encoded(text(v)));
        } else {
            pairs.append(encoded(it.key()) + '=' + encoded(text(it.value())));
        }
    }
    return pairs.join('&');
}

QByteArray RequestBuilder::multipartBody(const QJsonObject &body, const QByteArray &boundary)
{
    QByteArray out;
    for (auto it = body.begin(); it != body.end(); ++it) {
        out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + it.key().toUtf8() + "\"\r\n";
        if (it.value().isObject() || it.value().isArray())
            out += "Content-Type: application/json\r\n";
        out += "\r\n" + text(it.value()).toUtf8() + "\r\n";
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

HttpRequestSpec RequestBuilder::build(const ToolDefinition &tool, const ToolCall &call, const QString &baseUrl,
                                      const AuthCredentials &auth)
{
    HttpRequestSpec spec;
    const QStringList missing = missingRequired(tool, call.arguments);
    if (!missing.isEmpty()) {
        spec.error = u"missing required parameter(s) for "_s + tool.id + u": "_s + missing.join(u", "_s);
        return spec;
    }
    QString base = baseUrl.isEmpty() ? tool.baseUrl : baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    if (base.isEmpty()) {
        spec.error = u"no base URL for "_s + tool.id + u": the spec has no servers entry; set one in the config"_s;
        return spec;
    }

    QString path = tool.path;
    QByteArrayList query;
    QByteArrayList cookies;
    for (const ToolParameter &p : tool.parameters) {
        QJsonValue v = call.arguments.value(p.name);
        if (v.isUndefined() && p.required)
            v = p.defaultValue;
        if (v.isUndefined() || v.isNull())
            continue;
        switch (p.location) {
        case ParamLocation::Path:
            path.replace(QString(u'{' + p.name + u'}'), QString::fromLatin1(encoded(text(v))));
            break;
        case ParamLocation::Query:
            if (v.isArray()) { // style form, explode true: ?status=a&status=b
                for (const QJsonValue &item : v.toArray())
                    query.append(encoded(p.name) + '=' + encoded(text(item)));
            } else if (v.isObject()) { // form + explode: each property its own key
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it)
                    query.append(encoded(it.key()) + '=' + encoded(text(it.value())));
            } else {
                query.append(encoded(p.name) + '=' + encoded(text(v)));
            }
            break;
        case ParamLocation::Header:
            spec.headers.emplaceBack(p.name.toLatin1(), text(v).toUtf8());
            break;
        case ParamLocation::Cookie:
            cookies.append(p.name.toLatin1() + '=' + encoded(text(v)));
            break;
        case ParamLocation::Body:
            break;
        }
    }
    if (path.contains(u'{')) {
        spec.error = u"path template of "_s + tool.id + u" still has a placeholder after filling: "_s + path;
        return spec;
    }
    if (!call.idempotencyKey.isEmpty() && tool.parameter(u"Idempotency-Key"_s) && spec.header("Idempotency-Key").isEmpty())
        spec.headers.emplaceBack("Idempotency-Key", call.idempotencyKey.toUtf8());

    switch (auth.kind) {
    case AuthCredentials::Kind::Bearer:
        spec.headers.emplaceBack("Authorization", "Bearer " + auth.secret.toUtf8());
        break;
    case AuthCredentials::Kind::ApiKeyHeader:
        spec.headers.emplaceBack(auth.name.toLatin1(), auth.secret.toUtf8());
        break;
    case AuthCredentials::Kind::ApiKeyQuery:
        query.append(encoded(auth.name) + '=' + encoded(auth.secret));
        break;
    case AuthCredentials::Kind::None:
        break;
    }
    if (!cookies.isEmpty())
        spec.headers.emplaceBack("Cookie", cookies.join("; "));

    QByteArray url = base.toUtf8() + path.toUtf8();
    if (!query.isEmpty())
        url += (tool.path.contains(u'?') ? '&' : '?') + query.join('&');
    spec.url = QUrl::fromEncoded(url, QUrl::StrictMode);
    if (!spec.url.isValid()) {
        spec.error = u"invalid URL for "_s + tool.id + u": "_s + QString::fromUtf8(url);
        return spec;
    }
    spec.method = tool.method.toUpper().toLatin1();
    spec.headers.emplaceBack("Accept", "application/json");

    const QJsonValue body = jsonBody(tool, call.arguments);
    if (!body.isUndefined()) {
        const QString type = tool.requestContentType.isEmpty() ? u"application/json"_s : tool.requestContentType;
        if (isJsonContentType(type)) {
            spec.body = body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                      : body.isArray()  ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(QJsonArray{body}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
            spec.headers.emplaceBack("Content-Type", type.toLatin1());
        } else if (type.contains(u"x-www-form-urlencoded"_s)) {
            spec.body = formBody(body.toObject());
            spec.headers.emplaceBack("Content-Type", type.toLatin1());
        } else if (type.contains(u"multipart/"_s)) {
            const QByteArray boundary = "m1-boundary-7d1c0f3a";
            spec.body = multipartBody(body.toObject(), boundary);
            spec.headers.emplaceBack("Content-Type", type.toLatin1() + "; boundary=" + boundary);
        } else {
            spec.body = body.isString() ? body.toString().toUtf8() : text(body).toUtf8();
            spec.headers.emplaceBack("Content-Type", type.toLatin1());
        }
    }
    return spec;
}

} // namespace m1
