#include "enginesettings.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSysInfo>

#include <algorithm>

namespace m1 {
namespace {

QJsonObject embeddingSection(const ConsoleSettings &s)
{
    if (s.embeddingProvider == u"openai")
        return {{QStringLiteral("provider"), s.embeddingProvider},
                {QStringLiteral("base_url"), s.openAiBaseUrl},
                {QStringLiteral("model"), s.openAiModel}};
    if (s.embeddingProvider == u"azure")
        return {{QStringLiteral("provider"), s.embeddingProvider},
                {QStringLiteral("base_url"), s.azureEndpoint},
                {QStringLiteral("deployment"), s.azureDeployment},
                {QStringLiteral("api_version"), s.azureApiVersion}};
    return {};
}

QJsonObject plannerSection(const ConsoleSettings &s)
{
    if (s.planner != u"llm")
        return {{QStringLiteral("kind"), QStringLiteral("rules")}};
    QJsonObject section{{QStringLiteral("kind"), QStringLiteral("llm")},
                        {QStringLiteral("provider"), s.plannerProvider}};
    // Empty fields are left out, so the engine's own checks name what is missing.
    const auto put = [&section](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            section.insert(key, value.trimmed());
    };
    put(QStringLiteral("endpoint"), s.plannerEndpoint);
    if (s.plannerProvider == u"azure") {
        put(QStringLiteral("deployment"), s.plannerDeployment);
        put(QStringLiteral("apiVersion"), s.plannerApiVersion);
    } else {
        put(QStringLiteral("model"), s.plannerModel);
    }
    return section;
}

} // namespace

ModelSettings EngineSettings::models(const ConsoleSettings &s)
{
    ModelSettings m;
    m.embedding = embeddingSection(s);
    m.planner = plannerSection(s);
    if (s.embeddingProvider == u"openai")
        m.embeddingApiKey = s.openAiKey;
    else if (s.embeddingProvider == u"azure")
        m.embeddingApiKey = s.azureKey;
    if (s.planner == u"llm")
        m.plannerApiKey = !s.plannerKey.isEmpty() ? s.plannerKey
                        : s.plannerProvider == u"azure" ? s.azureKey
                                                        : s.openAiKey;
    return m;
}

WebhookSettings EngineSettings::webhook(const ConsoleSettings &s, int workers)
{
    WebhookSettings w;
    w.enabled = s.webhookEnabled;
    ServeOptions &o = w.serve;
    const QString bind = s.webhookBind.trimmed();
    o.bind = bind == u"localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(bind);
    o.port = quint16(std::clamp(s.webhookPort, 0, 65535));
    o.workers = workers;
    o.executor = s.webhookExecutor == u"sandbox" ? ServeOptions::Executor::Sandbox : ServeOptions::Executor::Http;
    o.whatsapp.appSecret = s.whatsAppAppSecret;
    o.whatsapp.verifyToken = s.whatsAppVerifyToken;
    o.whatsapp.accessToken = s.whatsAppAccessToken;
    o.whatsapp.phoneNumberId = s.whatsAppPhoneNumberId.trimmed();
    if (!s.graphApiUrl.trimmed().isEmpty())
        o.whatsapp.graphApiUrl = s.graphApiUrl.trimmed();
    o.consumer = (u"m1-console-" + QSysInfo::machineHostName() + u'-'
                  + QString::number(QCoreApplication::applicationPid()))
                     .toUtf8();
    // Tool calls in flight are cancelled on a stop, so closing the console is not held up long.
    o.shutdownTimeoutMs = 10'000;
    return w; // a bind address that is not one stays null: the engine refuses to start with it
}

bool EngineSettings::modelsDiffer(const ConsoleSettings &a, const ConsoleSettings &b)
{
    return !(models(a) == models(b));
}

bool EngineSettings::webhookDiffers(const ConsoleSettings &a, const ConsoleSettings &b)
{
    return a.webhookEnabled != b.webhookEnabled || a.webhookBind != b.webhookBind || a.webhookPort != b.webhookPort
        || a.webhookExecutor != b.webhookExecutor || a.whatsAppAppSecret != b.whatsAppAppSecret
        || a.whatsAppVerifyToken != b.whatsAppVerifyToken || a.whatsAppAccessToken != b.whatsAppAccessToken
        || a.whatsAppPhoneNumberId != b.whatsAppPhoneNumberId || a.graphApiUrl != b.graphApiUrl;
}

} // namespace m1
