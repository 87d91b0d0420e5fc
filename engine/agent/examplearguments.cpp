#include "agent/examplearguments.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace m1 {

QJsonObject ExampleArguments::schemaOf(const ToolParameter &p)
{
    QJsonObject schema;
    if (!p.type.isEmpty())
        schema.insert(u"type"_s, p.type);
    if (!p.format.isEmpty())
        schema.insert(u"format"_s, p.format);
    if (!p.enumValues.isEmpty()) {
        QJsonArray values;
        for (const QString &v : p.enumValues) {
            // Enums of numbers arrive as text; give them back their type.
            bool ok = false;
            const double d = v.toDouble(&ok);
            values.append(ok && (p.type == u"integer"_s || p.type == u"number"_s) ? QJsonValue(d) : QJsonValue(v));
        }
        schema.insert(u"enum"_s, values);
    }
    if (!p.defaultValue.isUndefined() && !p.defaultValue.isNull())
        schema.insert(u"default"_s, p.defaultValue);
    if (p.type == u"array"_s)
        schema.insert(u"items"_s, QJsonObject{{u"type"_s, u"string"_s}});
    return schema;
}

QJsonObject ExampleArguments::build(const ToolDefinition &tool, Coverage coverage, quint64 salt) const
{
    QJsonObject out;
    for (const ToolParameter &p : tool.parameters) {
        if (coverage == Coverage::RequiredOnly && !p.required)
            continue;
        // "vehicle" next to "vehicle.id": the object's fields are sent, not its scalar form.
        const QString prefix = p.name + u'.';
        const bool hasFields = std::any_of(tool.parameters.begin(), tool.parameters.end(),
                                           [&](const ToolParameter &other) { return other.name.startsWith(prefix); });
        if (hasFields)
            continue;
        // ToolParameter does not say what an array holds; an optional one is better left out
        // than filled with strings where the API wants objects.
        if (p.type == u"array"_s && !p.required && coverage == Coverage::All)
            continue;
        out.insert(p.name, m_generator.valueFor(p.name, schemaOf(p), salt));
    }
    return out;
}

} // namespace m1
