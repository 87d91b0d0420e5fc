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
    for (const QString &s : secretValues()) {
        if (!s.isEmpty())
            out.append(s);
    }
    // A password inside a Redis URL (redis://:secret@host) is a secret too.
    if (const QString password = QUrl(redisUrl).password(); !password.isEmpty())
        out.append(password);
    return out;
}

QStringList ConsoleSettings::secretKeys()
{
    return {QStringLiteral("embedding/openaiKey"), QStringLiteral("embedding/azureKey"), QStringLiteral("planner/key"),
            QStringLiteral("whatsapp/appSecret"), QStringLiteral("whatsapp/verifyToken"),
            QStringLiteral("whatsapp/accessToken")};
}

QHash<QString, QString> ConsoleSettings::secretValues() const
{
    const QStringList keys = secretKeys();
    const QStringList values = {openAiKey, azureKey, plannerKey, whatsAppAppSecret, whatsAppVerifyToken,
                                whatsAppAccessToken};
    QHash<QString, QString> out;
    for (qsizetype i = 0; i < keys.size(); ++i)
        out.insert(keys.at(i), values.at(i));
    return out;
}

void ConsoleSettings::setSecretValues(const QHash<QString, QString> &values)
{
    const QStringList keys = secretKeys();
    QString *fields[] = {&openAiKey, &azureKey, &plannerKey, &whatsAppAppSecret, &whatsAppVerifyToken,
                         &whatsAppAccessToken};
    for (qsizetype i = 0; i < keys.size(); ++i)
        *fields[i] = values.value(keys.at(i));
}

ConsoleSettings ConsoleSettings::load(const QSettings &s)
{
    ConsoleSettings c;
    c.storeKind = storeKindFrom(s.value(QStringLiteral("store/kind"), storeKindName(c.storeKind)).toString());
    c.redisUrl = s.value(QStringLiteral("store/redisUrl"), c.redisUrl).toString();
    c.embeddingProvider = s.value(QStringLiteral("embedding/provider"), c.embeddingProvider).toString();
    c.openAiBaseUrl = s.value(QStringLiteral("embedding/openaiBaseUrl"), c.openAiBaseUrl).toString();
    c.openAiModel = s.value(QStringLiteral("embedding/openaiModel"), c.openAiModel).toString();
    c.azureEndpoint = s.value(QStringLiteral("embedding/azureEndpoint")).toString();
    c.azureDeployment = s.value(QStringLiteral("embedding/azureDeployment")).toString();
    c.azureApiVersion = s.value(QStringLiteral("embedding/azureApiVersion"), c.azureApiVersion).toString();
    c.planner = s.value(QStringLiteral("planner/kind"), c.planner).toString();
    c.plannerProvider = s.value(QStringLiteral("planner/provider"), c.plannerProvider).toString();
    c.plannerEndpoint = s.value(QStringLiteral("planner/endpoint"), c.plannerEndpoint).toString();
    c.plannerModel = s.value(QStringLiteral("planner/model"), c.plannerModel).toString();
    c.plannerDeployment = s.value(QStringLiteral("planner/deployment")).toString();
    c.plannerApiVersion = s.value(QStringLiteral("planner/apiVersion"), c.plannerApiVersion).toString();
    c.whatsAppPhoneNumberId = s.value(QStringLiteral("whatsapp/phoneNumberId")).toString();
    c.graphApiUrl = s.value(QStringLiteral("whatsapp/graphApiUrl"), c.graphApiUrl).toString();
    c.webhookEnabled = s.value(QStringLiteral("webhook/enabled"), c.webhookEnabled).toBool();
    c.webhookBind = s.value(QStringLiteral("webhook/bind"), c.webhookBind).toString();
    c.webhookPort = s.value(QStringLiteral("webhook/port"), c.webhookPort).toInt();
    c.webhookExecutor = s.value(QStringLiteral("webhook/executor"), c.webhookExecutor).toString();
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
    s.setValue(QStringLiteral("embedding/azureEndpoint"), azureEndpoint);
    s.setValue(QStringLiteral("embedding/azureDeployment"), azureDeployment);
    s.setValue(QStringLiteral("embedding/azureApiVersion"), azureApiVersion);
    s.setValue(QStringLiteral("planner/kind"), planner);
    s.setValue(QStringLiteral("planner/provider"), plannerProvider);
    s.setValue(QStringLiteral("planner/endpoint"), plannerEndpoint);
    s.setValue(QStringLiteral("planner/model"), plannerModel);
    s.setValue(QStringLiteral("planner/deployment"), plannerDeployment);
    s.setValue(QStringLiteral("planner/apiVersion"), plannerApiVersion);
    s.setValue(QStringLiteral("whatsapp/phoneNumberId"), whatsAppPhoneNumberId);
    s.setValue(QStringLiteral("whatsapp/graphApiUrl"), graphApiUrl);
    s.setValue(QStringLiteral("webhook/enabled"), webhookEnabled);
    s.setValue(QStringLiteral("webhook/bind"), webhookBind);
    s.setValue(QStringLiteral("webhook/port"), webhookPort);
    s.setValue(QStringLiteral("webhook/executor"), webhookExecutor);
    s.setValue(QStringLiteral("sources/specs"), specSources);
    s.setValue(QStringLiteral("ui/language"), language);
}

} // namespace m1
