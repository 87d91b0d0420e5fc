#include "search/toolscorer.h"

#include <algorithm>
#include <cmath>

namespace m1 {

ToolScorer::ToolScorer(const ScoringConfig &config, std::vector<ToolProfile> profiles)
    : m_config(config)
    , m_profiles(std::move(profiles))
    , m_rrf(config.fusion == u"rrf")
    , m_inverseSaturation(float(1.0 / std::log1p(double(std::max(1, config.userSaturation)))))
{
}

MethodClass ToolScorer::methodClass(const QString &httpMethod)
{
    if (httpMethod == u"GET" || httpMethod == u"HEAD" || httpMethod == u"OPTIONS")
        return MethodClass::Read;
    if (httpMethod == u"POST")
        return MethodClass::Create;
    if (httpMethod == u"PUT" || httpMethod == u"PATCH")
        return MethodClass::Update;
    if (httpMethod == u"DELETE")
        return MethodClass::Delete;
    return MethodClass::Other;
}

float ToolScorer::methodPart(Intent intent, MethodClass method) const
{
    if (intent == Intent::Unknown || method == MethodClass::Other)
        return 0.0f;
    const bool toolReads = method == MethodClass::Read;
    if (intent == Intent::Read)
        return toolReads ? m_config.methodMatch : m_config.methodMismatch;
    if (toolReads)
        return m_config.methodMismatch;
    const bool same = (intent == Intent::Create && method == MethodClass::Create)
        || (intent == Intent::Update && method == MethodClass::Update)
        || (intent == Intent::Delete && method == MethodClass::Delete);
    return same ? m_config.methodMatch : m_config.methodWriteFamily;
}

float ToolScorer::userPart(quint32 successes) const
{
    if (successes == 0)
        return 0.0f;
    return m_config.userWeight
        * std::min(1.0f, float(std::log1p(double(successes))) * m_inverseSaturation);
}

ScoreBreakdown ToolScorer::score(int tool, float dense, float lexical,
                                 const ScoringContext &context) const
{
    ScoreBreakdown parts;
    if (m_rrf) {
        parts.dense = dense;
        parts.lexical = lexical;
    } else {
        parts.dense = m_config.denseWeight * dense;
        parts.lexical = m_config.lexicalWeight * std::min(1.0f, lexical * context.lexicalScale);
    }
    const ToolProfile &profile = m_profiles[size_t(tool)];
    parts.method = methodPart(context.intent, profile.method);
    for (int i = 0; i < context.userCountSize; ++i) {
        if (context.userCounts[i].first == tool) {
            parts.user = userPart(context.userCounts[i].second);
            break;
        }
    }
    if (context.categoryBoost && profile.category >= 0)
        parts.category = context.categoryBoost[profile.category];
    if (context.docs)
        parts.docs = m_config.docsWeight * context.docs[tool];
    if (context.docsDense)
        parts.docs += m_config.docsDenseWeight * std::max(0.0f, context.docsDense[tool]);
    if (context.docsClass)
        parts.docs += m_config.docsClassifierWeight * context.docsClass[tool];
    if (context.evalAdjust)
        parts.eval = context.evalAdjust[tool];
    parts.total = parts.sumOfParts();
    return parts;
}

} // namespace m1
