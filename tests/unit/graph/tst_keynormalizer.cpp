#include "graph/keynormalizer.h"

#include "toolbuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;
using namespace m1::test;

Q_DECLARE_METATYPE(m1::ToolParameter)

class TestKeyNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snake_data();
    void snake();
    void singular_data();
    void singular();
    void resource_data();
    void resource();
    void pathParamOwner();
    void inputKey_data();
    void inputKey();
    void outputKeys_data();
    void outputKeys();
    void providedKeysAreDeduplicated();
    void aliasesAreNormalisedAndApplied();
};

void TestKeyNormalizer::snake_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("camel ID") << u"vehicleID"_s << u"vehicle_id"_s;
    QTest::newRow("camel Id") << u"vehicleId"_s << u"vehicle_id"_s;
    QTest::newRow("pascal") << u"VehicleId"_s << u"vehicle_id"_s;
    QTest::newRow("kebab") << u"vehicle-id"_s << u"vehicle_id"_s;
    QTest::newRow("snake") << u"vehicle_id"_s << u"vehicle_id"_s;
    QTest::newRow("upper snake") << u"VEHICLE_ID"_s << u"vehicle_id"_s;
    QTest::newRow("dots") << u"driver.id"_s << u"driver_id"_s;
    QTest::newRow("acronym first") << u"HTTPServer"_s << u"http_server"_s;
    QTest::newRow("plural acronym") << u"vehicleIDs"_s << u"vehicle_ids"_s;
    QTest::newRow("plural acronym mid") << u"URLsList"_s << u"urls_list"_s;
    QTest::newRow("digits stay") << u"address2"_s << u"address2"_s;
    QTest::newRow("digit then capital") << u"v2Vehicles"_s << u"v2_vehicles"_s;
    QTest::newRow("spaces and doubles") << u"  licence  plate__no "_s << u"licence_plate_no"_s;
    QTest::newRow("array marks") << u"items[].id"_s << u"items_id"_s;
    QTest::newRow("single word") << u"ID"_s << u"id"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only separators") << u"-_."_s << QString();
    QTest::newRow("croatian letters") << u"brojŠasije"_s << u"broj_šasije"_s;
}

void TestKeyNormalizer::snake()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(KeyNormalizer::snake(name), expected);
}

void TestKeyNormalizer::singular_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");
    QTest::newRow("vehicles") << u"vehicles"_s << u"vehicle"_s;
    QTest::newRow("categories") << u"categories"_s << u"category"_s;
    QTest::newRow("addresses") << u"addresses"_s << u"address"_s;
    QTest::newRow("statuses") << u"statuses"_s << u"status"_s;
    QTest::newRow("status") << u"status"_s << u"status"_s;
    QTest::newRow("address") << u"address"_s << u"address"_s;
    QTest::newRow("licences") << u"licences"_s << u"licence"_s;
    QTest::newRow("boxes") << u"boxes"_s << u"box"_s;
    QTest::newRow("batches") << u"batches"_s << u"batch"_s;
    QTest::newRow("people") << u"people"_s << u"person"_s;
    QTest::newRow("ids") << u"ids"_s << u"id"_s;
    QTest::newRow("bus") << u"bus"_s << u"bus"_s;
    QTest::newRow("analysis") << u"analysis"_s << u"analysis"_s;
    QTest::newRow("series") << u"series"_s << u"series"_s;
    QTest::newRow("data") << u"data"_s << u"data"_s;
    QTest::newRow("already singular") << u"vehicle"_s << u"vehicle"_s;
}

void TestKeyNormalizer::singular()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(KeyNormalizer::singular(word), expected);
}

void TestKeyNormalizer::resource_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("collection") << u"/vehicles"_s << u"vehicle"_s;
    QTest::newRow("item") << u"/vehicles/{vehicleId}"_s << u"vehicle"_s;
    QTest::newRow("sub-resource") << u"/vehicles/{id}/trips"_s << u"trip"_s;
    QTest::newRow("kebab") << u"/pool-bookings/{id}"_s << u"pool_booking"_s;
    QTest::newRow("prefix") << u"/api/v1/cost-centers"_s << u"cost_center"_s;
    QTest::newRow("categories") << u"/categories/{id}"_s << u"category"_s;
    QTest::newRow("root") << u"/"_s << QString();
    QTest::newRow("only a parameter") << u"/{id}"_s << QString();
}

void TestKeyNormalizer::resource()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(KeyNormalizer::resource(path), expected);
}

