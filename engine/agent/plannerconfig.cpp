#include "agent/plannerconfig.h"

#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool readInt(const QJsonValue &v, int min, int max, int *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d != double(qint64(d)) || d < min || d > max)
        return false;
    *out = int(d);
    return true;
}

} // namespace

PlannerConfig PlannerConfig::fromJson(const QJsonValue &value, const QString &pointer, const ErrorSink &error)
{
    PlannerConfig config;
    if (!value.isObject()) {
        error(pointer, u"expected an object"_s);
        return config;
    }
    const QJsonObject section = value.toObject();
    const auto intKey = [&](const QString &key, const QJsonValue &v, int min, int max, int *out) {
        if (!readInt(v, min, max, out))
            error(pointer + u'/' + key, u"expected a whole number from %1 to %2"_s.arg(min).arg(max));
    };
    for (auto it = section.begin(); it != section.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue v = it.value();
        const QString at = pointer + u'/' + key;
        if (key == u"kind"_s) {
            if (v.toString() == u"rules"_s)
                config.kind = Kind::Rules;
            else if (v.toString() == u"llm"_s)
                config.kind = Kind::Llm;
            else
                error(at, u"expected \"rules\" or \"llm\""_s);
        } else if (key == u"provider"_s) {
            if (v.toString() == u"openai"_s)
                config.llm.flavor = LlmPlannerOptions::Flavor::OpenAi;
            else if (v.toString() == u"azure"_s)
                config.llm.flavor = LlmPlannerOptions::Flavor::Azure;
            else
                error(at, u"expected \"openai\" or \"azure\""_s);
        } else if (key == u"endpoint"_s) {
            const QUrl url(v.toString(), QUrl::StrictMode);
            if (!v.isString() || !url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)
                || url.host().isEmpty())
                error(at, u"expected an http(s) URL such as https://api.openai.com or https://NAME.openai.azure.com"_s);
            else
                config.llm.endpoint = url;
        } else if (key == u"model"_s || key == u"deployment"_s || key == u"apiVersion"_s) {
            if (!v.isString() || v.toString().trimmed().isEmpty()) {
                error(at, u"expected a non-empty string"_s);
                continue;
            }
            QString &target = key == u"model"_s ? config.llm.model
                    : key == u"deployment"_s    ? config.llm.deployment
                                                : config.llm.apiVersion;
            target = v.toString().trimmed();
        } else if (key == u"topK"_s) {
            intKey(key, v, 1, 128, &config.llm.topK); // OpenAI takes at most 128 tools
        } else if (key == u"timeoutMs"_s) {
            intKey(key, v, 100, 120'000, &config.llm.timeoutMs);
        } else if (key == u"budgetMs"_s) {
            intKey(key, v, 100, 120'000, &config.llm.budgetMs);
        } else if (key == u"maxAttempts"_s) {
            intKey(key, v, 1, 10, &config.llm.retry.maxAttempts);
        } else if (key == u"historyMessages"_s) {
            intKey(key, v, 0, 50, &config.llm.historyMessages);
        } else if (key == u"apiKey"_s || key == u"key"_s || key == u"api-key"_s) {
            error(at, u"API keys are not read from config files; set the environment variable "_s
                              + QLatin1String(kApiKeyVariable) + u" instead"_s);
        } else {
            error(at, u"unknown key (expected kind, provider, endpoint, model, deployment, apiVersion, topK, "
                      "timeoutMs, budgetMs, maxAttempts, historyMessages)"_s);
        }
    }
    if (config.kind == Kind::Llm && config.llm.flavor == LlmPlannerOptions::Flavor::Azure) {
        if (config.llm.deployment.isEmpty())
            error(pointer + u"/deployment"_s, u"required for provider \"azure\" (the deployment name in the Azure portal)"_s);
        if (!section.contains(u"endpoint"_s))
            error(pointer + u"/endpoint"_s, u"required for provider \"azure\" (https://NAME.openai.azure.com)"_s);
    }
    return config;
}

} // namespace m1
