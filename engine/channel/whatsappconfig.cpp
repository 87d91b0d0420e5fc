#include "channel/whatsappconfig.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr auto EnvAppSecret = "M1_WHATSAPP_APP_SECRET"_L1;
constexpr auto EnvVerifyToken = "M1_WHATSAPP_VERIFY_TOKEN"_L1;
constexpr auto EnvToken = "M1_WHATSAPP_TOKEN"_L1;
constexpr auto EnvPhoneNumberId = "M1_WHATSAPP_PHONE_NUMBER_ID"_L1;
constexpr auto EnvGraphUrl = "M1_GRAPH_API_URL"_L1;
constexpr auto EnvGraphVersion = "M1_GRAPH_API_VERSION"_L1;
constexpr auto EnvRate = "M1_WHATSAPP_MESSAGES_PER_SECOND"_L1;

QString describeSecret(const QString &value)
{
    return value.isEmpty() ? u"unset"_s : u"set(len "_s + QString::number(value.size()) + u')';
}

} // namespace

WhatsAppConfig WhatsAppConfig::fromJson(const QJsonObject &section, QStringList *errors,
                                        const QString &pointer)
{
    WhatsAppConfig c;
    auto report = [errors, &pointer](const QString &key, const QString &what) {
        if (errors)
            errors->append(pointer + u'/' + key + u": "_s + what);
    };
    for (auto it = section.begin(); it != section.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue &v = it.value();
        QString *target = nullptr;
        if (key == "app_secret"_L1)
            target = &c.appSecret;
        else if (key == "verify_token"_L1)
            target = &c.verifyToken;
        else if (key == "token"_L1)
            target = &c.accessToken;
        else if (key == "phone_number_id"_L1)
            target = &c.phoneNumberId;
        else if (key == "graph_api_url"_L1)
            target = &c.graphApiUrl;
        else if (key == "graph_api_version"_L1)
            target = &c.graphApiVersion;
        if (target) {
            if (v.isString())
                *target = v.toString();
            else
                report(key, u"expected a string"_s);
        } else if (key == "messages_per_second"_L1) {
            if (v.isDouble() && v.toDouble() > 0)
                c.messagesPerSecond = v.toDouble();
            else
                report(key, u"expected a number above 0"_s);
        } else {
            report(key,
                   u"unknown key; expected one of app_secret, verify_token, token, "
                   u"phone_number_id, graph_api_url, graph_api_version, messages_per_second"_s);
        }
    }
    return c;
}

WhatsAppConfig WhatsAppConfig::fromEnvironment(const QProcessEnvironment &environment,
                                               WhatsAppConfig base)
{
    auto take = [&environment](QLatin1StringView name, QString &target) {
        const QString value = environment.value(name);
        if (!value.isEmpty())
            target = value;
    };
    take(EnvAppSecret, base.appSecret);
    take(EnvVerifyToken, base.verifyToken);
    take(EnvToken, base.accessToken);
    take(EnvPhoneNumberId, base.phoneNumberId);
    take(EnvGraphUrl, base.graphApiUrl);
    take(EnvGraphVersion, base.graphApiVersion);
    bool ok = false;
    const double rate = environment.value(EnvRate).toDouble(&ok);
    if (ok && rate > 0)
        base.messagesPerSecond = rate;
    return base;
}

WhatsAppConfig WhatsAppConfig::fromEnvironment(const QProcessEnvironment &environment)
{
    return fromEnvironment(environment, WhatsAppConfig());
}

QStringList WhatsAppConfig::missing() const
{
    QStringList out;
    if (appSecret.isEmpty())
        out.append(EnvAppSecret);
    if (verifyToken.isEmpty())
        out.append(EnvVerifyToken);
    if (accessToken.isEmpty())
        out.append(EnvToken);
    if (phoneNumberId.isEmpty())
        out.append(EnvPhoneNumberId);
    return out;
}

QStringList WhatsAppConfig::invalid() const
{
    QStringList out;
    const QUrl url(graphApiUrl);
    if (!url.isValid() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)
        || url.host().isEmpty())
        out.append(QString(EnvGraphUrl)
                   + u": expected an http(s) URL such as https://graph.facebook.com, found \""_s
                   + graphApiUrl + u'"');
    static const QRegularExpression versionPattern(u"^v\\d+\\.\\d+$"_s);
    if (!versionPattern.match(graphApiVersion).hasMatch())
        out.append(QString(EnvGraphVersion) + u": expected a version such as v21.0, found \""_s
                   + graphApiVersion + u'"');
    static const QRegularExpression digits(u"^\\d+$"_s);
    if (!phoneNumberId.isEmpty() && !digits.match(phoneNumberId).hasMatch())
        out.append(QString(EnvPhoneNumberId)
                   + u": expected the numeric phone number id from Meta's "
                     u"app dashboard (not the phone number itself)"_s);
    if (!(messagesPerSecond > 0))
        out.append(QString(EnvRate) + u": expected a number above 0"_s);
    return out;
}

QString WhatsAppConfig::redacted() const
{
    return u"graph_api="_s + graphApiUrl + u'/' + graphApiVersion + u" phone_number_id="_s
        + (phoneNumberId.isEmpty() ? u"unset"_s : phoneNumberId) + u" token="_s
        + describeSecret(accessToken) + u" app_secret="_s + describeSecret(appSecret)
        + u" verify_token="_s + describeSecret(verifyToken) + u" messages_per_second="_s
        + QString::number(messagesPerSecond);
}

QStringList WhatsAppConfig::secrets() const
{
    QStringList out;
    for (const QString *s : { &appSecret, &verifyToken, &accessToken }) {
        if (!s->isEmpty())
            out.append(*s);
    }
    return out;
}

QString WhatsAppConfig::messagesUrl() const
{
    QString base = graphApiUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + u'/' + graphApiVersion + u'/' + phoneNumberId + u"/messages"_s;
}

} // namespace m1
