// Chat completion answers as OpenAI and Azure send them: tool_calls (arguments as a JSON
// string), the legacy function_call, NONE / ASK / other text, and what is not a completion.
#include "agent/completionparser.h"

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

// Built in code, not raw strings: Qt 6.4's moc loses its way on \" inside raw strings.
QJsonObject function(const QString &name, const QString &arguments)
{
    QJsonObject f { { u"arguments"_s, arguments } };
    if (!name.isEmpty())
        f.insert(u"name"_s, name);
    return f;
}

QJsonObject completion(const QJsonObject &message)
{
    return QJsonObject { { u"id"_s, u"chatcmpl-1"_s },
                         { u"object"_s, u"chat.completion"_s },
                         { u"choices"_s, QJsonArray { QJsonObject { { u"index"_s, 0 },
                                                                    { u"finish_reason"_s, u"tool_calls"_s },
                                                                    { u"message"_s, message } } } } };
}

QJsonObject toolCalls(const QString &name, const QString &arguments)
{
    return completion(QJsonObject { { u"tool_calls"_s,
                                      QJsonArray { QJsonObject { { u"type"_s, u"function"_s },
                                                                 { u"function"_s, function(name, arguments) } } } } });
}

} // namespace

class TestCompletionParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toolCall()
    {
        const QJsonObject first { { u"id"_s, u"call_1"_s }, { u"type"_s, u"function"_s },
                                  { u"function"_s, function(u"createPoolBooking"_s,
                                                            u"{\"locationId\":\"loc_zg01\",\"passengers\":2}"_s) } };
        const QJsonObject second { { u"id"_s, u"call_2"_s }, { u"type"_s, u"function"_s },
                                   { u"function"_s, function(u"listMyPoolBookings"_s, u"{}"_s) } };
        QJsonObject body = completion(QJsonObject { { u"role"_s, u"assistant"_s },
                                                    { u"content"_s, QJsonValue::Null },
                                                    { u"tool_calls"_s, QJsonArray { first, second } } });
        const ParsedCompletion p = CompletionParser::parse(body);
        QCOMPARE(p.kind, ParsedCompletion::Kind::ToolCall);
        QCOMPARE(p.functionName, u"createPoolBooking"_s);
        QCOMPARE(p.arguments.value(u"locationId"_s).toString(), u"loc_zg01"_s);
        QCOMPARE(p.arguments.value(u"passengers"_s).toInt(), 2);
        QVERIFY(p.argumentsProblem.isEmpty());
        QCOMPARE(p.toolCalls, 2);
        QCOMPARE(p.finishReason, u"tool_calls"_s);
    }

    void legacyFunctionCall()
    {
        const ParsedCompletion p = CompletionParser::parse(completion(QJsonObject {
                { u"role"_s, u"assistant"_s },
                { u"function_call"_s, function(u"getVehicleMileage"_s, u"{\"vehicleId\":\"veh_1\"}"_s) } }));
        QCOMPARE(p.kind, ParsedCompletion::Kind::ToolCall);
        QCOMPARE(p.functionName, u"getVehicleMileage"_s);
        QCOMPARE(p.arguments.value(u"vehicleId"_s).toString(), u"veh_1"_s);
    }

    void malformedArgumentsAreReportedNotFatal()
    {
        const ParsedCompletion p = CompletionParser::parse(toolCalls(u"getVehicleMileage"_s, u"{\"vehicleId\": \"veh_1\""_s));
        QCOMPARE(p.kind, ParsedCompletion::Kind::ToolCall);
        QCOMPARE(p.functionName, u"getVehicleMileage"_s);
        QVERIFY(p.arguments.isEmpty());
        QVERIFY2(p.argumentsProblem.contains(u"/choices/0/message/tool_calls/0/function/arguments is not valid JSON"_s),
                 qPrintable(p.argumentsProblem));
    }

    void emptyArgumentsAreNoArguments()
    {
        const ParsedCompletion p = CompletionParser::parse(toolCalls(u"listMyPoolBookings"_s, QString()));
        QCOMPARE(p.kind, ParsedCompletion::Kind::ToolCall);
        QVERIFY(p.argumentsProblem.isEmpty());
        QVERIFY(p.arguments.isEmpty());
    }

    void words_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<int>("kind");
        QTest::newRow("none") << u"NONE"_s << int(ParsedCompletion::Kind::None);
        QTest::newRow("none, lower case, dot") << u" none."_s << int(ParsedCompletion::Kind::None);
        QTest::newRow("ask") << u"ASK"_s << int(ParsedCompletion::Kind::Ask);
        QTest::newRow("prose") << u"Which car do you mean?"_s << int(ParsedCompletion::Kind::Text);
        QTest::newRow("empty") << QString() << int(ParsedCompletion::Kind::Invalid);
    }
    void words()
    {
        QFETCH(QString, content);
        QFETCH(int, kind);
        const QJsonObject body { { u"choices"_s, QJsonArray { QJsonObject { { u"message"_s,
                QJsonObject { { u"role"_s, u"assistant"_s }, { u"content"_s, content } } } } } } };
        QCOMPARE(int(CompletionParser::parse(body).kind), kind);
    }

    void notACompletion()
    {
        ParsedCompletion p = CompletionParser::parse(json(R"({"object":"list","data":[]})"));
        QCOMPARE(p.kind, ParsedCompletion::Kind::Invalid);
        QCOMPARE(p.problem, u"/choices is missing or empty"_s);
        p = CompletionParser::parse(json(R"({"error":{"message":"The server had an error"}})"));
        QCOMPARE(p.kind, ParsedCompletion::Kind::Invalid);
        QVERIFY(p.problem.contains(u"The server had an error"_s));
        p = CompletionParser::parse(json(R"({"choices":[{"index":0}]})"));
        QCOMPARE(p.problem, u"/choices/0/message is missing"_s);
        p = CompletionParser::parse(toolCalls(QString(), u"{}"_s));
        QCOMPARE(p.kind, ParsedCompletion::Kind::Invalid);
        QVERIFY(p.problem.endsWith(u"/name is missing"_s));
    }
};

QTEST_GUILESS_MAIN(TestCompletionParser)
#include "tst_completionparser.moc"
