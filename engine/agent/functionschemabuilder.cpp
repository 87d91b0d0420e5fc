#include "agent/functionschemabuilder.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

QJsonValue typedEnumValue(const ToolParameter &p, const QString &value)
{
    bool ok = false;
    if (p.type == u"integer"_s) {
        const qint64 v = value.toLongLong(&ok);
        if (ok)
            return v;
    } else if (p.type == u"number"_s) {
        const double v = value.toDouble(&ok);
        if (ok)
            return v;
    }
    return value;
}

} // namespace

bool FunctionSchemaBuilder::isOffered(const ToolParameter &parameter)
{
    return parameter.location != ParamLocation::Header && parameter.location != ParamLocation::Cookie;
}

QString FunctionSchemaBuilder::description(const ToolDefinition &tool)
{
    QString text = tool.summary.simplified();
    const QString more = tool.description.simplified();
    if (!more.isEmpty() && more != text)
        text = text.isEmpty() ? more : text + u". "_s + more;
    if (text.isEmpty())
        text = tool.method + u' ' + tool.path;
    if (text.size() > kMaxDescription)
        text = text.left(kMaxDescription - 1) + u'…';
    return text;
}

QJsonObject FunctionSchemaBuilder::property(const ToolParameter &p)
{
    QJsonObject schema;
    const QString type = p.type.isEmpty() ? u"string"_s : p.type;
    schema.insert(u"type"_s, type);
    // Arrays must say what they hold; ToolDefinition does not keep the item type.
    if (type == u"array"_s)
        schema.insert(u"items"_s, QJsonObject { { u"type"_s, u"string"_s } });
    if (!p.format.isEmpty())
        schema.insert(u"format"_s, p.format);
    if (!p.enumValues.isEmpty()) {
        QJsonArray values;
        for (const QString &v : p.enumValues)
            values.append(typedEnumValue(p, v));
        schema.insert(u"enum"_s, values);
    }
    if (!p.defaultValue.isUndefined() && !p.defaultValue.isNull())
        schema.insert(u"default"_s, p.defaultValue);
    QString text = p.description.simplified();
    if (text.size() > 300)
        text = text.left(299) + u'…';
    if (!text.isEmpty())
        schema.insert(u"description"_s, text);
    return schema;
}

QJsonObject FunctionSchemaBuilder::parameters(const ToolDefinition &tool)
{
    QJsonObject properties;
    QJsonArray required;
    for (const ToolParameter &p : tool.parameters) {
        if (!isOffered(p) || properties.contains(p.name))
            continue;
        properties.insert(p.name, property(p));
        if (p.required)
            required.append(p.name);
    }
    QJsonObject schema { { u"type"_s, u"object"_s }, { u"properties"_s, properties } };
    if (!required.isEmpty())
        schema.insert(u"required"_s, required);
    return schema;
}

QJsonObject FunctionSchemaBuilder::tool(const ToolDefinition &tool, const QString &functionName)
{
    const QJsonObject function { { u"name"_s, functionName },
                                { u"description"_s, description(tool) },
                                { u"parameters"_s, parameters(tool) } };
    return QJsonObject { { u"type"_s, u"function"_s }, { u"function"_s, function } };
}

} // namespace m1
