#pragma once
// What one turn did, step by step, for the console's simulator and for tests: which tools search
// offered (with scores), which one was chosen, every parameter and where its value came from,
// the question asked, the request sent and the response, and how long each step took.
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace m1 {

struct TurnTrace
{
    struct Candidate
    {
        QString toolId;
        float score = 0;
    };
    struct Parameter
    {
        QString name;
        QJsonValue value;
        // "message", "profile", "answer", "default", "llm" (the planner read it),
        // "provider:<toolId>" (a provider tool gave it or the user picked it from its list)
        QString source;
    };
    QString phaseBefore; // ConversationPhases names
    QString phaseAfter;
    // "search", "answer", "choose", "confirm", "cancel", "execute", "ask", "abstain", "no_tool"
    QString action;
    bool abstained = false;
    QList<Candidate> candidates;
    QString chosenToolId;
    QString planner;         // who chose: "rules", "llm", "rules-fallback" (empty: no choice this turn)
    QString plannerFallback; // why the LLM did not choose, for "rules-fallback"
    QStringList notes;       // planner and provider steps, one line each
    QList<Parameter> parameters;
    QString question; // the parameter asked for, when one was
    QJsonObject request; // the tool call's arguments, when one ran
    QJsonValue response;
    int httpStatus = 0;
    QString error;
    qint64 searchUs = 0;
    qint64 planUs = 0;
    qint64 fillUs = 0;
    qint64 providerUs = 0;
    qint64 executeUs = 0;
    qint64 totalUs = 0;

    QJsonObject toJson() const;
};

} // namespace m1
