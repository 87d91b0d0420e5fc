#include "agent/parameterfiller.h"

#include "agent/textfold.h"

#include <QHash>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

struct ParameterFiller::Scan
{
    QList<DateTimeRange> ranges;
    QList<NumberMatch> numbers;
    QList<PlateMatch> plates;
    QHash<QString, FilledValue> dates; // parameter name → planned date value
    QList<TextSpan> used;              // spans a parameter took
    QList<TextSpan> recognised;        // spans of everything recognised (free text skips them)
    QList<bool> numberUsed;
    QList<bool> plateUsed;
    QList<bool> rangeUsed;
    QString moneyUnit;   // unit of the amount a Money parameter took ("" when it had none)
    bool moneyTaken = false;
};

ParameterFiller::ParameterFiller(const Clock &clock, QTimeZone zone)
    : m_dateTimes(clock, std::move(zone))
    , m_spaceBeforePunct(u"\\s+([,.;:!?])"_s)
    , m_edgeJunk(u"^[\\s,.;:!?-]+|[\\s,;:-]+$"_s)
    , m_yes(u"^(?:da|yes|y|ok|true|moze|naravno|sure|tocno)$"_s)
    , m_no(u"^(?:ne|no|n|false|nemoj|nije)$"_s)
{
}

ParameterFiller::Scan ParameterFiller::scan(const QString &message) const
{
    Scan s;
    s.ranges = m_dateTimes.extract(message);
    s.plates = m_plates.extract(message);
    for (const DateTimeRange &r : std::as_const(s.ranges))
        s.recognised.append(r.span);
    for (const PlateMatch &p : std::as_const(s.plates))
        s.recognised.append(p.span);
    for (const NumberMatch &n : m_numbers.extract(message)) {
        if (!n.span.overlapsAny(s.recognised))
            s.numbers.append(n);
    }
    for (const NumberMatch &n : std::as_const(s.numbers)) {
        if (!n.unit.isEmpty())
            s.recognised.append(n.span);
    }
    s.numberUsed.fill(false, s.numbers.size());
    s.plateUsed.fill(false, s.plates.size());
    s.rangeUsed.fill(false, s.ranges.size());
    return s;
}

QJsonValue ParameterFiller::dateValue(const ToolParameter &p, const DateTimeRange &range,
                                      bool endSide) const
{
    const QTimeZone &zone = m_dateTimes.timeZone();
    if (!ParameterRoles::wantsDateTime(p))
        return range.date.toString(Qt::ISODate);
    QDateTime when;
    if (endSide && range.endTime.isValid())
        when = range.end(zone);
    else if (endSide && !range.startTime.isValid())
        when = QDateTime(range.date, QTime(23, 59, 59), zone); // "until Friday": all of Friday
    else
        when = range.start(zone);
    return when.toString(Qt::ISODate);
}

void ParameterFiller::planDates(const ToolDefinition &tool, Scan &s) const
{
    if (s.ranges.isEmpty())
        return;
    QList<const ToolParameter *> starts, ends, plain;
    for (const ToolParameter &p : tool.parameters) {
        switch (ParameterRoles::roleOf(p)) {
        case ParameterRole::DateStart: starts.append(&p); break;
        case ParameterRole::DateEnd: ends.append(&p); break;
        case ParameterRole::Date: plain.append(&p); break;
        default: break;
        }
    }
    const DateTimeRange &first = s.ranges.first();
    const auto put = [&](const ToolParameter *p, const DateTimeRange &r, int index, bool endSide) {
        s.dates.insert(p->name, {p->name, dateValue(*p, r, endSide), ValueSource::Message, r.span});
        s.rangeUsed[index] = true;
        s.used.append(r.span);
    };
    if (starts.isEmpty() && ends.isEmpty()) {
        for (const ToolParameter *p : plain)
            put(p, first, 0, false);
        return;
    }
    for (const ToolParameter *p : starts + plain)
        put(p, first, 0, false);
    if (ends.isEmpty())
        return;
    // The end: the first range's end time, else the next range, else (a bare date such as
    // "for tomorrow") the same day.
    for (const ToolParameter *p : std::as_const(ends)) {
        if (first.endTime.isValid() || (starts.isEmpty() && s.ranges.size() == 1)) {
            put(p, first, 0, true);
        } else if (s.ranges.size() > 1) {
            DateTimeRange second = s.ranges.at(1);
            if (second.startTime.isValid() && !second.endTime.isValid())
                second.endTime = second.startTime; // "do petka u 16": the end is Friday 16:00
            put(p, second, 1, true);
        } else if (!first.hasTime()) {
            put(p, first, 0, true);
        }
    }
}

QJsonValue ParameterFiller::typed(const ToolParameter &p, const QString &text)
{
    if (p.type == u"integer") {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        return ok ? QJsonValue(v) : QJsonValue(text);
    }
    if (p.type == u"number") {
        bool ok = false;
        const double v = text.toDouble(&ok);
        return ok ? QJsonValue(v) : QJsonValue(text);
    }
    return text;
}

