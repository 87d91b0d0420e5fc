#include "agent/sandboxexecutor.h"

#include "agent/requestbuilder.h"
#include "core/clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Copies the arguments into same-named fields that the example already has, at the top and
// in list rows, so a canned example still mentions what the user asked about.
QJsonValue overlay(const QJsonValue &example, const QJsonObject &arguments, int depth = 0)
{
    if (depth > 3)
        return example;
    if (example.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : example.toArray())
            out.append(overlay(v, arguments, depth + 1));
        return out;
    }
    if (!example.isObject())
        return example;
    QJsonObject out = example.toObject();
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (arguments.contains(it.key()) && (depth == 0 || it.key() != u"id"_s)
            && arguments.value(it.key()).type() == it.value().type())
            it.value() = arguments.value(it.key());
        else if (it.value().isArray() || it.value().isObject())
            it.value() = overlay(it.value(), arguments, depth + 1);
    }
    return out;
}

} // namespace

SandboxExecutor::SandboxExecutor(const Clock &clock, quint64 seed) : m_clock(clock), m_seed(seed) {}

QJsonObject SandboxExecutor::nested(const QJsonObject &arguments)
{
    ToolDefinition shape;
    for (auto it = arguments.begin(); it != arguments.end(); ++it) {
        ToolParameter p;
        p.name = it.key();
        p.location = ParamLocation::Body;
        shape.parameters.append(p);
    }
    shape.requestContentType = u"application/json"_s;
    return RequestBuilder::jsonBody(shape, arguments).toObject();
}

QJsonValue SandboxExecutor::answer(const ToolDefinition &tool, const QJsonObject &arguments, quint64 salt) const
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), QTimeZone::utc()).date();
    const SchemaExampleGenerator generator(m_seed, today);
    if (!tool.responseExample.isUndefined() && !tool.responseExample.isNull())
        return overlay(tool.responseExample, arguments);
    if (!tool.responseSchema.isEmpty())
        return generator.generate(tool.responseSchema, arguments, salt);
    if (tool.isReadOnly())
        return QJsonValue(QJsonValue::Undefined);
    if (tool.method == u"DELETE"_s)
        return QJsonValue(QJsonValue::Undefined);
    // A write the spec says nothing about: what was sent, with an id and a status.
    QJsonObject created = nested(arguments);
    if (tool.method == u"POST"_s && !created.contains(u"id"_s))
        created.insert(u"id"_s, generator.valueFor(u"id"_s, QJsonObject{{u"type"_s, u"string"_s}}, salt));
    created.insert(u"status"_s, tool.method == u"POST"_s ? u"created"_s : u"updated"_s);
    return created;
}

ToolResult SandboxExecutor::run(const ToolDefinition &tool, const ToolCall &call) const
{
    const qint64 start = m_clock.monotonicNs();
    ToolResult r;
    r.dryRun = true;
    const QStringList missing = RequestBuilder::missingRequired(tool, call.arguments);
    if (!missing.isEmpty()) {
        r.error = u"missing required parameter(s) for "_s + tool.id + u": "_s + missing.join(u", "_s);
        return r;
    }
    const quint64 salt = SchemaExampleGenerator::stableHash(call.arguments) ^ SchemaExampleGenerator::stableHash(tool.id);
    r.body = answer(tool, call.arguments, salt);
    r.ok = true;
    if (tool.method == u"POST"_s)
        r.httpStatus = 201;
    else if (r.body.isUndefined())
        r.httpStatus = 204;
    else
        r.httpStatus = 200;
    r.durationMs = (m_clock.monotonicNs() - start) / 1'000'000;
    return r;
}

QFuture<ToolResult> SandboxExecutor::execute(const ToolDefinition &tool, const ToolCall &call)
{
    return QtFuture::makeReadyFuture(run(tool, call));
}

} // namespace m1