void TestKeyNormalizer::pathParamOwner()
{
    QCOMPARE(KeyNormalizer::ownerOfPathParam(u"/vehicles/{id}"_s, u"id"_s), u"vehicle"_s);
    QCOMPARE(KeyNormalizer::ownerOfPathParam(u"/vehicles/{id}/trips/{tripId}"_s, u"id"_s), u"vehicle"_s);
    QCOMPARE(KeyNormalizer::ownerOfPathParam(u"/vehicles/{vid}/{id}"_s, u"id"_s), u"vehicle"_s);
    QCOMPARE(KeyNormalizer::ownerOfPathParam(u"/{id}"_s, u"id"_s), QString());
    QCOMPARE(KeyNormalizer::ownerOfPathParam(u"/vehicles/{other}"_s, u"id"_s), QString());
}

void TestKeyNormalizer::inputKey_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ToolParameter>("parameter");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bare path id") << u"/vehicles/{id}"_s << pathParam(u"id"_s) << u"vehicle_id"_s;
    QTest::newRow("kebab owner") << u"/pool-bookings/{id}"_s << pathParam(u"id"_s) << u"pool_booking_id"_s;
    QTest::newRow("addresses owner") << u"/addresses/{id}"_s << pathParam(u"id"_s) << u"address_id"_s;
    QTest::newRow("statuses owner") << u"/statuses/{code}"_s << pathParam(u"code"_s) << u"status_code"_s;
    QTest::newRow("owner is the segment before") << u"/vehicles/{id}/trips"_s << pathParam(u"id"_s)
                                                 << u"vehicle_id"_s;
    QTest::newRow("named path id") << u"/vehicles/{vehicleId}"_s << pathParam(u"vehicleId"_s)
                                   << u"vehicle_id"_s;
    QTest::newRow("ID spelling") << u"/x"_s << queryParam(u"vehicleID"_s) << u"vehicle_id"_s;
    QTest::newRow("query id uses resource") << u"/vehicles"_s << queryParam(u"id"_s) << u"vehicle_id"_s;
    QTest::newRow("body id uses resource") << u"/drivers/{driverId}"_s << bodyParam(u"id"_s)
                                           << u"driver_id"_s;
    QTest::newRow("no owner anywhere") << u"/"_s << queryParam(u"id"_s) << u"id"_s;
    QTest::newRow("nested generic") << u"/bookings"_s << bodyParam(u"driver.id"_s) << u"driver_id"_s;
    QTest::newRow("nested plural parent") << u"/bookings"_s << bodyParam(u"drivers.id"_s) << u"driver_id"_s;
    QTest::newRow("nested one word") << u"/bookings"_s << bodyParam(u"driver.email"_s) << u"driver_email"_s;
    QTest::newRow("nested two words") << u"/bookings"_s << bodyParam(u"booking.vehicleId"_s)
                                      << u"vehicle_id"_s;
    QTest::newRow("nested no doubling") << u"/bookings"_s << bodyParam(u"vehicle.vehicleId"_s)
                                        << u"vehicle_id"_s;
    QTest::newRow("envelope is see-through") << u"/bookings"_s << bodyParam(u"data.driverId"_s)
                                             << u"driver_id"_s;
    QTest::newRow("envelope then generic") << u"/bookings"_s << bodyParam(u"data.id"_s) << u"booking_id"_s;
    QTest::newRow("plain") << u"/bookings"_s << bodyParam(u"licencePlate"_s) << u"licence_plate"_s;
    QTest::newRow("ambiguous word uses resource") << u"/damage-reports"_s << bodyParam(u"description"_s)
                                                  << u"damage_report_description"_s;
    QTest::newRow("nested money object") << u"/expenses"_s << bodyParam(u"amount.amount"_s)
                                         << u"expense_amount"_s;
    QTest::newRow("nested ambiguous compound") << u"/expenses"_s << bodyParam(u"amount.currency"_s)
                                               << u"expense_amount_currency"_s;
    QTest::newRow("nested status of status") << u"/x"_s << bodyParam(u"trip.status.status"_s)
                                             << u"trip_status"_s;
    QTest::newRow("ambiguous path word") << u"/files/{name}"_s << pathParam(u"name"_s) << u"file_name"_s;
    QTest::newRow("specific word stays") << u"/invitations"_s << bodyParam(u"email"_s) << u"email"_s;
    QTest::newRow("header never") << u"/bookings"_s << headerParam(u"X-Tenant-Id"_s) << QString();
    QTest::newRow("cookie never") << u"/bookings"_s << param(u"session"_s, ParamLocation::Cookie)
                                  << QString();
}

void TestKeyNormalizer::inputKey()
{
    QFETCH(QString, path);
    QFETCH(ToolParameter, parameter);
    QFETCH(QString, expected);
    const ToolDefinition t = tool(u"t"_s, u"POST"_s, path, {parameter}, {});
    QCOMPARE(KeyNormalizer().inputKey(t, parameter), expected);
}

