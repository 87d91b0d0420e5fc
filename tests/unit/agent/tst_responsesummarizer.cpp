// ResponseSummarizer (with ValueFormatter and FieldLabels): schema-driven summaries of tool
// responses in English and Croatian.

#include "agent/responsesummarizer.h"

#include "fakecroatian.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestResponseSummarizer : public QObject
{
    Q_OBJECT

private:
    FakeCroatian m_hr;
    AgentTr m_tr{&m_hr};
    ValueFormatter m_values{m_tr};
    ResponseSummarizer m_summarizer{m_values};

private Q_SLOTS:
    void labels()
    {
        QCOMPARE(FieldLabels::english(u"licencePlate"_s), u"Licence plate"_s);
        QCOMPARE(FieldLabels::english(u"odometerKm"_s), u"Odometer (km)"_s);
        QCOMPARE(FieldLabels::english(u"fuelLevelPercent"_s), u"Fuel level (%)"_s);
        QCOMPARE(FieldLabels::english(u"vehicleId"_s), u"Vehicle ID"_s);
        QCOMPARE(FieldLabels::english(u"driver.id"_s), u"Driver ID"_s);
        QCOMPARE(FieldLabels::english(u"createdAt"_s), u"Created"_s);
        QCOMPARE(FieldLabels::english(u"start_address"_s), u"Start address"_s);
        QCOMPARE(FieldLabels::english(u"vin"_s), u"VIN"_s);
        QCOMPARE(FieldLabels::englishEnumValue(u"PARKING_DAMAGE"_s), u"Parking damage"_s);
        QCOMPARE(FieldLabels::englishEnumValue(u"petrol_95"_s), u"Petrol 95"_s);
        FieldLabels labels(m_tr);
        QCOMPARE(labels.label(ReplyLanguage::Croatian, u"licencePlate"_s), u"Registracija"_s);
        QCOMPARE(labels.label(ReplyLanguage::English, u"x"_s, u"Schema title"_s), u"Schema title"_s);
        QVERIFY(FieldLabels::glossary().contains(u"Licence plate"_s));
    }

    void values()
    {
        const auto hr = ReplyLanguage::Croatian;
        const auto en = ReplyLanguage::English;
        QCOMPARE(m_values.format(hr, u"2026-12-03"_s), u"3.12.2026."_s);
        QCOMPARE(m_values.format(en, u"2026-12-03"_s), u"3 Dec 2026"_s);
        QCOMPARE(m_values.format(en, u"2026-07-01T06:30:00Z"_s), u"1 Jul 2026, 08:30"_s);
        QCOMPARE(m_values.format(hr, u"2026-12-03T08:00:00+01:00"_s), u"3.12.2026. 08:00"_s);
        QCOMPARE(m_values.format(hr, 45000), u"45.000"_s);
        QCOMPARE(m_values.format(en, 45000), u"45,000"_s);
        QCOMPARE(m_values.format(hr, 45.5), u"45,5"_s);
        QCOMPARE(m_values.format(en, 67.3), u"67.3"_s);
        QCOMPARE(m_values.format(hr, true), u"Da"_s);
        QCOMPARE(m_values.format(en, false), u"No"_s);
        QCOMPARE(m_values.format(en, QJsonValue::Null), u"—"_s);
        QCOMPARE(m_values.format(hr, QJsonObject{{u"amount"_s, 67.3}, {u"currency"_s, u"EUR"_s}}), u"67,3 EUR"_s);
        QCOMPARE(m_values.format(en, QJsonObject{{u"firstName"_s, u"Ana"_s}, {u"lastName"_s, u"Horvat"_s}}),
                 u"Ana Horvat"_s);
        QCOMPARE(m_values.format(en, QJsonArray{u"a"_s, u"b"_s}), u"a, b"_s);
        QCOMPARE(m_values.format(hr, QJsonArray{QJsonObject{}, QJsonObject{}, QJsonObject{}}), u"3 stavke"_s);
        QCOMPARE(m_values.format(en, QJsonArray{QJsonObject{}}), u"1 item"_s);
        QCOMPARE(m_values.format(hr, u"active"_s, json(R"({"enum":["active","inactive"]})")), u"Aktivno"_s);
        QCOMPARE(m_values.format(en, u"in_service"_s, json(R"({"enum":["active","in_service"]})")), u"In service"_s);
        QCOMPARE(m_values.format(en, u"plain text"_s), u"plain text"_s);
    }

    void objectWithSchema()
    {
        ToolDefinition tool;
        tool.responseSchema = json(R"({"type":"object","properties":{
            "id":{"type":"string"},
            "licencePlate":{"type":"string"},
            "status":{"type":"string","enum":["active","inactive"]},
            "currentMileageKm":{"type":"integer"},
            "firstRegistrationDate":{"type":"string","format":"date"},
            "costCentreId":{"type":"string"},
            "position":{"type":"object","properties":{"latitude":{"type":"number"}}},
            "equipment":{"type":"array","items":{"type":"object"}},
            "make":{"type":"string","title":"Manufacturer"}}})");
        const QJsonObject body = json(R"({"id":"veh_1","licencePlate":"ZG-1234-AB","status":"active",
            "currentMileageKm":45210,"firstRegistrationDate":"2022-03-15","costCentreId":"cc_9",
            "make":"Škoda","equipment":[{"a":1},{"a":2}],"nested":{"deep":{"x":1}}})");
        const QString hr = m_summarizer.summarize(ReplyLanguage::Croatian, tool, body);
        const QStringList lines = hr.split(u'\n');
        QCOMPARE(lines.first(), u"• ID: veh_1"_s);
        QVERIFY(lines.contains(u"• Registracija: ZG-1234-AB"_s));
        QVERIFY(lines.contains(u"• Status: Aktivno"_s));
        QVERIFY(lines.contains(u"• Current mileage (km): 45.210"_s));
        QVERIFY(lines.contains(u"• First registration date: 15.3.2022."_s));
        QVERIFY(lines.contains(u"• Manufacturer: Škoda"_s));
        QVERIFY(lines.contains(u"• Equipment: 2 stavke"_s));
        QCOMPARE(lines.last(), u"• Cost centre ID: cc_9"_s); // foreign keys last
        QVERIFY(!hr.contains(u"Nested"_s));                   // unnamed nested objects are skipped
        // Plate before status before dates.
        QVERIFY(hr.indexOf(u"Registracija"_s) < hr.indexOf(u"Status"_s));
        QVERIFY(hr.indexOf(u"Status"_s) < hr.indexOf(u"First registration"_s));
    }

    void paginatedList()
    {
        ToolDefinition tool;
        tool.responseSchema = json(R"({"type":"object","properties":{"items":{"type":"array","items":{
            "type":"object","properties":{"startAt":{"type":"string","format":"date-time"},
            "status":{"type":"string","enum":["confirmed","cancelled"]}}}}}})");
        QJsonArray items;
        for (int i = 0; i < 7; ++i)
            items.append(QJsonObject{{u"id"_s, QString(u"pbk_"_s + QString::number(i))},
                                     {u"vehicleId"_s, u"veh_1"_s},
                                     {u"licencePlate"_s, QString(u"ZG-100"_s + QString::number(i) + u"-AB"_s)},
                                     {u"status"_s, u"confirmed"_s},
                                     {u"startAt"_s, u"2026-12-03T07:00:00Z"_s}});
        const QJsonObject body{{u"items"_s, items}, {u"pagination"_s, QJsonObject{{u"totalItems"_s, 23}}}};
        const QString en = m_summarizer.summarize(ReplyLanguage::English, tool, body);
        const QStringList lines = en.split(u'\n');
        QCOMPARE(lines.first(), u"23 items:"_s);
        QCOMPARE(lines.at(1), u"1. ZG-1000-AB · Confirmed · 3 Dec 2026, 08:00"_s);
        QCOMPARE(lines.size(), 1 + 5 + 1);
        QCOMPARE(lines.last(), u"… and 18 more"_s);
        const QString hr = m_summarizer.summarize(ReplyLanguage::Croatian, tool, body);
        QVERIFY(hr.startsWith(u"23 stavke:"_s));
        QVERIFY(hr.endsWith(u"… i još 18"_s));
    }

    void plainArrayAndEdgeCases()
    {
        ToolDefinition tool;
        const QJsonArray rows{QJsonObject{{u"name"_s, u"Depot Zagreb"_s}, {u"freeSpots"_s, 4}},
                              QJsonObject{{u"name"_s, u"Depot Split"_s}, {u"freeSpots"_s, 0}}};
        const QString en = m_summarizer.summarize(ReplyLanguage::English, tool, rows);
        QCOMPARE(en, u"2 items:\n1. Depot Zagreb · 4\n2. Depot Split · 0"_s);
        QCOMPARE(m_summarizer.summarize(ReplyLanguage::English, tool, QJsonArray{}), u"Nothing found."_s);
        QCOMPARE(m_summarizer.summarize(ReplyLanguage::Croatian, tool, QJsonObject{{u"items"_s, QJsonArray{}}}),
                 u"Ništa nije pronađeno."_s);
        QCOMPARE(m_summarizer.summarize(ReplyLanguage::English, tool, QJsonValue()), QString());
        QCOMPARE(m_summarizer.summarize(ReplyLanguage::English, tool, 42), u"42"_s);
    }

    void longObjectsAreCapped()
    {
        QJsonObject body;
        for (int i = 0; i < 40; ++i)
            body.insert(u"field"_s + QString::number(100 + i), i);
        const QString text = m_summarizer.summarize(ReplyLanguage::English, ToolDefinition{}, body);
        QCOMPARE(text.split(u'\n').size(), 12);
    }
};

QTEST_GUILESS_MAIN(TestResponseSummarizer)
#include "tst_responsesummarizer.moc"
