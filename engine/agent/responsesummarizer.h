#pragma once

// Turns a tool's JSON response into a short WhatsApp text, guided by the response schema:
// top-level fields with readable labels ("Licence plate: ZG-1234-AB"), dates and numbers in
// the user's language, and lists as "N items" plus their first rows. Identifying fields
// (name, plate, status, dates) come first; foreign-key ids last; at most `maxLines` lines.

#include "agent/valueformatter.h"

#include "registry/tooldefinition.h"

namespace m1 {

class ResponseSummarizer
{
public:
    explicit ResponseSummarizer(const ValueFormatter &values, int maxLines = 12, int maxRows = 5);

    QString summarize(ReplyLanguage language, const ToolDefinition &tool, const QJsonValue &body) const;

private:
    QString objectLines(ReplyLanguage language, const QJsonObject &object, const QJsonObject &schema) const;
    QString listLines(ReplyLanguage language, const QJsonArray &items, const QJsonObject &itemSchema,
                      int total) const;
    QString rowLine(ReplyLanguage language, const QJsonObject &row, const QJsonObject &schema) const;
    static QStringList orderedKeys(const QJsonObject &object);
    static QJsonObject propertySchema(const QJsonObject &schema, const QString &key);

    const ValueFormatter &m_values;
    int m_maxLines;
    int m_maxRows;
};

} // namespace m1
