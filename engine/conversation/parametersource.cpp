#include "conversation/parametersource.h"

using namespace Qt::StringLiterals;

namespace m1 {

QString ParameterSources::name(ParameterSource source)
{
    switch (source) {
    case ParameterSource::Message:
        return u"message"_s;
    case ParameterSource::UserProfile:
        return u"profile"_s;
    case ParameterSource::ProviderTool:
        return u"provider"_s;
    case ParameterSource::UserAnswer:
        return u"answer"_s;
    case ParameterSource::Default:
        return u"default"_s;
    }
    return u"message"_s;
}

std::optional<ParameterSource> ParameterSources::fromName(const QString &name)
{
    for (ParameterSource s :
         { ParameterSource::Message, ParameterSource::UserProfile, ParameterSource::ProviderTool,
           ParameterSource::UserAnswer, ParameterSource::Default }) {
        if (ParameterSources::name(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace m1
