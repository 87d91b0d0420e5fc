// EmbeddingSettings: the default is the local embedder; OpenAI and Azure settings build the HTTP
// provider with the key from the environment; mistakes are reported with their JSON pointer.

#include "core/clock.h"
#include "embedding/embeddingsettings.h"
#include "embedding/openaiembeddingprovider.h"

#include <QJsonDocument>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestEmbeddingSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsLocal();
    void azure();
    void errors_data();
    void errors();
};

void TestEmbeddingSettings::defaultIsLocal()
{
    SystemClock clock;
    const auto provider = EmbeddingSettings {}.createProvider(clock, nullptr);
    QCOMPARE(provider->id(), u"local"_s);
    QVERIFY(provider->isLocal());
}

void TestEmbeddingSettings::azure()
{
    EmbeddingSettings settings;
    QString error;
    const QByteArray json
        = "{\"provider\": \"azure\", \"base_url\": \"https://acme.openai.azure.com\", "
          "\"deployment\": \"emb\", \"dimension\": 1536, \"api_key_env\": \"M1_TEST_AZURE_KEY\", "
          "\"max_inputs_per_request\": 16}";
    const bool applied = settings.apply(QJsonDocument::fromJson(json).object(), u"c.json"_s,
                                        u"/embedding"_s, &error);
    QVERIFY2(applied, qPrintable(error));
    qputenv("M1_TEST_AZURE_KEY", "k123");
    SystemClock clock;
    const auto provider = settings.createProvider(clock, nullptr);
    auto *http = dynamic_cast<OpenAiEmbeddingProvider *>(provider.get());
    QVERIFY(http);
    QCOMPARE(http->id(), u"azure"_s);
    QCOMPARE(http->options().apiKey, u"k123"_s);
    QCOMPARE(http->options().maxInputsPerRequest, 16);
    QCOMPARE(http->dimension(), 1536);
}

void TestEmbeddingSettings::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("provider")
        << QByteArray(R"({"provider": "cohere"})")
        << u"c.json: /embedding/provider is \"cohere\"; expected \"local\", \"openai\" or \"azure\""_s;
    QTest::newRow("unknown") << QByteArray(R"({"modle": "x"})")
                             << u"c.json: /embedding/modle is not an embedding setting"_s;
    QTest::newRow("number")
        << QByteArray(R"({"dimension": "big"})")
        << u"c.json: /embedding/dimension must be a whole number from 1 to 65536"_s;
    QTest::newRow("url required")
        << QByteArray(R"({"provider": "openai"})")
        << u"c.json: /embedding/base_url is required for provider \"openai\""_s;
    QTest::newRow("deployment")
        << QByteArray(R"({"provider": "azure", "base_url": "https://a.example"})")
        << u"c.json: /embedding/deployment is required for provider \"azure\""_s;
}

void TestEmbeddingSettings::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    EmbeddingSettings settings;
    QString error;
    QVERIFY(!settings.apply(QJsonDocument::fromJson(json).object(), u"c.json"_s, u"/embedding"_s,
                            &error));
    QCOMPARE(error, message);
    QCOMPARE(settings.provider, u"local"_s);
}

QTEST_GUILESS_MAIN(TestEmbeddingSettings)
#include "tst_embeddingsettings.moc"