std::optional<FilledValue> ParameterFiller::fromProfile(const ToolParameter &p, ParameterRole role,
                                                        const UserProfile &profile)
{
    QString text;
    switch (role) {
    case ParameterRole::PersonId: text = profile.personId; break;
    case ParameterRole::VehicleId: text = profile.defaultVehicleId; break;
    case ParameterRole::Tenant: text = profile.tenant; break;
    case ParameterRole::Phone: text = profile.phone; break;
    case ParameterRole::Language: text = profile.language; break;
    default: break;
    }
    if (text.isEmpty())
        return std::nullopt;
    return FilledValue{p.name, typed(p, text), ValueSource::Profile, {}};
}

std::optional<FilledValue> ParameterFiller::numberFor(const ToolParameter &p, ParameterRole role,
                                                      Scan &s, bool answering) const
{
    const QString unit = ParameterRoles::unitOf(role);
    int pick = -1;
    for (int i = 0; i < s.numbers.size() && pick < 0 && !unit.isEmpty(); ++i) {
        const QString &u = s.numbers.at(i).unit;
        const bool fits = u == unit || (role == ParameterRole::Money && u == u"HRK");
        if (fits && !s.numberUsed.at(i))
            pick = i;
    }
    if (pick < 0) {
        // A number without a unit answers only when it is the only one left ("stanje je 45000").
        int unitless = -1;
        int count = 0;
        for (int i = 0; i < s.numbers.size(); ++i) {
            if (!s.numberUsed.at(i) && (s.numbers.at(i).unit.isEmpty() || answering)) {
                ++count;
                if (unitless < 0)
                    unitless = i;
            }
        }
        if (unitless >= 0 && (count == 1 || answering))
            pick = unitless;
    }
    if (pick < 0)
        return std::nullopt;
    const NumberMatch &n = s.numbers.at(pick);
    if (p.type == u"integer" && !n.isIntegral() && role != ParameterRole::Mileage)
        return std::nullopt;
    s.numberUsed[pick] = true;
    s.used.append(n.span);
    if (role == ParameterRole::Money) {
        s.moneyTaken = true;
        s.moneyUnit = n.unit;
    }
    const QJsonValue value = p.type == u"integer" ? QJsonValue(qint64(std::llround(n.value)))
                                                  : QJsonValue(n.value);
    return FilledValue{p.name, value, ValueSource::Message, n.span};
}

std::optional<FilledValue> ParameterFiller::fromMessage(const ToolParameter &p, ParameterRole role,
                                                        Scan &s, const QString &message,
                                                        bool answering) const
{
    if (ParameterRoles::isDateRole(role)) {
        if (s.dates.contains(p.name))
            return s.dates.value(p.name);
        return std::nullopt;
    }
    switch (role) {
    case ParameterRole::Plate:
        for (int i = 0; i < s.plates.size(); ++i) {
            if (!s.plateUsed.at(i)) {
                s.plateUsed[i] = true;
                s.used.append(s.plates.at(i).span);
                return FilledValue{p.name, s.plates.at(i).plate, ValueSource::Message, s.plates.at(i).span};
            }
        }
        if (answering && !message.trimmed().isEmpty())
            return FilledValue{p.name, message.trimmed().toUpper(), ValueSource::Message,
                               {0, int(message.size())}};
        return std::nullopt;
    case ParameterRole::Mileage:
    case ParameterRole::Litres:
    case ParameterRole::Money:
    case ParameterRole::Percent:
        return numberFor(p, role, s, answering);
    case ParameterRole::Enum:
        // The enum's words stay in free text ("ogreban branik" describes the damage too).
        if (const auto m = m_enums.match(p.enumValues, message)) {
            return FilledValue{p.name, typed(p, m->value), ValueSource::Message, m->span};
        }
        return std::nullopt;
    default:
        break;
    }
    if (!answering)
        return std::nullopt;
    // The bot asked for exactly this parameter: the whole answer is its value.
    const QString answer = message.trimmed();
    if (answer.isEmpty())
        return std::nullopt;
    if (p.type == u"integer" || p.type == u"number")
        return numberFor(p, ParameterRole::Other, s, true);
    if (p.type == u"boolean") {
        QString folded = TextFold::fold(answer);
        while (folded.endsWith(u'.') || folded.endsWith(u'!'))
            folded.chop(1);
        if (m_yes.match(folded).hasMatch())
            return FilledValue{p.name, true, ValueSource::Message, {0, int(message.size())}};
        if (m_no.match(folded).hasMatch())
            return FilledValue{p.name, false, ValueSource::Message, {0, int(message.size())}};
        return std::nullopt;
    }
    if (p.type.isEmpty() || p.type == u"string")
        return FilledValue{p.name, answer, ValueSource::Message, {0, int(message.size())}};
    return std::nullopt;
}

QString ParameterFiller::freeText(const QString &message, const Scan &s) const
{
    QString out;
    out.reserve(message.size());
    for (int i = 0; i < message.size(); ++i) {
        const TextSpan at{i, 1};
        out.append(at.overlapsAny(s.used) || at.overlapsAny(s.recognised) ? u' ' : message.at(i));
    }
    out = out.simplified();
    out.replace(m_spaceBeforePunct, u"\\1"_s);
    out.remove(m_edgeJunk);
    return out.size() >= 3 ? out : QString();
}

