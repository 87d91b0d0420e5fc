#pragma once

// Reads a chat completions answer: the first function the model called (name and JSON
// arguments; a legacy "function_call" too), or its text when it called none. Arguments that are
// not a JSON object are reported, not fatal: the tool choice may still be good. Anything that
// is not a chat completion at all is Invalid, with the JSON pointer of what was missing.

#include <QJsonObject>
#include <QString>

namespace m1 {

struct ParsedCompletion
{
    enum class Kind {
        ToolCall, // functionName (+ arguments)
        None,     // the model said this is not a request for any function
        Ask,      // the model could not tell which function
        Text,     // some other text instead of a call
        Invalid   // not a usable chat completion (problem says why)
    };

    Kind kind = Kind::Invalid;
    QString functionName;
    QJsonObject arguments;
    QString argumentsProblem; // set when the arguments were not a JSON object (then ignored)
    int toolCalls = 0;        // how many calls the model made (only the first is used)
    QString content;
    QString finishReason;
    QString problem;
};

class CompletionParser
{
public:
    static ParsedCompletion parse(const QJsonObject &body);

private:
    static void readCall(const QJsonObject &function, const QString &pointer, ParsedCompletion &out);
};

} // namespace m1
