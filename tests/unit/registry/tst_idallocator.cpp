#include "registry/idallocator.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestIdAllocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slugsFromMethodAndPath_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("slug");
        QTest::newRow("param") << u"GET"_s << u"/products/{id}"_s << u"get_products_id"_s;
        QTest::newRow("nested") << u"get"_s << u"/estimates/price"_s << u"get_estimates_price"_s;
        QTest::newRow("dashes") << u"POST"_s << u"/fleet-cars/{car_id}/check-in"_s
                                << u"post_fleet_cars_car_id_check_in"_s;
        QTest::newRow("root") << u"GET"_s << u"/"_s << u"get_root"_s;
        QTest::newRow("dots") << u"HEAD"_s << u"/v1.33/containers/{id}/archive"_s
                              << u"head_v1_33_containers_id_archive"_s;
    }

    void slugsFromMethodAndPath()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, slug);
        QCOMPARE(IdAllocator::slug(method, path), slug);
    }

    void sanitizesOperationIds()
    {
        QCOMPARE(IdAllocator::sanitize(QStringLiteral("find pet by id")),
                 QStringLiteral("find_pet_by_id"));
        QCOMPARE(IdAllocator::sanitize(QStringLiteral("listCoreV1Namespace")),
                 QStringLiteral("listCoreV1Namespace"));
        QCOMPARE(IdAllocator::sanitize(QStringLiteral("vehicles.get-one")),
                 QStringLiteral("vehicles.get-one"));
        QCOMPARE(IdAllocator::sanitize(QStringLiteral("a/b{c}")), QStringLiteral("a_b_c"));
        QCOMPARE(IdAllocator::sanitize(QStringLiteral(" ")), QString());
    }

    void clashesGetDeterministicSuffixes()
    {
        IdAllocator ids;
        QCOMPARE(ids.allocate(QStringLiteral("getPet"), QStringLiteral("a.yaml")).id,
                 QStringLiteral("getPet"));
        const auto second = ids.allocate(QStringLiteral("getPet"), QStringLiteral("b.yaml"));
        QCOMPARE(second.id, QStringLiteral("getPet_2"));
        QCOMPARE(second.takenBy, QStringLiteral("a.yaml"));
        // A spec that really has an operation called getPet_2 does not collide either.
        QCOMPARE(ids.allocate(QStringLiteral("getPet_2"), QStringLiteral("c.yaml")).id,
                 QStringLiteral("getPet_2_2"));
        QCOMPARE(ids.allocate(QStringLiteral("getPet"), QStringLiteral("c.yaml")).id,
                 QStringLiteral("getPet_3"));
        QVERIFY(ids.allocate(QStringLiteral("other"), QStringLiteral("c.yaml")).takenBy.isEmpty());
        QCOMPARE(ids.allocate(QString(), QStringLiteral("c.yaml")).id, QStringLiteral("tool"));
    }
};

QTEST_GUILESS_MAIN(TestIdAllocator)
#include "tst_idallocator.moc"
