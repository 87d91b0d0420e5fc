#include "agent/responsesummarizer.h"

#include "agent/textfold.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Lower rank first. Names and plates say what the thing is; status and dates what happened;
// ids of other resources rarely help a driver and go last.
int rank(const QString &key)
{
    static const QStringList leading = {u"id"_s, u"name"_s, u"title"_s, u"displayName"_s, u"licencePlate"_s,
                                        u"make"_s, u"model"_s, u"firstName"_s, u"lastName"_s, u"subject"_s,
                                        u"number"_s, u"status"_s, u"type"_s, u"category"_s};
    const int lead = int(leading.indexOf(key));
    if (lead >= 0)
        return lead;
    const QStringList words = TextFold::identifierWords(key);
    const QString last = words.isEmpty() ? QString() : words.last();
    if (last == u"id"_s || last == u"ids"_s)
        return 300;
    if (last == u"at"_s || last == u"date"_s || key == u"from"_s || key == u"to"_s || last == u"from"_s
        || last == u"until"_s || last == u"on"_s)
        return 100;
    return 200;
}

bool isListy(const QJsonValue &v)
{
    return v.isArray();
}

} // namespace

ResponseSummarizer::ResponseSummarizer(const ValueFormatter &values, int maxLines, int maxRows)
    : m_values(values), m_maxLines(maxLines), m_maxRows(maxRows)
{
}

QStringList ResponseSummarizer::orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    std::stable_sort(keys.begin(), keys.end(),
                     [](const QString &a, const QString &b) { return rank(a) < rank(b); });
    return keys;
}

QJsonObject ResponseSummarizer::propertySchema(const QJsonObject &schema, const QString &key)
{
    return schema.value(u"properties"_s).toObject().value(key).toObject();
}

QString ResponseSummarizer::rowLine(ReplyLanguage language, const QJsonObject &row,
                                    const QJsonObject &schema) const
{
    QStringList parts;
    for (const QString &key : orderedKeys(row)) {
        if (parts.size() >= 4)
            break;
        const QJsonValue v = row.value(key);
        if (rank(key) >= 300 || key == u"id"_s || isListy(v) || v.isNull())
            continue;
        if (v.isObject() && m_values.objectName(language, v.toObject()).isEmpty())
            continue;
        const QString text = m_values.format(language, v, propertySchema(schema, key));
        if (!text.isEmpty() && !parts.contains(text))
            parts.append(text);
    }
    if (parts.isEmpty() && row.contains(u"id"_s))
        parts.append(m_values.format(language, row.value(u"id"_s)));
    return parts.join(u" · "_s);
}

QString ResponseSummarizer::listLines(ReplyLanguage language, const QJsonArray &items,
                                      const QJsonObject &itemSchema, int total) const
{
    const AgentTr &tr = m_values.tr();
    if (total <= 0 || items.isEmpty())
        return tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Nothing found."));
    QStringList lines;
    lines.append(tr.tr(language, QT_TRANSLATE_N_NOOP("m1::Agent", "%n item(s):"), total));
    const int shown = int(qMin<qsizetype>(items.size(), m_maxRows));
    for (int i = 0; i < shown; ++i) {
        const QJsonValue item = items.at(i);
        const QString text = item.isObject() ? rowLine(language, item.toObject(), itemSchema)
                                             : m_values.format(language, item, itemSchema);
        lines.append(QString::number(i + 1) + u". "_s + text);
    }
    if (total > shown)
        lines.append(tr.tr(language, QT_TRANSLATE_N_NOOP("m1::Agent", "… and %n more"), total - shown));
    return lines.join(u'\n');
}

QString ResponseSummarizer::objectLines(ReplyLanguage language, const QJsonObject &object,
                                        const QJsonObject &schema) const
{
    QStringList lines;
    for (const QString &key : orderedKeys(object)) {
        if (lines.size() >= m_maxLines)
            break;
        const QJsonValue v = object.value(key);
        const QJsonObject propSchema = propertySchema(schema, key);
        if (v.isNull() || v.isUndefined())
            continue;
        QString text;
        if (v.isObject()) {
            text = m_values.objectName(language, v.toObject());
            if (text.isEmpty())
                continue; // a nested structure without a name does not fit one line
        } else {
            text = m_values.format(language, v, propSchema);
        }
        if (text.isEmpty())
            continue;
        const QString label = m_values.labels().label(language, key, propSchema.value(u"title"_s).toString());
        lines.append(u"• "_s + label + u": "_s + text);
    }
    return lines.join(u'\n');
}

QString ResponseSummarizer::summarize(ReplyLanguage language, const ToolDefinition &tool,
                                      const QJsonValue &body) const
{
    const QJsonObject &schema = tool.responseSchema;
    if (body.isArray())
        return listLines(language, body.toArray(), schema.value(u"items"_s).toObject(),
                         int(body.toArray().size()));
    if (!body.isObject())
        return body.isUndefined() || body.isNull() ? QString() : m_values.format(language, body, schema);
    const QJsonObject object = body.toObject();
    // Paginated lists: {items: [...], pagination: {totalItems}}.
    if (object.value(u"items"_s).isArray()) {
        const QJsonArray items = object.value(u"items"_s).toArray();
        const QJsonObject pagination = object.value(u"pagination"_s).toObject();
        const int total = pagination.contains(u"totalItems"_s) ? pagination.value(u"totalItems"_s).toInt()
                                                                : int(items.size());
        return listLines(language, items, propertySchema(schema, u"items"_s).value(u"items"_s).toObject(), total);
    }
    return objectLines(language, object, schema);
}

} // namespace m1
