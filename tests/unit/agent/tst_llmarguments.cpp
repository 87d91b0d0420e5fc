// The model's arguments are kept only as the tool takes them: known parameters, typed, enums
// in the spec's spelling; everything dropped is named.
#include "agent/llmarguments.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestLlmArguments : public QObject
{
    Q_OBJECT

private:
    static ToolDefinition tool()
    {
        ToolDefinition t;
        t.id = u"createPoolBooking"_s;
        t.method = u"POST"_s;
        const auto p = [](const QString &name, const QString &type, ParamLocation in = ParamLocation::Body) {
            ToolParameter q;
            q.name = name;
            q.type = type;
            q.location = in;
            return q;
        };
        ToolParameter purpose = p(u"purpose"_s, u"string"_s);
        purpose.enumValues = { u"business"_s, u"client_visit"_s };
        t.parameters = { p(u"locationId"_s, u"string"_s), p(u"passengers"_s, u"integer"_s), p(u"distanceKm"_s, u"number"_s),
                         p(u"needsTowbar"_s, u"boolean"_s), purpose, p(u"stops"_s, u"array"_s),
                         p(u"Idempotency-Key"_s, u"string"_s, ParamLocation::Header) };
        return t;
    }

private Q_SLOTS:
    void keepsWhatFitsAndSaysWhatNot()
    {
        const QJsonObject in {
            { u"locationId"_s, 17 },             // a number where a string goes: its text
            { u"passengers"_s, u"3"_s },         // a numeric string: typed
            { u"distanceKm"_s, u"12,5"_s },      // a decimal comma
            { u"needsTowbar"_s, u"true"_s },
            { u"purpose"_s, u"BUSINESS"_s },     // the spec's spelling
            { u"stops"_s, QJsonArray { u"Split"_s } },
            { u"Idempotency-Key"_s, u"k"_s },    // never the model's
            { u"driver"_s, u"Ana"_s },           // not a parameter
            { u"endAt"_s, QJsonValue::Null },    // nothing
        };
        QStringList notes;
        const QJsonObject out = LlmArguments::accept(tool(), in, &notes);
        QCOMPARE(out.value(u"locationId"_s), QJsonValue(u"17"_s));
        QCOMPARE(out.value(u"passengers"_s), QJsonValue(qint64(3)));
        QCOMPARE(out.value(u"distanceKm"_s).toDouble(), 12.5);
        QCOMPARE(out.value(u"needsTowbar"_s), QJsonValue(true));
        QCOMPARE(out.value(u"purpose"_s), QJsonValue(u"business"_s));
        QCOMPARE(out.value(u"stops"_s).toArray().size(), 1);
        QCOMPARE(out.size(), 6);
        QCOMPARE(notes.size(), 2);
        QVERIFY(notes.join(u'\n').contains(u"\"Idempotency-Key\""_s));
        QVERIFY(notes.join(u'\n').contains(u"\"driver\""_s));
    }

    void rejectsWhatCannotBeTyped()
    {
        QStringList notes;
        const QJsonObject out = LlmArguments::accept(
                tool(), { { u"passengers"_s, 2.5 }, { u"purpose"_s, u"holiday"_s }, { u"needsTowbar"_s, u"maybe"_s },
                          { u"stops"_s, u"Split"_s }, { u"locationId"_s, u"  "_s } },
                &notes);
        QVERIFY(out.isEmpty());
        QCOMPARE(notes.size(), 5);
        QVERIFY(notes.join(u'\n').contains(u"\"holiday\" is not one of business, client_visit"_s));
    }
};

QTEST_GUILESS_MAIN(TestLlmArguments)
#include "tst_llmarguments.moc"
