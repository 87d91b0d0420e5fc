#include "registry/embeddingtextbuilder.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestEmbeddingTextBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsIdentifiersIntoWords_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("camel") << u"listCoreV1Namespace"_s
                               << QStringList { u"list"_s, u"core"_s, u"v1"_s, u"namespace"_s };
        QTest::newRow("snake") << u"get_vehicle_mileage"_s
                               << QStringList { u"get"_s, u"vehicle"_s, u"mileage"_s };
        QTest::newRow("kebab") << u"check-in"_s << QStringList { u"check"_s, u"in"_s };
        QTest::newRow("path") << u"/vehicles/{vehicleId}/bookings"_s
                              << QStringList { u"vehicles"_s, u"vehicle"_s, u"id"_s,
                                               u"bookings"_s };
        QTest::newRow("acronym") << u"HTTPServerURL"_s
                                 << QStringList { u"http"_s, u"server"_s, u"url"_s };
        QTest::newRow("digits") << u"v1.33"_s << QStringList { u"v1"_s, u"33"_s };
        QTest::newRow("unicode") << u"prijaviŠtetu"_s << QStringList { u"prijavi"_s, u"štetu"_s };
    }

    void splitsIdentifiersIntoWords()
    {
        QFETCH(QString, identifier);
        QFETCH(QStringList, words);
        QCOMPARE(EmbeddingTextBuilder::words(identifier), words);
    }

    void buildsFromEveryPart()
    {
        ToolDefinition tool;
        tool.id = QStringLiteral("getVehicleMileage");
        tool.operationId = tool.id;
        tool.method = QStringLiteral("GET");
        tool.path = QStringLiteral("/vehicles/{vehicleId}/mileage");
        tool.summary = QStringLiteral("Current mileage");
        tool.description = QStringLiteral("<p>Returns the <b>odometer</b>\n reading.</p>");
        tool.tags = { QStringLiteral("vehicles") };
        ToolParameter p;
        p.name = QStringLiteral("vehicleId");
        p.description = QStringLiteral("Registration plate or id");
        tool.parameters.append(p);
        const QString text
            = EmbeddingTextBuilder().build(tool, QStringLiteral("Koliko km ima auto"));
        const QStringList lines = text.split(u'\n');
        QCOMPARE(
            lines,
            (QStringList {
                QStringLiteral("Current mileage"),
                QStringLiteral("Returns the odometer reading."),
                QStringLiteral("GET /vehicles/{vehicleId}/mileage (vehicles vehicle id mileage)"),
                QStringLiteral("operation: get vehicle mileage"),
                QStringLiteral("tags: vehicles"),
                QStringLiteral("parameters: vehicle id (Registration plate or id)"),
                QStringLiteral("Koliko km ima auto"),
            }));
    }

    void longTextIsCut()
    {
        ToolDefinition tool;
        tool.id = QStringLiteral("x");
        tool.description = QString(5000, u'a') + u' ' + QString(10, u'b');
        const QString text = EmbeddingTextBuilder().build(tool, QString());
        QVERIFY(text.size() < 1000);
        QVERIFY(text.contains(u"…"));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddingTextBuilder)
#include "tst_embeddingtextbuilder.moc"
