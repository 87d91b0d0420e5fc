// The engine config's "planner" section: defaults, every key, errors with JSON pointers (also
// through ConfigLoader), the API key only from the environment, and the factory's choices.
#include "agent/llmplanner.h"
#include "agent/plannerconfig.h"
#include "agent/plannerfactory.h"
#include "core/clock.h"
#include "facade/configloader.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

PlannerConfig read(const QJsonValue &section, QStringList *errors)
{
    return PlannerConfig::fromJson(section, u"/planner"_s, [errors](const QString &at, const QString &message) {
        errors->append(at + u": "_s + message);
    });
}

} // namespace

class TestPlannerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheRules()
    {
        const PlannerConfig c;
        QCOMPARE(c.kind, PlannerConfig::Kind::Rules);
        QStringList errors;
        const ConfigLoader::Result r = ConfigLoader::fromJson(json(R"({"specs":[]})"), u"m1.json"_s, u"/tmp"_s);
        QVERIFY(r.ok());
        QCOMPARE(r.config.planner.kind, PlannerConfig::Kind::Rules);
    }

    void readsEveryKey()
    {
        QStringList errors;
        // (URLs go in separately: Qt 6.4's moc loses its way on "//" inside raw strings.)
        QJsonObject section = json(R"({"kind":"llm","provider":"azure","deployment":"gpt-4o-mini",
            "apiVersion":"2024-10-21","model":"gpt-4o","topK":7,"timeoutMs":3000,"budgetMs":6000,"maxAttempts":4,
            "historyMessages":2})");
        section.insert(u"endpoint"_s, u"https://acme.openai.azure.com"_s);
        const PlannerConfig c = read(section, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(c.kind, PlannerConfig::Kind::Llm);
        QCOMPARE(c.llm.flavor, LlmPlannerOptions::Flavor::Azure);
        QCOMPARE(c.llm.endpoint, QUrl(u"https://acme.openai.azure.com"_s));
        QCOMPARE(c.llm.deployment, u"gpt-4o-mini"_s);
        QCOMPARE(c.llm.apiVersion, u"2024-10-21"_s);
        QCOMPARE(c.llm.model, u"gpt-4o"_s);
        QCOMPARE(c.llm.topK, 7);
        QCOMPARE(c.llm.timeoutMs, 3000);
        QCOMPARE(c.llm.budgetMs, 6000);
        QCOMPARE(c.llm.retry.maxAttempts, 4);
        QCOMPARE(c.llm.historyMessages, 2);
        QVERIFY(c.llm.apiKey.isEmpty());
        QCOMPARE(c.llm.chatCompletionsUrl().toString(),
                 u"https://acme.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21"_s);
    }

    void openAiUrls_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("url");
        QTest::newRow("root") << u"https://api.openai.com"_s << u"https://api.openai.com/v1/chat/completions"_s;
        QTest::newRow("v1") << u"https://api.openai.com/v1/"_s << u"https://api.openai.com/v1/chat/completions"_s;
        QTest::newRow("full") << u"http://localhost:8080/v1/chat/completions"_s
                              << u"http://localhost:8080/v1/chat/completions"_s;
    }
    void openAiUrls()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, url);
        LlmPlannerOptions o;
        o.endpoint = QUrl(endpoint);
        QCOMPARE(o.chatCompletionsUrl().toString(), url);
    }

    void errorsNameTheValue()
    {
        QStringList errors;
        QJsonObject section = json(R"({"kind":"gpt","provider":"anthropic","topK":0,"timeoutMs":"fast",
            "budgetMs":1.5,"historyMessages":-1,"model":"","colour":"blue","apiKey":"sk-secret"})");
        section.insert(u"endpoint"_s, u"ftp://files.example.com"_s);
        read(section, &errors);
        const QString all = errors.join(u'\n');
        for (const QString &pointer : { u"/planner/kind: "_s, u"/planner/provider: "_s, u"/planner/endpoint: "_s,
                                        u"/planner/topK: "_s, u"/planner/timeoutMs: "_s, u"/planner/budgetMs: "_s,
                                        u"/planner/historyMessages: "_s, u"/planner/model: "_s, u"/planner/colour: "_s,
                                        u"/planner/apiKey: "_s })
            QVERIFY2(all.contains(pointer), qPrintable(pointer + u" missing in:\n"_s + all));
        QVERIFY(all.contains(u"M1_LLM_API_KEY"_s));
        QVERIFY(!all.contains(u"sk-secret"_s)); // a key in a file is refused, never echoed
        QCOMPARE(errors.size(), 10);
    }

    void azureNeedsADeploymentAndAnEndpoint()
    {
        QStringList errors;
        read(json(R"({"kind":"llm","provider":"azure"})"), &errors);
        QCOMPARE(errors.size(), 2);
        QVERIFY(errors.join(u'\n').contains(u"/planner/deployment: required"_s));
        QVERIFY(errors.join(u'\n').contains(u"/planner/endpoint: required"_s));
    }

    void configLoaderReportsWithTheFile()
    {
        const ConfigLoader::Result r = ConfigLoader::fromJson(json(R"({"planner":{"kind":"llm","topK":"five"}})"),
                                                              u"/etc/m1/m1.json"_s, u"/etc/m1"_s);
        QCOMPARE(r.errors, QStringList({ u"/etc/m1/m1.json#/planner/topK: expected a whole number from 1 to 128"_s }));
        const ConfigLoader::Result bad = ConfigLoader::fromJson(json(R"({"planner":[]})"), u"m1.json"_s, u"."_s);
        QCOMPARE(bad.errors, QStringList({ u"m1.json#/planner: expected an object"_s }));
    }

    void factoryBuildsWhatTheConfigSays()
    {
        ManualClock clock;
        PlannerConfig rules;
        PlannerBuild built = PlannerFactory::create(rules, clock, nullptr, QProcessEnvironment());
        QCOMPARE(built.planner->name(), u"rules"_s);
        QVERIFY(built.warning.isEmpty());

        PlannerConfig llm;
        llm.kind = PlannerConfig::Kind::Llm;
        built = PlannerFactory::create(llm, clock, nullptr, QProcessEnvironment());
        QCOMPARE(built.planner->name(), u"rules"_s); // no key: still a working bot
        QVERIFY2(built.warning.contains(u"M1_LLM_API_KEY"_s), qPrintable(built.warning));

        QProcessEnvironment env;
        env.insert(u"M1_LLM_API_KEY"_s, u" sk-test \n"_s);
        llm.llm.topK = 9;
        built = PlannerFactory::create(llm, clock, nullptr, env);
        QCOMPARE(built.planner->name(), u"llm"_s);
        QCOMPARE(built.planner->candidateCount(), 9);
        QVERIFY(built.warning.isEmpty());
        const auto *planner = dynamic_cast<const LlmPlanner *>(built.planner.get());
        QVERIFY(planner);
        QCOMPARE(planner->options().apiKey, u"sk-test"_s);
    }
};

QTEST_GUILESS_MAIN(TestPlannerConfig)
#include "tst_plannerconfig.moc"
