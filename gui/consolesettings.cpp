#include "consolesettings.h"

#include <QUrl>

namespace m1 {
namespace {

QString storeKindName(ConsoleSettings::StoreKind kind)
{
    switch (kind) {
    case ConsoleSettings::StoreKind::Managed:
        return QStringLiteral("managed");
    case ConsoleSettings::StoreKind::RedisUrl:
        return QStringLiteral("redis");
    case ConsoleSettings::StoreKind::Memory:
        return QStringLiteral("memory");
    }
    return QStringLiteral("managed");
}

ConsoleSettings::StoreKind storeKindFrom(const QString &name)
{
    if (name == u"redis")
        return ConsoleSettings::StoreKind::RedisUrl;
    if (name == u"memory")
        return ConsoleSettings::StoreKind::Memory;
    return ConsoleSettings::StoreKind::Managed;
}

} // namespace

QString ConsoleSettings::storeUrl() const
{
    switch (storeKind) {
    case StoreKind::Managed:
        return QStringLiteral("managed");
    case StoreKind::RedisUrl:
        return redisUrl.trimmed();
    case StoreKind::Memory:
        return QStringLiteral("memory");
    }
    return QStringLiteral("managed");
}

QStringList ConsoleSettings::secrets() const
{
    QStringList out;
    for (const QString &s : {openAiKey, azureKey, whatsAppAppSecret, whatsAppVerifyToken, whatsAppAccessToken}) {
        if (!s.isEmpty())
            out.append(s);
    }
    // A password inside a Redis URL (redis://:secret@host) is a secret too.
    if (const QString password = QUrl(redisUrl).password(); !password.isEmpty())
        out.append(password);
    return out;
}

ConsoleSettings ConsoleSettings::load(const QSettings &s)
{
    ConsoleSettings c;
    c.storeKind = storeKindFrom(s.value(QStringLiteral("store/kind"), storeKindName(c.storeKind)).toString());
    c.redisUrl = s.value(QStringLiteral("store/redisUrl"), c.redisUrl).toString();
    c.embeddingProvider = s.value(QStringLiteral("embedding/provider"), c.embeddingProvider).toString();
    c.openAiBaseUrl = s.value(QStringLiteral("embedding/openaiBaseUrl"), c.openAiBaseUrl).toString();
    c.openAiModel = s.value(QStringLiteral("embedding/openaiModel"), c.openAiModel).toString();
    c.openAiKey = s.value(QStringLiteral("embedding/openaiKey")).toString();
    c.azureEndpoint = s.value(QStringLiteral("embedding/azureEndpoint")).toString();
    c.azureDeployment = s.value(QStringLiteral("embedding/azureDeployment")).toString();
    c.azureApiVersion = s.value(QStringLiteral("embedding/azureApiVersion"), c.azureApiVersion).toString();
    c.azureKey = s.value(QStringLiteral("embedding/azureKey")).toString();
    c.planner = s.value(QStringLiteral("planner/kind"), c.planner).toString();
    c.whatsAppAppSecret = s.value(QStringLiteral("whatsapp/appSecret")).toString();
    c.whatsAppVerifyToken = s.value(QStringLiteral("whatsapp/verifyToken")).toString();
    c.whatsAppAccessToken = s.value(QStringLiteral("whatsapp/accessToken")).toString();
    c.whatsAppPhoneNumberId = s.value(QStringLiteral("whatsapp/phoneNumberId")).toString();
    c.specSources = s.value(QStringLiteral("sources/specs")).toStringList();
    c.language = s.value(QStringLiteral("ui/language")).toString();
    return c;
}

void ConsoleSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("store/kind"), storeKindName(storeKind));
    s.setValue(QStringLiteral("store/redisUrl"), redisUrl);
    s.setValue(QStringLiteral("embedding/provider"), embeddingProvider);
    s.setValue(QStringLiteral("embedding/openaiBaseUrl"), openAiBaseUrl);
    s.setValue(QStringLiteral("embedding/openaiModel"), openAiModel);
    s.setValue(QStringLiteral("embedding/openaiKey"), openAiKey);
    s.setValue(QStringLiteral("embedding/azureEndpoint"), azureEndpoint);
    s.setValue(QStringLiteral("embedding/azureDeployment"), azureDeployment);
    s.setValue(QStringLiteral("embedding/azureApiVersion"), azureApiVersion);
    s.setValue(QStringLiteral("embedding/azureKey"), azureKey);
    s.setValue(QStringLiteral("planner/kind"), planner);
    s.setValue(QStringLiteral("whatsapp/appSecret"), whatsAppAppSecret);
    s.setValue(QStringLiteral("whatsapp/verifyToken"), whatsAppVerifyToken);
    s.setValue(QStringLiteral("whatsapp/accessToken"), whatsAppAccessToken);
    s.setValue(QStringLiteral("whatsapp/phoneNumberId"), whatsAppPhoneNumberId);
    s.setValue(QStringLiteral("sources/specs"), specSources);
    s.setValue(QStringLiteral("ui/language"), language);
}

} // namespace m1
