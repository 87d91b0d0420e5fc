#pragma once

// Puts a call's arguments where the spec says: path parameters percent-encoded into the
// template, query parameters (arrays as repeated keys: style form, explode true; objects as
// one key per property), headers (arrays comma-separated), cookies, and the body rebuilt from
// dotted field names into nested JSON ("driver.id" → {"driver": {"id": ...}}), or form /
// multipart encoded when the spec asks for that. Refuses, with every missing name listed, to
// build a request that lacks a required parameter. Pure functions: no network, no state.

#include "agent/authconfig.h"
#include "agent/httprequestspec.h"
#include "agent/toolcall.h"

#include "registry/tooldefinition.h"

#include <QJsonValue>

namespace m1 {

class RequestBuilder
{
public:
    // `baseUrl` overrides the tool's own when not empty.
    static HttpRequestSpec build(const ToolDefinition &tool, const ToolCall &call, const QString &baseUrl,
                                 const AuthCredentials &auth = {});

    // "vehicleId (path), from (body)"; empty when nothing required is missing.
    static QStringList missingRequired(const ToolDefinition &tool, const QJsonObject &arguments);

    // The JSON body for the tool's Body parameters; Undefined when the call has none.
    static QJsonValue jsonBody(const ToolDefinition &tool, const QJsonObject &arguments);

    // A scalar as text for paths, queries and headers (integers without ".0").
    static QString text(const QJsonValue &value);

    static bool isJsonContentType(const QString &contentType);

private:
    static QJsonValue coerce(const ToolParameter &p, const QJsonValue &v);
    static QByteArray formBody(const QJsonObject &body);
    static QByteArray multipartBody(const QJsonObject &body, const QByteArray &boundary);
};

} // namespace m1
