#include "agent/valueformatter.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

ValueFormatter::ValueFormatter(const AgentTr &tr, QTimeZone zone)
    : m_tr(tr)
    , m_labels(tr)
    , m_zone(zone.isValid() ? std::move(zone) : QTimeZone::utc())
    , m_isoDate(u"^\\d{4}-\\d{2}-\\d{2}$"_s)
    , m_isoDateTime(u"^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$"_s)
{
}

QString ValueFormatter::date(ReplyLanguage language, QDate d) const
{
    if (!d.isValid())
        return {};
    if (language == ReplyLanguage::Croatian)
        return d.toString(u"d.M.yyyy."_s);
    return QLocale(QLocale::English).toString(d, u"d MMM yyyy"_s);
}

QString ValueFormatter::dateTime(ReplyLanguage language, const QDateTime &when) const
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toTimeZone(m_zone);
    const QString time = local.time().toString(u"HH:mm"_s);
    if (language == ReplyLanguage::Croatian)
        return date(language, local.date()) + u' ' + time;
    return date(language, local.date()) + u", "_s + time;
}

QString ValueFormatter::number(ReplyLanguage language, double value) const
{
    const QLocale locale(language == ReplyLanguage::Croatian ? QLocale::Croatian : QLocale::English);
    if (std::abs(value - std::round(value)) < 1e-9 && std::abs(value) < 1e15)
        return locale.toString(qint64(std::llround(value)));
    QString s = locale.toString(value, 'f', 2);
    // "45.50" → "45.5"; keep two decimals only when they carry information.
    const QChar dec = locale.decimalPoint().at(0);
    while (s.endsWith(u'0') && s.contains(dec))
        s.chop(1);
    if (s.endsWith(dec))
        s.chop(1);
    return s;
}

QString ValueFormatter::objectName(ReplyLanguage language, const QJsonObject &object) const
{
    if (object.contains(u"amount"_s) && object.value(u"amount"_s).isDouble()) {
        const QString currency = object.value(u"currency"_s).toString();
        const QString amount = number(language, object.value(u"amount"_s).toDouble());
        return currency.isEmpty() ? amount : amount + u' ' + currency;
    }
    for (const auto &key : {u"name"_s, u"displayName"_s, u"title"_s, u"label"_s, u"licencePlate"_s,
                            u"subject"_s, u"address"_s, u"street"_s, u"number"_s}) {
        const QJsonValue v = object.value(key);
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    const QString first = object.value(u"firstName"_s).toString();
    const QString last = object.value(u"lastName"_s).toString();
    if (!first.isEmpty() || !last.isEmpty())
        return QString(first + u' ' + last).trimmed();
    if (object.contains(u"latitude"_s) && object.contains(u"longitude"_s))
        return number(language, object.value(u"latitude"_s).toDouble()) + u", "_s
            + number(language, object.value(u"longitude"_s).toDouble());
    const QJsonValue id = object.value(u"id"_s);
    if (id.isString() || id.isDouble())
        return format(language, id);
    return {};
}

QString ValueFormatter::format(ReplyLanguage language, const QJsonValue &value, const QJsonObject &schema) const
{
    const QString fmt = schema.value(u"format"_s).toString();
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"—"_s;
    case QJsonValue::Bool:
        return value.toBool() ? m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Yes"))
                              : m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "No"));
    case QJsonValue::Double:
        return number(language, value.toDouble());
    case QJsonValue::String: {
        const QString s = value.toString();
        if (fmt == u"date" || (fmt.isEmpty() && m_isoDate.match(s).hasMatch())) {
            const QDate d = QDate::fromString(s.left(10), Qt::ISODate);
            if (d.isValid())
                return date(language, d);
        }
        if (fmt == u"date-time" || (fmt.isEmpty() && m_isoDateTime.match(s).hasMatch())) {
            QDateTime when = QDateTime::fromString(s, Qt::ISODateWithMs);
            if (when.isValid()) {
                if (when.timeSpec() == Qt::LocalTime && !s.contains(u'Z') && !s.contains(u'+'))
                    when.setTimeZone(m_zone);
                return dateTime(language, when);
            }
        }
        if (schema.contains(u"enum"_s))
            return m_labels.enumValue(language, s);
        return s;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        const QJsonObject itemSchema = schema.value(u"items"_s).toObject();
        bool scalars = array.size() <= 5;
        for (const QJsonValue &v : array)
            scalars = scalars && !v.isObject() && !v.isArray();
        if (scalars && !array.isEmpty()) {
            QStringList parts;
            for (const QJsonValue &v : array)
                parts.append(format(language, v, itemSchema));
            return parts.join(u", "_s);
        }
        return m_tr.tr(language, QT_TRANSLATE_N_NOOP("m1::Agent", "%n item(s)"), int(array.size()));
    }
    case QJsonValue::Object:
        return objectName(language, value.toObject());
    }
    return {};
}

} // namespace m1
