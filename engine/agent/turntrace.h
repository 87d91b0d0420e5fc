#pragma once
// What one turn did, step by step, for the console's simulator and for tests: which tools search
// offered (with scores), which one was chosen, every parameter and where its value came from,
// the question asked, the request sent and the response, and how long each step took.
#include <QJsonObject>
#include <QList>
#include <QString>

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
        QString source; // "message", "profile", "answer", "history", "default"
    };
    QString phaseBefore; // ConversationPhases names
    QString phaseAfter;
    QString action; // "search", "answer", "choose", "confirm", "cancel", "execute", "ask", "abstain"
    bool abstained = false;
    QList<Candidate> candidates;
    QString chosenToolId;
    QList<Parameter> parameters;
    QString question; // the parameter asked for, when one was
    QJsonObject request; // the tool call's arguments, when one ran
    QJsonValue response;
    int httpStatus = 0;
    QString error;
    qint64 searchUs = 0;
    qint64 fillUs = 0;
    qint64 executeUs = 0;
    qint64 totalUs = 0;

    QJsonObject toJson() const;
};

} // namespace m1
