#pragma once

// JSON values as a person reads them, per language: dates "3 Dec 2026" / "3.12.2026.",
// timestamps in the local time zone, numbers with the language's separators ("45,000" /
// "45.000"), yes/no, money objects ("67.30 EUR"), enum values as words, objects by their name.

#include "agent/agenttr.h"
#include "agent/fieldlabels.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTimeZone>

namespace m1 {

class ValueFormatter
{
public:
    ValueFormatter(const AgentTr &tr, QTimeZone zone = QTimeZone(QByteArrayLiteral("Europe/Zagreb")));

    // `schema` is the value's JSON Schema when known (format, enum, items).
    QString format(ReplyLanguage language, const QJsonValue &value, const QJsonObject &schema = {}) const;

    QString date(ReplyLanguage language, QDate date) const;
    QString dateTime(ReplyLanguage language, const QDateTime &when) const;
    QString number(ReplyLanguage language, double value) const;
    // A one-line name for an object: its name/title/plate/..., a money amount, or its id.
    QString objectName(ReplyLanguage language, const QJsonObject &object) const;

    const FieldLabels &labels() const { return m_labels; }
    const AgentTr &tr() const { return m_tr; }

private:
    const AgentTr &m_tr;
    FieldLabels m_labels;
    QTimeZone m_zone;
    QRegularExpression m_isoDate;
    QRegularExpression m_isoDateTime;
};

} // namespace m1
