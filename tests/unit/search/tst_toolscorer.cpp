// ToolScorer: the breakdown always sums to the total, and each part moves as configured:
// fusion weights, method match/mismatch per intent, user boost with saturation, category,
// documentation and evaluation inputs.

#include "search/toolscorer.h"

#include <QTest>

#include <cmath>

using namespace m1;

namespace {
bool close(float a, float b)
{
    return std::abs(a - b) < 1e-5f;
}
} // namespace

class TestToolScorer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sumsToTotal();
    void fusion();
    void methodDisambiguation();
    void userBoostSaturates();
};

void TestToolScorer::sumsToTotal()
{
    ScoringConfig config;
    ToolScorer scorer(config, { { MethodClass::Read, 0 }, { MethodClass::Create, 1 } });
    const float docs[] = { 0.5f, 0.25f };
    const float evalAdjust[] = { 0.01f, -0.02f };
    const float category[] = { 0.03f, 0.0f };
    const std::pair<int, quint32> user[] = { { 1, 3 } };
    ScoringContext context;
    context.intent = Intent::Create;
    context.lexicalScale = 0.1f;
    context.docs = docs;
    context.evalAdjust = evalAdjust;
    context.categoryBoost = category;
    context.userCounts = user;
    context.userCountSize = 1;
    for (int tool : { 0, 1 }) {
        const ScoreBreakdown b = scorer.score(tool, 0.7f, 4.0f, context);
        QVERIFY(
            close(b.total, b.dense + b.lexical + b.method + b.user + b.category + b.docs + b.eval));
        QVERIFY(close(b.docs, config.docsWeight * docs[tool]));
        QVERIFY(close(b.eval, evalAdjust[tool]));
        QVERIFY(close(b.category, category[tool == 0 ? 0 : 1]));
    }
    QVERIFY(scorer.score(1, 0.7f, 4.0f, context).user > 0);
    QCOMPARE(scorer.score(0, 0.7f, 4.0f, context).user, 0.0f);
}

void TestToolScorer::fusion()
{
    ScoringConfig config;
    config.denseWeight = 0.6f;
    config.lexicalWeight = 0.4f;
    ToolScorer scorer(config, { { MethodClass::Other, -1 } });
    ScoringContext context;
    context.lexicalScale = 0.5f; // the query's upper bound is 2
    ScoreBreakdown b = scorer.score(0, 0.5f, 1.0f, context);
    QVERIFY(close(b.dense, 0.3f));
    QVERIFY(close(b.lexical, 0.2f));
    b = scorer.score(0, 0.5f, 10.0f, context); // the lexical part is capped at its weight
    QVERIFY(close(b.lexical, 0.4f));
}

void TestToolScorer::methodDisambiguation()
{
    ScoringConfig config;
    config.methodMatch = 0.1f;
    config.methodMismatch = -0.2f;
    config.methodWriteFamily = 0.03f;
    ToolScorer scorer(config, {});
    QCOMPARE(scorer.methodPart(Intent::Read, MethodClass::Read), 0.1f);
    QCOMPARE(scorer.methodPart(Intent::Read, MethodClass::Delete), -0.2f);
    QCOMPARE(scorer.methodPart(Intent::Create, MethodClass::Create), 0.1f);
    QCOMPARE(scorer.methodPart(Intent::Create, MethodClass::Update), 0.03f);
    QCOMPARE(scorer.methodPart(Intent::Update, MethodClass::Read), -0.2f);
    QCOMPARE(scorer.methodPart(Intent::Delete, MethodClass::Delete), 0.1f);
    QCOMPARE(scorer.methodPart(Intent::Unknown, MethodClass::Read), 0.0f);
    QCOMPARE(ToolScorer::methodClass(QStringLiteral("PATCH")), MethodClass::Update);
    QCOMPARE(ToolScorer::methodClass(QStringLiteral("HEAD")), MethodClass::Read);
}

void TestToolScorer::userBoostSaturates()
{
    ScoringConfig config;
    config.userWeight = 0.1f;
    config.userSaturation = 10;
    ToolScorer scorer(config, {});
    QCOMPARE(scorer.userPart(0), 0.0f);
    QVERIFY(scorer.userPart(1) > 0.0f);
    QVERIFY(scorer.userPart(5) > scorer.userPart(1));
    QVERIFY(close(scorer.userPart(10), 0.1f));
    QVERIFY(close(scorer.userPart(1000), 0.1f));
}

QTEST_GUILESS_MAIN(TestToolScorer)
#include "tst_toolscorer.moc"
