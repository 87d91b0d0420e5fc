#include "agent/completionparser.h"

#include "agent/chatpromptbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace m1 {

void CompletionParser::readCall(const QJsonObject &function, const QString &pointer, ParsedCompletion &out)
{
    out.functionName = function.value(u"name"_s).toString().trimmed();
    if (out.functionName.isEmpty()) {
        out.kind = ParsedCompletion::Kind::Invalid;
        out.problem = pointer + u"/name is missing"_s;
        return;
    }
    out.kind = ParsedCompletion::Kind::ToolCall;
    const QJsonValue arguments = function.value(u"arguments"_s);
    if (arguments.isObject()) { // not the documented shape, but some compatible servers send it
        out.arguments = arguments.toObject();
        return;
    }
    const QString text = arguments.toString().trimmed();
    if (text.isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        out.argumentsProblem = pointer + u"/arguments is not valid JSON (%1 at byte %2): %3"_s.arg(
                error.errorString(), QString::number(error.offset), text.left(120));
    else if (!doc.isObject())
        out.argumentsProblem = pointer + u"/arguments is JSON but not an object: "_s + text.left(120);
    else
        out.arguments = doc.object();
}

ParsedCompletion CompletionParser::parse(const QJsonObject &body)
{
    ParsedCompletion out;
    const QJsonArray choices = body.value(u"choices"_s).toArray();
    if (choices.isEmpty()) {
        out.problem = body.contains(u"error"_s)
                ? u"/error: "_s + body.value(u"error"_s).toObject().value(u"message"_s).toString()
                : u"/choices is missing or empty"_s;
        return out;
    }
    const QJsonObject choice = choices.at(0).toObject();
    out.finishReason = choice.value(u"finish_reason"_s).toString();
    if (!choice.value(u"message"_s).isObject()) {
        out.problem = u"/choices/0/message is missing"_s;
        return out;
    }
    const QJsonObject message = choice.value(u"message"_s).toObject();
    const QJsonArray calls = message.value(u"tool_calls"_s).toArray();
    out.toolCalls = int(calls.size());
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject call = calls.at(i).toObject();
        const QString type = call.value(u"type"_s).toString(u"function"_s);
        if (type != u"function"_s || !call.value(u"function"_s).isObject())
            continue;
        readCall(call.value(u"function"_s).toObject(), u"/choices/0/message/tool_calls/%1/function"_s.arg(i), out);
        return out;
    }
    if (message.value(u"function_call"_s).isObject()) {
        out.toolCalls = 1;
        readCall(message.value(u"function_call"_s).toObject(), u"/choices/0/message/function_call"_s, out);
        return out;
    }
    out.content = message.value(u"content"_s).toString().trimmed();
    QString word = out.content.toUpper();
    while (!word.isEmpty() && !word.back().isLetter())
        word.chop(1);
    if (word == ChatPromptBuilder::noneWord())
        out.kind = ParsedCompletion::Kind::None;
    else if (word == ChatPromptBuilder::askWord())
        out.kind = ParsedCompletion::Kind::Ask;
    else if (!out.content.isEmpty())
        out.kind = ParsedCompletion::Kind::Text;
    else
        out.problem = out.finishReason == u"content_filter"_s
                ? u"the provider's content filter withheld the answer"_s
                : u"/choices/0/message has neither tool_calls nor content"_s;
    return out;
}

} // namespace m1