std::optional<FilledValue> ParameterFiller::currencyFor(const ToolParameter &p, const Scan &s,
                                                       const QHash<QString, FilledValue> &known)
{
    // "67,30 EUR" says it; a bare "67,30" means euros (Croatia's currency), as the API assumes.
    const auto allowed = [&](const QString &c) { return p.enumValues.isEmpty() || p.enumValues.contains(c); };
    if (s.moneyTaken && !s.moneyUnit.isEmpty() && allowed(s.moneyUnit))
        return FilledValue{p.name, s.moneyUnit, ValueSource::Message, {}};
    if (known.contains(p.name))
        return known.value(p.name);
    if (!p.defaultValue.isUndefined() && !p.defaultValue.isNull())
        return FilledValue{p.name, p.defaultValue, ValueSource::Default, {}};
    if (s.moneyTaken && allowed(u"EUR"_s))
        return FilledValue{p.name, u"EUR"_s, ValueSource::Default, {}};
    return std::nullopt;
}

FillResult ParameterFiller::fill(const ToolDefinition &tool, const QString &message,
                                 const FillContext &context) const
{
    Scan s = scan(message);
    planDates(tool, s);

    QHash<QString, FilledValue> known;
    for (const FilledValue &v : context.known)
        known.insert(v.name, v);

    const bool toolTakesPlate = std::any_of(tool.parameters.begin(), tool.parameters.end(),
                                            [](const ToolParameter &p) {
                                                return ParameterRoles::roleOf(p) == ParameterRole::Plate;
                                            });
    QList<std::optional<FilledValue>> chosen(tool.parameters.size());
    QList<int> laterParams;
    for (int i = 0; i < tool.parameters.size(); ++i) {
        const ToolParameter &p = tool.parameters.at(i);
        const ParameterRole role = ParameterRoles::roleOf(p);
        const bool answering = !context.answering.isEmpty() && context.answering == p.name;
        if ((role == ParameterRole::FreeText && (p.required || answering)) || role == ParameterRole::Currency) {
            laterParams.append(i); // after the others: free text gets what they left, a currency
            continue;              // follows the amount it belongs to
        }
        std::optional<FilledValue> v = fromMessage(p, role, s, message, answering);
        if (!v && known.contains(p.name))
            v = known.value(p.name);
        // A plate in the message means some other vehicle than the default one: leave the id to
        // a provider tool rather than silently using the wrong car.
        const bool otherVehicle = role == ParameterRole::VehicleId && !s.plates.isEmpty() && !toolTakesPlate;
        if (!v && !otherVehicle)
            v = fromProfile(p, role, context.profile);
        if (!v && p.required && !p.defaultValue.isUndefined() && !p.defaultValue.isNull())
            v = FilledValue{p.name, p.defaultValue, ValueSource::Default, {}};
        if (!v && p.required && p.enumValues.size() == 1)
            v = FilledValue{p.name, typed(p, p.enumValues.first()), ValueSource::Default, {}};
        chosen[i] = v;
    }
    for (int i : std::as_const(laterParams)) {
        const ToolParameter &p = tool.parameters.at(i);
        if (ParameterRoles::roleOf(p) == ParameterRole::Currency) {
            const QString answer = message.trimmed().toUpper();
            if (context.answering == p.name && !answer.isEmpty())
                chosen[i] = FilledValue{p.name, answer, ValueSource::Message, {0, int(message.size())}};
            else
                chosen[i] = currencyFor(p, s, known);
            continue;
        }
        const bool answering = context.answering == p.name;
        const QString text = answering ? message.trimmed() : freeText(message, s);
        if (!text.isEmpty())
            chosen[i] = FilledValue{p.name, text, ValueSource::Message, {}};
        else if (known.contains(p.name))
            chosen[i] = known.value(p.name);
    }

    FillResult result;
    for (int i = 0; i < tool.parameters.size(); ++i) {
        if (chosen.at(i))
            result.values.append(*chosen.at(i));
        else if (tool.parameters.at(i).required)
            result.missing.append(tool.parameters.at(i).name);
    }
    for (int i = 0; i < s.plates.size(); ++i) {
        if (!s.plateUsed.at(i)) {
            result.unused.insert(u"licencePlate"_s, s.plates.at(i).plate);
            break;
        }
    }
    for (int i = 0; i < s.ranges.size(); ++i) {
        if (!s.rangeUsed.at(i)) {
            result.unused.insert(u"date"_s, s.ranges.at(i).start(m_dateTimes.timeZone()).toString(Qt::ISODate));
            break;
        }
    }
    for (int i = 0; i < s.numbers.size(); ++i) {
        if (!s.numberUsed.at(i)) {
            result.unused.insert(u"number"_s, s.numbers.at(i).value);
            break;
        }
    }
    return result;
}

} // namespace m1
