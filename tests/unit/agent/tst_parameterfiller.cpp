// ParameterFiller on hand-made tools: dates and ranges, plates, numbers with units, enums,
// free text, profile values, history, defaults and what stays missing.

#include "agent/parameterfiller.h"
#include "core/clock.h"

#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

constexpr qint64 kWednesday = 1'796'202'000'000; // 2026-12-02T10:00:00+01:00

ToolParameter param(const QString &name, ParamLocation in, bool required, const QString &type,
                    const QString &format = {}, const QStringList &enumValues = {})
{
    ToolParameter p;
    p.name = name;
    p.location = in;
    p.required = required;
    p.type = type;
    p.format = format;
    p.enumValues = enumValues;
    return p;
}

ToolDefinition tool(const QString &id, const QString &method, const QList<ToolParameter> &params)
{
    ToolDefinition t;
    t.id = id;
    t.method = method;
    t.path = u"/"_s + id;
    t.parameters = params;
    return t;
}

UserProfile driver()
{
    return {u"385911234567"_s, u"P-7"_s, u"acme"_s, u"Ana"_s, u"V-42"_s, u"hr"_s};
}

} // namespace

class TestParameterFiller : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kWednesday};
    ParameterFiller m_filler{m_clock};

    static QJsonValue valueOf(const FillResult &r, const QString &name)
    {
        const FilledValue *v = r.value(name);
        return v ? v->value : QJsonValue(QJsonValue::Undefined);
    }
    static QString sourceOf(const FillResult &r, const QString &name)
    {
        const FilledValue *v = r.value(name);
        return v ? valueSourceName(v->source) : QString();
    }

    ToolDefinition booking() const
    {
        return tool(u"createBooking"_s, u"POST"_s,
                    {param(u"vehicleId"_s, ParamLocation::Body, true, u"string"_s),
                     param(u"personId"_s, ParamLocation::Body, true, u"string"_s),
                     param(u"from"_s, ParamLocation::Body, true, u"string"_s, u"date-time"_s),
                     param(u"to"_s, ParamLocation::Body, true, u"string"_s, u"date-time"_s),
                     param(u"purpose"_s, ParamLocation::Body, false, u"string"_s, {},
                           {u"BUSINESS"_s, u"PRIVATE"_s}),
                     param(u"note"_s, ParamLocation::Body, false, u"string"_s)});
    }

