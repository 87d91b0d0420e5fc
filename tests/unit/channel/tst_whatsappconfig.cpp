// WhatsAppConfig from a config section and the environment; secrets never shown.

#include "channel/whatsappconfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using m1::WhatsAppConfig;

// moc misreads raw string literals (an odd quote or a '#' inside one hides the test class from
// it), so JSON in this file is written with single quotes and converted here.
static QByteArray quoted(const char *singleQuoted)
{
    QByteArray json(singleQuoted);
    json.replace('\'', '"');
    return json;
}

class TestWhatsAppConfig : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment fullEnvironment()
    {
        QProcessEnvironment env;
        env.insert(u"M1_WHATSAPP_APP_SECRET"_s, u"app-secret-value-123"_s);
        env.insert(u"M1_WHATSAPP_VERIFY_TOKEN"_s, u"verify-token-value-456"_s);
        env.insert(u"M1_WHATSAPP_TOKEN"_s, u"EAAG-access-token-789"_s);
        env.insert(u"M1_WHATSAPP_PHONE_NUMBER_ID"_s, u"106540352242922"_s);
        return env;
    }

private Q_SLOTS:
    void defaults()
    {
        const WhatsAppConfig c;
        QCOMPARE(c.graphApiUrl, u"https://graph.facebook.com"_s);
        QCOMPARE(c.graphApiVersion, u"v21.0"_s);
        QCOMPARE(c.missing(),
                 QStringList({ u"M1_WHATSAPP_APP_SECRET"_s, u"M1_WHATSAPP_VERIFY_TOKEN"_s,
                               u"M1_WHATSAPP_TOKEN"_s, u"M1_WHATSAPP_PHONE_NUMBER_ID"_s }));
        QVERIFY(c.invalid().isEmpty());
    }

    void fromEnvironment()
    {
        QProcessEnvironment env = fullEnvironment();
        env.insert(u"M1_GRAPH_API_URL"_s, u"http://127.0.0.1:9999/"_s);
        env.insert(u"M1_GRAPH_API_VERSION"_s, u"v22.0"_s);
        const WhatsAppConfig c = WhatsAppConfig::fromEnvironment(env);
        QVERIFY(c.missing().isEmpty());
        QVERIFY(c.invalid().isEmpty());
        QCOMPARE(c.accessToken, u"EAAG-access-token-789"_s);
        QCOMPARE(c.messagesUrl(), u"http://127.0.0.1:9999/v22.0/106540352242922/messages"_s);
    }

    void environmentOverridesFile()
    {
        QStringList errors;
        const WhatsAppConfig file = WhatsAppConfig::fromJson(
            QJsonDocument::fromJson(quoted("{'token':'from-file','phone_number_id':'1','graph_api_"
                                           "version':'v20.0','messages_per_second':20}"))
                .object(),
            &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(file.messagesPerSecond, 20.0);
        const WhatsAppConfig c = WhatsAppConfig::fromEnvironment(fullEnvironment(), file);
        QCOMPARE(c.accessToken, u"EAAG-access-token-789"_s);
        QCOMPARE(c.graphApiVersion, u"v20.0"_s); // not in the environment: the file's value stays
        QCOMPARE(c.messagesPerSecond, 20.0);
    }

    void fileErrorsNamePointerAndExpectation()
    {
        QStringList errors;
        WhatsAppConfig::fromJson(
            QJsonDocument::fromJson(quoted("{'token':5,'tokn':'x','messages_per_second':-1}"))
                .object(),
            &errors);
        QCOMPARE(errors.size(), 3);
        QVERIFY(errors.contains(u"/whatsapp/token: expected a string"_s));
        QVERIFY(errors.filter(u"/whatsapp/tokn: unknown key"_s).size() == 1);
        QVERIFY(errors.contains(u"/whatsapp/messages_per_second: expected a number above 0"_s));
    }

    void invalidValuesAreExplained()
    {
        WhatsAppConfig c = WhatsAppConfig::fromEnvironment(fullEnvironment());
        c.graphApiUrl = u"graph.facebook.com"_s;
        c.graphApiVersion = u"21"_s;
        c.phoneNumberId = u"+385 91 123 4567"_s;
        const QStringList problems = c.invalid();
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.at(0).startsWith(u"M1_GRAPH_API_URL"_s));
        QVERIFY(problems.at(1).startsWith(u"M1_GRAPH_API_VERSION"_s));
        QVERIFY(problems.at(2).contains(u"not the phone number itself"_s));
    }

    void secretsAreNeverInTheDescription()
    {
        const WhatsAppConfig c = WhatsAppConfig::fromEnvironment(fullEnvironment());
        const QString text = c.redacted();
        QVERIFY(!c.secrets().isEmpty());
        for (const QString &secret : c.secrets())
            QVERIFY2(!text.contains(secret), qPrintable(text));
        QVERIFY(text.contains(u"token=set(len 21)"_s));
        QVERIFY(text.contains(u"phone_number_id=106540352242922"_s));
        QCOMPARE(c.secrets().size(), 3);
        QVERIFY(c.secrets().contains(u"app-secret-value-123"_s));
        QVERIFY(WhatsAppConfig().secrets().isEmpty());
        QVERIFY(WhatsAppConfig().redacted().contains(u"token=unset"_s));
    }
};

QTEST_GUILESS_MAIN(TestWhatsAppConfig)
#include "tst_whatsappconfig.moc"
