#include "agent/fieldlabels.h"

#include "agent/textfold.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Labels of the fields and enum values fleet APIs use most; marked for lupdate so the Croatian
// catalogue carries them.
const char *const kGlossary[] = {
    QT_TRANSLATE_NOOP("m1::AgentLabels", "ID"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Name"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Title"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Status"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Type"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Category"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Description"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Note"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Notes"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Comment"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Reason"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Purpose"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Vehicle"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Vehicle ID"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Person ID"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Booking ID"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Licence plate"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Make"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Model"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Variant"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Colour"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Seats"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Year"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Transmission"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Fuel type"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Mileage (km)"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Odometer (km)"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Current mileage (km)"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Distance (km)"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Fuel level (%)"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Litres"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Quantity (l)"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "From"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "To"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Start"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "End"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Start date"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "End date"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Date"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Created"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Updated"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Recorded"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Occurred"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Scheduled"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Valid from"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Valid until"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Due date"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Reading date"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Preferred date"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Preferred time slot"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Amount"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Total"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Total amount"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Total cost"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Estimated cost"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Price"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Currency"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Phone"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Email"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Address"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "City"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Country"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Location"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Position"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Destination"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Passengers"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Priority"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Severity"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Damage type"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Service type"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Season"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Provider"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Source"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Items"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "First name"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Last name"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Workshop"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Workshop ID"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Cost centre ID"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Location ID"),
    // enum values
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Diesel"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Petrol"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Electric"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Hybrid"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Plug in hybrid"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Manual"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Automatic"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Business"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Private"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Commute"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Active"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Inactive"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Available"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Reserved"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "In service"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Pending approval"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Requested"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Confirmed"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Completed"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Cancelled"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Rejected"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Approved"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Submitted"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Draft"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Reported"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Open"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "In progress"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Resolved"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Closed"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Scratch"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Dent"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Glass"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Collision"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Theft"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Other"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Low"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Normal"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "High"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Urgent"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Summer"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Winter"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "All season"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Morning"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Midday"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Afternoon"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Regular service"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Oil change"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Technical inspection"),
    QT_TRANSLATE_NOOP("m1::AgentLabels", "Repair"),
};

// Unit-like last words become a parenthesised unit: "odometerKm" → "Odometer (km)".
const QHash<QString, QString> &units()
{
    static const QHash<QString, QString> map = {
        {u"km"_s, u"km"_s}, {u"kmh"_s, u"km/h"_s}, {u"percent"_s, u"%"_s}, {u"litres"_s, u"l"_s},
        {u"liters"_s, u"l"_s}, {u"kwh"_s, u"kWh"_s}, {u"kw"_s, u"kW"_s}, {u"mm"_s, u"mm"_s},
        {u"minutes"_s, u"min"_s}, {u"bytes"_s, u"B"_s}, {u"eur"_s, u"EUR"_s},
    };
    return map;
}

QString capitalised(const QString &s)
{
    return s.isEmpty() ? s : s.at(0).toUpper() + s.mid(1);
}

} // namespace

QString FieldLabels::english(const QString &name)
{
    // Dotted body fields: the last segment names the field ("driver.id" keeps "Driver ID").
    QString field = name;
    const QStringList segments = name.split(u'.');
    if (segments.size() > 1)
        field = segments.last() == u"id"_s ? segments.at(segments.size() - 2) + u"Id"_s : segments.last();
    QStringList words = TextFold::identifierWords(field);
    if (words.isEmpty())
        return name;
    QString unit;
    if (words.size() > 1 && units().contains(words.last()))
        unit = units().value(words.takeLast());
    if (words.size() > 1 && (words.last() == u"at"_s || words.last() == u"on"_s))
        words.removeLast(); // "createdAt" → "Created"
    for (QString &w : words) {
        if (w == u"id"_s || w == u"vin"_s || w == u"pin"_s || w == u"co2"_s || w == u"ev"_s || w == u"url"_s)
            w = w.toUpper();
    }
    QString label = capitalised(words.join(u' '));
    if (!unit.isEmpty())
        label += u" ("_s + unit + u')';
    return label;
}

QString FieldLabels::englishEnumValue(const QString &value)
{
    const QStringList words = TextFold::identifierWords(value);
    if (words.isEmpty())
        return value;
    return capitalised(words.join(u' '));
}

QString FieldLabels::label(ReplyLanguage language, const QString &name, const QString &schemaTitle) const
{
    const QString english = schemaTitle.isEmpty() ? FieldLabels::english(name) : schemaTitle;
    return m_tr.label(language, english);
}

QString FieldLabels::enumValue(ReplyLanguage language, const QString &value) const
{
    return m_tr.label(language, englishEnumValue(value));
}

QStringList FieldLabels::glossary()
{
    QStringList out;
    for (const char *entry : kGlossary)
        out.append(QString::fromUtf8(entry));
    return out;
}

} // namespace m1
