#include "agent/turntrace.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace m1 {

QJsonObject TurnTrace::toJson() const
{
    QJsonArray candidateArray;
    for (const Candidate &c : candidates)
        candidateArray.append(QJsonObject { { u"id"_s, c.toolId }, { u"score"_s, double(c.score) } });
    QJsonArray parameterArray;
    for (const Parameter &p : parameters)
        parameterArray.append(
                QJsonObject { { u"name"_s, p.name }, { u"value"_s, p.value }, { u"source"_s, p.source } });
    return QJsonObject {
        { u"phase_before"_s, phaseBefore },
        { u"phase_after"_s, phaseAfter },
        { u"action"_s, action },
        { u"abstain"_s, abstained },
        { u"candidates"_s, candidateArray },
        { u"tool"_s, chosenToolId },
        { u"planner"_s, planner },
        { u"planner_fallback"_s, plannerFallback },
        { u"notes"_s, QJsonArray::fromStringList(notes) },
        { u"parameters"_s, parameterArray },
        { u"question"_s, question },
        { u"request"_s, request },
        { u"response"_s, response },
        { u"http_status"_s, httpStatus },
        { u"error"_s, error },
        { u"timings_us"_s,
          QJsonObject { { u"search"_s, searchUs },
                        { u"plan"_s, planUs },
                        { u"fill"_s, fillUs },
                        { u"providers"_s, providerUs },
                        { u"execute"_s, executeUs },
                        { u"total"_s, totalUs } } },
    };
}

} // namespace m1
