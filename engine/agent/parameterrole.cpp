#include "agent/parameterrole.h"

#include "agent/textfold.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool hasAny(const QStringList &words, std::initializer_list<const char16_t *> wanted)
{
    for (const char16_t *w : wanted) {
        if (words.contains(QString::fromUtf16(w)))
            return true;
    }
    return false;
}

bool isStringLike(const ToolParameter &p)
{
    return p.type.isEmpty() || p.type == u"string";
}

bool isNumeric(const ToolParameter &p)
{
    return p.type == u"integer" || p.type == u"number";
}

} // namespace

bool ParameterRoles::wantsDateTime(const ToolParameter &parameter)
{
    if (parameter.format == u"date-time")
        return true;
    if (parameter.format == u"date")
        return false;
    const QStringList words = TextFold::identifierWords(parameter.name);
    return hasAny(words, {u"time", u"datetime", u"timestamp", u"at", u"vrijeme"});
}

QString ParameterRoles::unitOf(ParameterRole role)
{
    switch (role) {
    case ParameterRole::Mileage: return u"km"_s;
    case ParameterRole::Litres: return u"l"_s;
    case ParameterRole::Money: return u"EUR"_s;
    case ParameterRole::Percent: return u"%"_s;
    default: return {};
    }
}

ParameterRole ParameterRoles::roleOf(const ToolParameter &p)
{
    // Body fields are dotted ("driver.id"): the words of every segment count.
    const QStringList words = TextFold::identifierWords(p.name);
    if (words.isEmpty())
        return ParameterRole::Other;
    const QString last = words.last();
    const bool isId = last == u"id" || last == u"uuid" || last == u"ids";

    if (isId && hasAny(words, {u"person", u"driver", u"employee", u"user", u"requester", u"reporter"}))
        return ParameterRole::PersonId;
    if (isId && hasAny(words, {u"vehicle", u"car", u"vozilo"}))
        return ParameterRole::VehicleId;
    if (hasAny(words, {u"tenant"}))
        return ParameterRole::Tenant;
    if (hasAny(words, {u"plate", u"registration", u"registracija", u"tablica"})
        || (hasAny(words, {u"reg"}) && hasAny(words, {u"number", u"no", u"nr"})))
        return isStringLike(p) ? ParameterRole::Plate : ParameterRole::Other;
    if (isStringLike(p) && (hasAny(words, {u"phone", u"mobile", u"msisdn"})))
        return ParameterRole::Phone;
    if (isStringLike(p) && p.enumValues.isEmpty()
        && (last == u"language" || last == u"lang" || last == u"locale"))
        return ParameterRole::Language;

    const bool dateFormat = p.format == u"date" || p.format == u"date-time";
    // Names alone say "date" only with a date word ("startDate", "pickupAt", "validUntil") or
    // when the whole name is a boundary ("from", "to"): "assignedTo" is a person, not a date.
    const bool strongDateWord = hasAny(words, {u"date", u"datum", u"day", u"time", u"datetime",
                                               u"timestamp"})
        || last == u"at" || last == u"from" || last == u"until" || last == u"since";
    const bool boundaryOnly = words.size() == 1
        && hasAny(words, {u"from", u"to", u"start", u"end", u"since", u"until", u"od", u"do"});
    const bool dateName = (strongDateWord || boundaryOnly) && p.enumValues.isEmpty() && !isId
        && !hasAny(words, {u"zone", u"timezone", u"type", u"email", u"format", u"slot", u"slots"});
    if (isStringLike(p) && (dateFormat || dateName)) {
        if (hasAny(words, {u"from", u"start", u"begin", u"since", u"od", u"pickup", u"departure",
                           u"starts", u"valid"}) && !hasAny(words, {u"until", u"to", u"end"}))
            return ParameterRole::DateStart;
        if (hasAny(words, {u"to", u"end", u"until", u"till", u"do", u"return", u"dropoff",
                           u"ends", u"expiry", u"expires"}))
            return ParameterRole::DateEnd;
        return ParameterRole::Date;
    }

    if (isNumeric(p)) {
        if (hasAny(words, {u"mileage", u"odometer", u"km", u"kilometers", u"kilometres",
                           u"kilometraza", u"odometar", u"distance"}))
            return ParameterRole::Mileage;
        if (hasAny(words, {u"litres", u"liters", u"litre", u"liter", u"volume", u"litara"})
            || (hasAny(words, {u"fuel"}) && hasAny(words, {u"amount", u"quantity", u"qty"})))
            return ParameterRole::Litres;
        if (hasAny(words, {u"percent", u"percentage", u"level", u"posto"}))
            return ParameterRole::Percent;
        if (hasAny(words, {u"amount", u"price", u"cost", u"total", u"sum", u"iznos", u"cijena",
                           u"fee", u"eur", u"costs"}))
            return ParameterRole::Money;
    }

    if (isStringLike(p) && last == u"currency")
        return ParameterRole::Currency;
    if (!p.enumValues.isEmpty())
        return ParameterRole::Enum;
    if (isStringLike(p)
        && hasAny(words, {u"description", u"comment", u"comments", u"note", u"notes", u"remark",
                          u"remarks", u"message", u"text", u"reason", u"details", u"opis",
                          u"napomena", u"komentar", u"purpose", u"summary"}))
        return ParameterRole::FreeText;
    return ParameterRole::Other;
}

} // namespace m1
