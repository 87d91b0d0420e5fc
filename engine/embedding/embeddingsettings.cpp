#include "embedding/embeddingsettings.h"

#include "embedding/openaiembeddingprovider.h"

namespace m1 {

bool EmbeddingSettings::apply(const QJsonObject &json, const QString &sourceName,
                              const QString &pointerPrefix, QString *error)
{
    EmbeddingSettings next = *this;
    auto fail = [&](const QString &key, const QString &message) {
        if (error)
            *error
                = sourceName + QStringLiteral(": ") + pointerPrefix + u'/' + key + u' ' + message;
        return false;
    };
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue &v = it.value();
        auto text = [&](QString *target) {
            if (!v.isString())
                return fail(key, QStringLiteral("must be a string"));
            *target = v.toString();
            return true;
        };
        auto number = [&](int *target, int min, int max) {
            if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < min
                || v.toInt() > max)
                return fail(
                    key, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            *target = v.toInt();
            return true;
        };
        bool ok = true;
        if (key == u"provider") {
            ok = text(&next.provider);
            if (ok && next.provider != u"local" && next.provider != u"openai"
                && next.provider != u"azure")
                return fail(key,
                            QStringLiteral("is \"%1\"; expected \"local\", \"openai\" or \"azure\"")
                                .arg(next.provider));
        } else if (key == u"dimension") {
            ok = number(&next.remote.dimension, 1, 65536);
            next.local.dimension = next.remote.dimension;
        } else if (key == u"base_url") {
            QString url;
            ok = text(&url);
            next.remote.baseUrl = QUrl(url);
            if (ok && (!next.remote.baseUrl.isValid() || next.remote.baseUrl.scheme().isEmpty()))
                return fail(key, QStringLiteral("is not an absolute http(s) URL"));
        } else if (key == u"model") {
            ok = text(&next.remote.model);
        } else if (key == u"deployment") {
            ok = text(&next.remote.deployment);
        } else if (key == u"api_version") {
            ok = text(&next.remote.apiVersion);
        } else if (key == u"api_key_env") {
            ok = text(&next.apiKeyEnv);
        } else if (key == u"cache_folder") {
            ok = text(&next.cacheFolder);
        } else if (key == u"send_dimensions") {
            if (!v.isBool())
                return fail(key, QStringLiteral("must be true or false"));
            next.remote.sendDimensions = v.toBool();
        } else if (key == u"max_inputs_per_request") {
            ok = number(&next.remote.maxInputsPerRequest, 1, 100000);
        } else if (key == u"max_tokens_per_request") {
            ok = number(&next.remote.maxTokensPerRequest, 1, 100000000);
        } else if (key == u"max_concurrency") {
            ok = number(&next.remote.maxConcurrency, 1, 64);
        } else if (key == u"timeout_ms") {
            ok = number(&next.remote.timeoutMs, 1, 3600000);
        } else if (key == u"max_attempts") {
            ok = number(&next.remote.retry.maxAttempts, 1, 100);
        } else {
            return fail(key, QStringLiteral("is not an embedding setting"));
        }
        if (!ok)
            return false;
    }
    if (next.provider != u"local" && next.remote.baseUrl.isEmpty())
        return fail(QStringLiteral("base_url"),
                    QStringLiteral("is required for provider \"%1\"").arg(next.provider));
    if (next.provider == u"azure" && next.remote.deployment.isEmpty())
        return fail(QStringLiteral("deployment"),
                    QStringLiteral("is required for provider \"azure\""));
    next.remote.flavor = next.provider == u"azure" ? OpenAiEmbeddingOptions::Flavor::Azure
                                                   : OpenAiEmbeddingOptions::Flavor::OpenAi;
    *this = next;
    if (error)
        error->clear();
    return true;
}

QString EmbeddingSettings::apiKeyVariable() const
{
    if (!apiKeyEnv.isEmpty())
        return apiKeyEnv;
    return provider == u"azure" ? QStringLiteral("AZURE_OPENAI_API_KEY")
                                : QStringLiteral("OPENAI_API_KEY");
}

QString EmbeddingSettings::effectiveApiKey() const
{
    if (provider == u"local")
        return {};
    if (!apiKey.isEmpty())
        return apiKey;
    return qEnvironmentVariable(apiKeyVariable().toLocal8Bit().constData());
}

std::unique_ptr<EmbeddingProvider> EmbeddingSettings::createProvider(const Clock &clock,
                                                                     NetworkClients *network,
                                                                     MetricsRegistry *metrics) const
{
    if (provider == u"local")
        return std::make_unique<LocalEmbedder>(local);
    OpenAiEmbeddingOptions options = remote;
    options.apiKey = effectiveApiKey();
    return std::make_unique<OpenAiEmbeddingProvider>(options, clock, network, std::function<double()>{},
                                                     metrics);
}

} // namespace m1
