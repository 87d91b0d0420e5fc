#include "agent/llmarguments.h"

#include "agent/functionschemabuilder.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d);
    }
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

} // namespace

std::optional<QJsonValue> LlmArguments::coerce(const ToolParameter &p, const QJsonValue &value, QString *why)
{
    const QString type = p.type.isEmpty() ? u"string"_s : p.type;
    if (!p.enumValues.isEmpty()) {
        const QString text = scalarText(value);
        for (const QString &allowed : p.enumValues) {
            if (allowed.compare(text, Qt::CaseInsensitive) == 0) {
                ToolParameter plain = p;
                plain.enumValues.clear();
                return coerce(plain, QJsonValue(allowed), why);
            }
        }
        *why = u"\"%1\" is not one of %2"_s.arg(text, p.enumValues.join(u", "_s));
        return std::nullopt;
    }
    if (type == u"integer"_s || type == u"number"_s) {
        bool ok = value.isDouble();
        double d = value.toDouble();
        if (value.isString())
            d = value.toString().trimmed().replace(u',', u'.').toDouble(&ok);
        if (!ok) {
            *why = u"expected a number"_s;
            return std::nullopt;
        }
        if (type == u"number"_s)
            return QJsonValue(d);
        if (d != std::floor(d)) {
            *why = u"expected a whole number"_s;
            return std::nullopt;
        }
        return QJsonValue(qint64(d));
    }
    if (type == u"boolean"_s) {
        if (value.isBool())
            return value;
        const QString text = scalarText(value).toLower();
        if (text == u"true"_s || text == u"false"_s)
            return QJsonValue(text == u"true"_s);
        *why = u"expected true or false"_s;
        return std::nullopt;
    }
    if (type == u"array"_s) {
        if (value.isArray())
            return value;
        *why = u"expected an array"_s;
        return std::nullopt;
    }
    if (type == u"object"_s) {
        if (value.isObject())
            return value;
        *why = u"expected an object"_s;
        return std::nullopt;
    }
    const QString text = scalarText(value);
    if (text.isEmpty()) {
        *why = u"expected a non-empty string"_s;
        return std::nullopt;
    }
    return QJsonValue(text);
}

QJsonObject LlmArguments::accept(const ToolDefinition &tool, const QJsonObject &arguments, QStringList *notes)
{
    QJsonObject out;
    for (auto it = arguments.begin(); it != arguments.end(); ++it) {
        if (it.value().isNull() || it.value().isUndefined())
            continue;
        const ToolParameter *p = tool.parameter(it.key());
        if (!p || !FunctionSchemaBuilder::isOffered(*p)) {
            notes->append(u"llm: ignored argument \"%1\": %2 takes no such parameter"_s.arg(it.key(), tool.id));
            continue;
        }
        QString why;
        if (const auto value = coerce(*p, it.value(), &why))
            out.insert(p->name, *value);
        else
            notes->append(u"llm: ignored argument \"%1\": %2"_s.arg(it.key(), why));
    }
    return out;
}

} // namespace m1