void TestKeyNormalizer::outputKeys_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("top-level id") << u"vehicle"_s << u"id"_s << QStringList{u"vehicle_id"_s};
    QTest::newRow("enveloped id") << u"vehicle"_s << u"items.id"_s << QStringList{u"vehicle_id"_s};
    QTest::newRow("double envelope") << u"location"_s << u"data.items.id"_s
                                     << QStringList{u"location_id"_s};
    QTest::newRow("top-level field") << u"vehicle"_s << u"licencePlate"_s
                                     << QStringList{u"licence_plate"_s, u"vehicle_licence_plate"_s};
    QTest::newRow("top-level no doubling") << u"vehicle"_s << u"vehicleId"_s
                                           << QStringList{u"vehicle_id"_s};
    QTest::newRow("nested id") << u"vehicle"_s << u"driver.id"_s << QStringList{u"driver_id"_s};
    QTest::newRow("nested one word") << u"vehicle"_s << u"driver.name"_s
                                     << QStringList{u"driver_name"_s};
    QTest::newRow("nested two words") << u"booking"_s << u"vehicle.licencePlate"_s
                                      << QStringList{u"vehicle_licence_plate"_s, u"licence_plate"_s};
    QTest::newRow("nested leaf starts with parent")
        << u"booking"_s << u"vehicle.vehicleId"_s << QStringList{u"vehicle_id"_s};
    QTest::newRow("nested plural parent") << u"fleet"_s << u"drivers.id"_s
                                          << QStringList{u"driver_id"_s};
    QTest::newRow("no resource") << QString() << u"id"_s << QStringList{u"id"_s};
    QTest::newRow("ambiguous word qualified only") << u"vehicle"_s << u"status"_s
                                                   << QStringList{u"vehicle_status"_s};
    QTest::newRow("money object") << u"expense"_s << u"items.amount.amount"_s
                                  << QStringList{u"expense_amount"_s};
    QTest::newRow("only ambiguous words") << u"expense"_s << u"items.amount.currency"_s
                                          << QStringList{u"expense_amount_currency"_s};
    QTest::newRow("ambiguous compound top-level") << u"vehicle"_s << u"statusCode"_s
                                                  << QStringList{u"vehicle_status_code"_s};
    QTest::newRow("ambiguous nested word") << u"booking"_s << u"vehicle.type"_s
                                           << QStringList{u"vehicle_type"_s};
    QTest::newRow("multi-word with ambiguous word") << u"vehicle"_s << u"fuelType"_s
                                                    << QStringList{u"fuel_type"_s, u"vehicle_fuel_type"_s};
    QTest::newRow("envelope leaf qualified") << u"reading"_s << u"value"_s
                                             << QStringList{u"reading_value"_s};
}

void TestKeyNormalizer::outputKeys()
{
    QFETCH(QString, resource);
    QFETCH(QString, output);
    QFETCH(QStringList, expected);
    QCOMPARE(KeyNormalizer().outputKeys(resource, output), expected);
}

void TestKeyNormalizer::providedKeysAreDeduplicated()
{
    const ToolDefinition t = tool(u"getVehicle"_s, u"GET"_s, u"/vehicles/{vehicleId}"_s,
                                  {pathParam(u"vehicleId"_s)},
                                  {u"id"_s, u"vehicleId"_s, u"items.id"_s, u"licencePlate"_s});
    QCOMPARE(KeyNormalizer().providedKeys(t),
             (QStringList{u"vehicle_id"_s, u"licence_plate"_s, u"vehicle_licence_plate"_s}));
}

void TestKeyNormalizer::aliasesAreNormalisedAndApplied()
{
    const KeyNormalizer n({{u"personId"_s, u"driverId"_s}, {u"person"_s, u"driver"_s}});
    QCOMPARE(n.aliases().value(u"person_id"_s), u"driver_id"_s);
    QCOMPARE(n.normalize(u"PersonID"_s), u"driver_id"_s);
    QCOMPARE(n.normalize(u"vehicleId"_s), u"vehicle_id"_s);
    // Owner words are aliased too: /persons/{id} is a driver id.
    const ToolParameter id = pathParam(u"id"_s);
    QCOMPARE(n.inputKey(tool(u"t"_s, u"GET"_s, u"/persons/{id}"_s, {id}, {}), id), u"driver_id"_s);
    QCOMPARE(n.outputKeys(u"person"_s, u"id"_s), QStringList{u"driver_id"_s});
    QCOMPARE(n.outputKeys(u"booking"_s, u"person.id"_s), QStringList{u"driver_id"_s});
}

QTEST_GUILESS_MAIN(TestKeyNormalizer)
#include "tst_keynormalizer.moc"