private Q_SLOTS:
    void bookingFromOneMessage()
    {
        const FillResult r = m_filler.fill(booking(), u"rezerviraj auto sutra od 8 do 12 službeno"_s,
                                           {driver(), {}, {}});
        QVERIFY2(r.isComplete(), qPrintable(r.missing.join(u',')));
        QCOMPARE(valueOf(r, u"vehicleId"_s).toString(), u"V-42"_s);
        QCOMPARE(sourceOf(r, u"vehicleId"_s), u"profile"_s);
        QCOMPARE(valueOf(r, u"personId"_s).toString(), u"P-7"_s);
        QCOMPARE(valueOf(r, u"from"_s).toString(), u"2026-12-03T08:00:00+01:00"_s);
        QCOMPARE(valueOf(r, u"to"_s).toString(), u"2026-12-03T12:00:00+01:00"_s);
        QCOMPARE(sourceOf(r, u"from"_s), u"message"_s);
        QCOMPARE(valueOf(r, u"purpose"_s).toString(), u"BUSINESS"_s);
        QVERIFY(!r.value(u"note"_s)); // optional free text is not guessed
        // Spec order, and arguments() carries the same values.
        QCOMPARE(r.values.first().name, u"vehicleId"_s);
        QCOMPARE(r.arguments().value(u"to"_s).toString(), u"2026-12-03T12:00:00+01:00"_s);
    }

    void bookingInEnglishAcrossTwoDays()
    {
        const FillResult r = m_filler.fill(booking(), u"book a pool car from tomorrow 8am to friday 5pm, private trip"_s,
                                           {driver(), {}, {}});
        QCOMPARE(valueOf(r, u"from"_s).toString(), u"2026-12-03T08:00:00+01:00"_s);
        QCOMPARE(valueOf(r, u"to"_s).toString(), u"2026-12-04T17:00:00+01:00"_s);
        QCOMPARE(valueOf(r, u"purpose"_s).toString(), u"PRIVATE"_s);
    }

    void missingInSpecOrder()
    {
        const FillResult r = m_filler.fill(booking(), u"trebam auto"_s, {});
        QCOMPARE(r.missing, (QStringList{u"vehicleId"_s, u"personId"_s, u"from"_s, u"to"_s}));
        QVERIFY(r.values.isEmpty());
    }

    void wholeDayWhenOnlyADate()
    {
        const FillResult r = m_filler.fill(booking(), u"auto za petak"_s, {driver(), {}, {}});
        QCOMPARE(valueOf(r, u"from"_s).toString(), u"2026-12-04T00:00:00+01:00"_s);
        QCOMPARE(valueOf(r, u"to"_s).toString(), u"2026-12-04T23:59:59+01:00"_s);
    }

    void openEndIsAskedFor()
    {
        const FillResult r = m_filler.fill(booking(), u"sutra u 8"_s, {driver(), {}, {}});
        QCOMPARE(valueOf(r, u"from"_s).toString(), u"2026-12-03T08:00:00+01:00"_s);
        QCOMPARE(r.missing, QStringList{u"to"_s});
    }

    void historyBeatsProfileAndMessageBeatsHistory()
    {
        FillContext ctx{driver(), {}, {}};
        ctx.known = {{u"vehicleId"_s, u"V-9"_s, ValueSource::History, {}},
                     {u"from"_s, u"2026-12-10T08:00:00+01:00"_s, ValueSource::History, {}},
                     {u"to"_s, u"2026-12-10T10:00:00+01:00"_s, ValueSource::Provider, {}}};
        const FillResult r = m_filler.fill(booking(), u"ipak sutra u 9"_s, ctx);
        QCOMPARE(valueOf(r, u"vehicleId"_s).toString(), u"V-9"_s);
        QCOMPARE(sourceOf(r, u"vehicleId"_s), u"history"_s);
        QCOMPARE(valueOf(r, u"from"_s).toString(), u"2026-12-03T09:00:00+01:00"_s);
        QCOMPARE(sourceOf(r, u"from"_s), u"message"_s);
        QCOMPARE(sourceOf(r, u"to"_s), u"provider"_s);
    }

    void damageReport()
    {
        const ToolDefinition t = tool(u"reportDamage"_s, u"POST"_s,
                                      {param(u"licencePlate"_s, ParamLocation::Body, true, u"string"_s),
                                       param(u"damageType"_s, ParamLocation::Body, true, u"string"_s, {},
                                             {u"SCRATCH"_s, u"DENT"_s, u"BROKEN_GLASS"_s, u"OTHER"_s}),
                                       param(u"description"_s, ParamLocation::Body, true, u"string"_s),
                                       param(u"occurredAt"_s, ParamLocation::Body, false, u"string"_s, u"date-time"_s),
                                       param(u"reporter.id"_s, ParamLocation::Body, true, u"string"_s)});
        const QString message = u"Prijavi štetu na vozilu ZG 1234 AB, ogreban branik jučer"_s;
        const FillResult r = m_filler.fill(t, message, {driver(), {}, {}});
        QVERIFY2(r.isComplete(), qPrintable(r.missing.join(u',')));
        QCOMPARE(valueOf(r, u"licencePlate"_s).toString(), u"ZG-1234-AB"_s);
        const FilledValue *plate = r.value(u"licencePlate"_s);
        QVERIFY(plate);
        QCOMPARE(plate ? plate->span.of(message) : QString(), u"ZG 1234 AB"_s);
        QCOMPARE(valueOf(r, u"damageType"_s).toString(), u"SCRATCH"_s);
        QCOMPARE(valueOf(r, u"description"_s).toString(), u"Prijavi štetu na vozilu, ogreban branik"_s);
        QCOMPARE(valueOf(r, u"occurredAt"_s).toString(), u"2026-12-01T00:00:00+01:00"_s);
        QCOMPARE(valueOf(r, u"reporter.id"_s).toString(), u"P-7"_s);
        QCOMPARE(sourceOf(r, u"reporter.id"_s), u"profile"_s);

        const FillResult glass = m_filler.fill(t, u"broken glass on ZG-1234-AB"_s, {driver(), {}, {}});
        QCOMPARE(valueOf(glass, u"damageType"_s).toString(), u"BROKEN_GLASS"_s);
    }

    void mileage()
    {
        const ToolDefinition t = tool(u"logOdometer"_s, u"POST"_s,
                                      {param(u"vehicleId"_s, ParamLocation::Path, true, u"string"_s),
                                       param(u"mileageKm"_s, ParamLocation::Body, true, u"integer"_s),
                                       param(u"readingDate"_s, ParamLocation::Body, false, u"string"_s, u"date"_s)});
        FillResult r = m_filler.fill(t, u"stanje 45.000 km"_s, {driver(), {}, {}});
        QVERIFY(r.isComplete());
        QCOMPARE(valueOf(r, u"mileageKm"_s), QJsonValue(45000));
        QVERIFY(valueOf(r, u"mileageKm"_s).isDouble());

        r = m_filler.fill(t, u"stanje je 45000, očitano danas"_s, {driver(), {}, {}});
        QCOMPARE(valueOf(r, u"mileageKm"_s), QJsonValue(45000));
        QCOMPARE(valueOf(r, u"readingDate"_s).toString(), u"2026-12-02"_s);

        // Another car named by its plate: the default vehicle must not be used.
        r = m_filler.fill(t, u"ZG-1234-AB ima 45.000 km"_s, {driver(), {}, {}});
        QCOMPARE(r.missing, QStringList{u"vehicleId"_s});
        QCOMPARE(r.unused.value(u"licencePlate"_s).toString(), u"ZG-1234-AB"_s);
        QCOMPARE(valueOf(r, u"mileageKm"_s), QJsonValue(45000));

        // Two bare numbers: ambiguous, so nothing is guessed.
        r = m_filler.fill(t, u"12 ili 13"_s, {driver(), {}, {}});
        QVERIFY(!r.value(u"mileageKm"_s));
    }

    void fuelLog()
    {
        const ToolDefinition t = tool(u"logFuel"_s, u"POST"_s,
                                      {param(u"liters"_s, ParamLocation::Body, true, u"number"_s),
                                       param(u"amount"_s, ParamLocation::Body, true, u"number"_s),
                                       param(u"odometer"_s, ParamLocation::Body, false, u"integer"_s),
                                       param(u"fuelType"_s, ParamLocation::Body, false, u"string"_s, {},
                                             {u"DIESEL"_s, u"PETROL"_s, u"ELECTRIC"_s, u"LPG"_s}),
                                       param(u"date"_s, ParamLocation::Body, false, u"string"_s, u"date"_s)});
        const FillResult r = m_filler.fill(t, u"natočio 45,5 l dizela za 67,30 EUR, stanje 123.456 km"_s, {});
        QVERIFY(r.isComplete());
        QCOMPARE(valueOf(r, u"liters"_s).toDouble(), 45.5);
        QCOMPARE(valueOf(r, u"amount"_s).toDouble(), 67.3);
        QCOMPARE(valueOf(r, u"odometer"_s), QJsonValue(123456));
        QCOMPARE(valueOf(r, u"fuelType"_s).toString(), u"DIESEL"_s);
        QVERIFY(!r.value(u"date"_s));

        const FillResult en = m_filler.fill(t, u"filled 40 liters of petrol, paid €62"_s, {});
        QCOMPARE(valueOf(en, u"liters"_s).toDouble(), 40.0);
        QCOMPARE(valueOf(en, u"amount"_s).toDouble(), 62.0);
        QCOMPARE(valueOf(en, u"fuelType"_s).toString(), u"PETROL"_s);
    }

    void moneyObjects()
    {
        const ToolDefinition t = tool(u"createExpense"_s, u"POST"_s,
                                      {param(u"amount.amount"_s, ParamLocation::Body, true, u"number"_s),
                                       param(u"amount.currency"_s, ParamLocation::Body, true, u"string"_s),
                                       param(u"category"_s, ParamLocation::Body, true, u"string"_s, {},
                                             {u"parking"_s, u"toll"_s, u"car_wash"_s, u"ferry"_s})});
        FillResult r = m_filler.fill(t, u"parking 12,50 EUR"_s, {});
        QVERIFY(r.isComplete());
        QCOMPARE(valueOf(r, u"amount.amount"_s).toDouble(), 12.5);
        QCOMPARE(valueOf(r, u"amount.currency"_s).toString(), u"EUR"_s);
        QCOMPARE(sourceOf(r, u"amount.currency"_s), u"message"_s);
        QCOMPARE(valueOf(r, u"category"_s).toString(), u"parking"_s);

        r = m_filler.fill(t, u"trajekt 120 kn"_s, {});
        QCOMPARE(valueOf(r, u"amount.currency"_s).toString(), u"HRK"_s);
        QCOMPARE(valueOf(r, u"category"_s).toString(), u"ferry"_s);

        // An amount without a unit is in euros; no amount, no currency.
        r = m_filler.fill(t, u"cestarina"_s, {{}, {}, u"amount.amount"_s});
        QVERIFY(!r.value(u"amount.currency"_s));
        QCOMPARE(valueOf(r, u"category"_s).toString(), u"toll"_s);
        r = m_filler.fill(t, u"35"_s, {{}, {}, u"amount.amount"_s});
        QCOMPARE(valueOf(r, u"amount.amount"_s).toDouble(), 35.0);
        QCOMPARE(valueOf(r, u"amount.currency"_s).toString(), u"EUR"_s);
        QCOMPARE(sourceOf(r, u"amount.currency"_s), u"default"_s);
        // "auto" is not a car wash (a short word of a two-word value does not stand for it).
        QVERIFY(!m_filler.fill(t, u"auto"_s, {}).value(u"category"_s));
    }

    void concurrentUse()
    {
        // One filler shared by worker threads: same answers as on one thread.
        const ToolDefinition t = booking();
        const QString message = u"rezerviraj auto sutra od 8 do 12 službeno"_s;
        const QJsonObject expected = m_filler.fill(t, message, {driver(), {}, {}}).arguments();
        QList<int> runs(64);
        const QList<QJsonObject> results = QtConcurrent::blockingMapped(runs, [&](int) {
            return m_filler.fill(t, message, {driver(), {}, {}}).arguments();
        });
        for (const QJsonObject &r : results)
            QCOMPARE(r, expected);
    }

    void queryDateRange()
    {
        const ToolDefinition t = tool(u"listBookings"_s, u"GET"_s,
                                      {param(u"from"_s, ParamLocation::Query, false, u"string"_s, u"date"_s),
                                       param(u"to"_s, ParamLocation::Query, false, u"string"_s, u"date"_s)});
        FillResult r = m_filler.fill(t, u"rezervacije od 3.12. do 5.12."_s, {});
        QCOMPARE(valueOf(r, u"from"_s).toString(), u"2026-12-03"_s);
        QCOMPARE(valueOf(r, u"to"_s).toString(), u"2026-12-05"_s);
        r = m_filler.fill(t, u"my bookings for tomorrow"_s, {});
        QCOMPARE(valueOf(r, u"from"_s).toString(), u"2026-12-03"_s);
        QCOMPARE(valueOf(r, u"to"_s).toString(), u"2026-12-03"_s);
    }

    void enums()
    {
        const ToolDefinition t = tool(u"scheduleService"_s, u"POST"_s,
                                      {param(u"serviceType"_s, ParamLocation::Body, true, u"string"_s, {},
                                             {u"OIL_CHANGE"_s, u"TIRE_CHANGE"_s, u"TECHNICAL_INSPECTION"_s}),
                                       param(u"priority"_s, ParamLocation::Body, false, u"string"_s, {},
                                             {u"low"_s, u"normal"_s, u"urgent"_s})});
        QCOMPARE(valueOf(m_filler.fill(t, u"treba mi promjena ulja, hitno"_s, {}), u"serviceType"_s).toString(),
                 u"OIL_CHANGE"_s);
        QCOMPARE(valueOf(m_filler.fill(t, u"treba mi promjena ulja, hitno"_s, {}), u"priority"_s).toString(),
                 u"urgent"_s);
        QCOMPARE(valueOf(m_filler.fill(t, u"technical inspection next week"_s, {}), u"serviceType"_s).toString(),
                 u"TECHNICAL_INSPECTION"_s);
        QCOMPARE(valueOf(m_filler.fill(t, u"tehnički pregled"_s, {}), u"serviceType"_s).toString(),
                 u"TECHNICAL_INSPECTION"_s);
        QCOMPARE(valueOf(m_filler.fill(t, u"zamjena guma"_s, {}), u"serviceType"_s).toString(), u"TIRE_CHANGE"_s);
        QCOMPARE(valueOf(m_filler.fill(t, u"tyre change"_s, {}), u"serviceType"_s).toString(), u"TIRE_CHANGE"_s);
        // "change" alone fits two values: ask instead of guessing.
        QCOMPARE(m_filler.fill(t, u"I need a change"_s, {}).missing, QStringList{u"serviceType"_s});
        // A typo in a longer word.
        QCOMPARE(valueOf(m_filler.fill(t, u"urgnet please, oil change"_s, {}), u"priority"_s).toString(),
                 u"urgent"_s);
    }

    void answeringAQuestion()
    {
        const ToolDefinition t = tool(u"createTrip"_s, u"POST"_s,
                                      {param(u"passengers"_s, ParamLocation::Body, true, u"integer"_s),
                                       param(u"childSeat"_s, ParamLocation::Body, true, u"boolean"_s),
                                       param(u"destination"_s, ParamLocation::Body, true, u"string"_s),
                                       param(u"note"_s, ParamLocation::Body, false, u"string"_s)});
        QCOMPARE(valueOf(m_filler.fill(t, u"3"_s, {{}, {}, u"passengers"_s}), u"passengers"_s), QJsonValue(3));
        QCOMPARE(valueOf(m_filler.fill(t, u"Da."_s, {{}, {}, u"childSeat"_s}), u"childSeat"_s), QJsonValue(true));
        QCOMPARE(valueOf(m_filler.fill(t, u"no"_s, {{}, {}, u"childSeat"_s}), u"childSeat"_s), QJsonValue(false));
        QVERIFY(!m_filler.fill(t, u"maybe"_s, {{}, {}, u"childSeat"_s}).value(u"childSeat"_s));
        QCOMPARE(valueOf(m_filler.fill(t, u" Split, Riva 1 "_s, {{}, {}, u"destination"_s}), u"destination"_s)
                     .toString(),
                 u"Split, Riva 1"_s);
        QCOMPARE(valueOf(m_filler.fill(t, u"ključ je kod portira"_s, {{}, {}, u"note"_s}), u"note"_s).toString(),
                 u"ključ je kod portira"_s);
        // Without the question, a lone string answer is not taken as the destination.
        QVERIFY(!m_filler.fill(t, u"Split"_s, {}).value(u"destination"_s));
    }

    void defaults()
    {
        ToolParameter currency = param(u"currency"_s, ParamLocation::Body, true, u"string"_s);
        currency.defaultValue = u"EUR"_s;
        ToolParameter optional = param(u"pageSize"_s, ParamLocation::Query, false, u"integer"_s);
        optional.defaultValue = 20;
        const ToolDefinition t = tool(u"x"_s, u"POST"_s,
                                      {currency, optional,
                                       param(u"kind"_s, ParamLocation::Body, true, u"string"_s, {}, {u"expense"_s})});
        const FillResult r = m_filler.fill(t, u"hello"_s, {});
        QCOMPARE(valueOf(r, u"currency"_s).toString(), u"EUR"_s);
        QCOMPARE(sourceOf(r, u"currency"_s), u"default"_s);
        QCOMPARE(valueOf(r, u"kind"_s).toString(), u"expense"_s);
        QVERIFY(!r.value(u"pageSize"_s)); // the server applies optional defaults itself
        QVERIFY(r.isComplete());
    }

    void profileFields()
    {
        const ToolDefinition t = tool(u"me"_s, u"GET"_s,
                                      {param(u"driverId"_s, ParamLocation::Path, true, u"string"_s),
                                       param(u"X-Tenant-Id"_s, ParamLocation::Header, true, u"string"_s),
                                       param(u"phoneNumber"_s, ParamLocation::Query, false, u"string"_s),
                                       param(u"lang"_s, ParamLocation::Query, false, u"string"_s)});
        const FillResult r = m_filler.fill(t, u"who am I"_s, {driver(), {}, {}});
        QCOMPARE(valueOf(r, u"driverId"_s).toString(), u"P-7"_s);
        QCOMPARE(valueOf(r, u"X-Tenant-Id"_s).toString(), u"acme"_s);
        QCOMPARE(valueOf(r, u"phoneNumber"_s).toString(), u"385911234567"_s);
        QCOMPARE(valueOf(r, u"lang"_s).toString(), u"hr"_s);
        for (const FilledValue &v : r.values)
            QCOMPARE(v.source, ValueSource::Profile);
    }

    void roles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("role");
        QTest::newRow("startDate") << u"startDate"_s << u"string"_s << QString() << int(ParameterRole::DateStart);
        QTest::newRow("end_time") << u"end_time"_s << u"string"_s << QString() << int(ParameterRole::DateEnd);
        QTest::newRow("validUntil") << u"validUntil"_s << u"string"_s << QString() << int(ParameterRole::DateEnd);
        QTest::newRow("validFrom") << u"validFrom"_s << u"string"_s << QString() << int(ParameterRole::DateStart);
        QTest::newRow("pickupAt") << u"pickupAt"_s << u"string"_s << QString() << int(ParameterRole::DateStart);
        QTest::newRow("createdAt") << u"createdAt"_s << u"string"_s << u"date-time"_s << int(ParameterRole::Date);
        QTest::newRow("assignedTo is not a date") << u"assignedTo"_s << u"string"_s << QString() << int(ParameterRole::Other);
        QTest::newRow("odometerKm") << u"odometerKm"_s << u"integer"_s << QString() << int(ParameterRole::Mileage);
        QTest::newRow("fuelAmount") << u"fuelAmount"_s << u"number"_s << QString() << int(ParameterRole::Litres);
        QTest::newRow("totalCost") << u"totalCost"_s << u"number"_s << QString() << int(ParameterRole::Money);
        QTest::newRow("batteryLevel") << u"batteryLevel"_s << u"integer"_s << QString() << int(ParameterRole::Percent);
        QTest::newRow("licensePlate") << u"licensePlate"_s << u"string"_s << QString() << int(ParameterRole::Plate);
        QTest::newRow("registrationNumber") << u"registrationNumber"_s << u"string"_s << QString() << int(ParameterRole::Plate);
        QTest::newRow("driver.id") << u"driver.id"_s << u"string"_s << QString() << int(ParameterRole::PersonId);
        QTest::newRow("vehicle_id") << u"vehicle_id"_s << u"integer"_s << QString() << int(ParameterRole::VehicleId);
        QTest::newRow("comment") << u"comment"_s << u"string"_s << QString() << int(ParameterRole::FreeText);
        QTest::newRow("napomena") << u"napomena"_s << u"string"_s << QString() << int(ParameterRole::FreeText);
        QTest::newRow("timezone") << u"timeZone"_s << u"string"_s << QString() << int(ParameterRole::Other);
    }

    void roles()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, format);
        QFETCH(int, role);
        QCOMPARE(int(ParameterRoles::roleOf(param(name, ParamLocation::Body, false, type, format))), role);
    }
};

QTEST_GUILESS_MAIN(TestParameterFiller)
#include "tst_parameterfiller.moc"
