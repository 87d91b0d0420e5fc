// Values read from a provider's answer along an output path, and the list rows built from them.
#include "agent/providerrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

QJsonValue json(const char *text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QStringList texts(const QList<ProviderRows::Item> &items)
{
    QStringList out;
    for (const ProviderRows::Item &i : items)
        out.append(ProviderRows::text(i.value));
    return out;
}

} // namespace

class TestProviderRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collectsThroughEnvelopesAndArrays()
    {
        const QJsonValue page = json(R"({"items":[{"id":"veh_1","licencePlate":"ZG-1-AB"},{"id":"veh_2"},
            {"id":"veh_1"},{"id":""},{"id":null},{"name":"no id"}],"total":3})");
        QCOMPARE(texts(ProviderRows::collect(page, u"items.id"_s)), QStringList({ u"veh_1"_s, u"veh_2"_s }));
        const QJsonValue bare = json(R"([{"id":7},{"id":8}])");
        QCOMPARE(texts(ProviderRows::collect(bare, u"id"_s)), QStringList({ u"7"_s, u"8"_s }));
        const QJsonValue one = json(R"({"id":"veh_9","vehicle":{"id":"x"}})");
        QCOMPARE(texts(ProviderRows::collect(one, u"id"_s)), QStringList({ u"veh_9"_s }));
        const QJsonValue nested = json(R"({"data":[{"vehicle":{"id":"a"}},{"vehicle":{"id":"b"}}]})");
        QCOMPARE(texts(ProviderRows::collect(nested, u"data.vehicle.id"_s)), QStringList({ u"a"_s, u"b"_s }));
        QVERIFY(ProviderRows::collect(page, u"items.missing"_s).isEmpty());
        QVERIFY(ProviderRows::collect(page, QString()).isEmpty());
    }

    void rowsShowWhatPeopleRecognise()
    {
        const QList<ProviderRows::Item> items = ProviderRows::collect(
                json(R"({"items":[{"id":"veh_1","licencePlate":"ZG-1234-AB","make":"Škoda","model":"Octavia","status":"active"},
                {"id":"per_5","fullName":"Ana Horvat","email":"ana@example.com"},{"id":"x_9"}]})"),
                u"items.id"_s);
        QCOMPARE(items.size(), 3);
        const ReplyOption car = ProviderRows::row(u"listVehicles"_s, u"vehicleId"_s, items.at(0));
        QCOMPARE(car.title, u"ZG-1234-AB"_s);
        QCOMPARE(car.description, u"Škoda · Octavia · active"_s);
        const ReplyOption person = ProviderRows::row(u"listPersons"_s, u"personId"_s, items.at(1));
        QCOMPARE(person.title, u"Ana Horvat"_s);
        QCOMPARE(person.description, u"ana@example.com"_s);
        const ReplyOption bare = ProviderRows::row(u"listThings"_s, u"thingId"_s, items.at(2));
        QCOMPARE(bare.title, u"x_9"_s);
        QVERIFY(bare.description.isEmpty());
    }

    void rowIdsRoundTrip()
    {
        const QString id = ProviderRows::rowId(u"listVehicles"_s, u"vehicleId"_s, u"veh|7"_s);
        const auto pick = ProviderRows::parseRowId(id);
        QVERIFY(pick);
        QCOMPARE(pick->providerId, u"listVehicles"_s);
        QCOMPARE(pick->param, u"vehicleId"_s);
        QCOMPARE(pick->value, u"veh|7"_s);
        QVERIFY(!ProviderRows::parseRowId(u"confirm"_s));
        QVERIFY(!ProviderRows::parseRowId(u"pv|listVehicles|vehicleId|"_s));
        QVERIFY(!ProviderRows::parseRowId(u"pv|x"_s));
        QVERIFY(ProviderRows::rowId(u"p"_s, u"q"_s, QString(300, u'v')).isEmpty()); // would not fit WhatsApp
    }
};

QTEST_GUILESS_MAIN(TestProviderRows)
#include "tst_providerrows.moc"
