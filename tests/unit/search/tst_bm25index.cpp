// Bm25Index: a score computed by hand for a tiny corpus, idf ordering, the shared tokenisation
// (inflected Croatian query meets its document), query upper bound, and top-k order.

#include "search/bm25index.h"

#include <QTest>

#include <cmath>

using namespace m1;
using namespace Qt::StringLiterals;

class TestBm25Index : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputedScore();
    void tokenisationIsShared();
    void topKOrderAndUpperBound();
};

void TestBm25Index::handComputedScore()
{
    Tokenizer::Options raw;
    raw.stem = false;
    raw.dropStopWords = false;
    const Tokenizer tokenizer(raw);
    // Lengths 3, 2, 1 → average 2.
    const Bm25Index index(tokenizer, { u"fuel fuel card"_s, u"fuel station"_s, u"tyres"_s },
                          Bm25Options { 1.2f, 0.75f });
    QCOMPARE(index.documentCount(), 3);
    const double n = 3;
    const double idfFuel = std::log(1 + (n - 2 + 0.5) / (2 + 0.5));
    const double idfCard = std::log(1 + (n - 1 + 0.5) / (1 + 0.5));
    // doc 0: tf(fuel) = 2, tf(card) = 1, length 3.
    const double norm0 = 1.2 * (1 - 0.75 + 0.75 * 3 / 2.0);
    const double expected0 = idfFuel * (2 * 2.2) / (2 + norm0) + idfCard * (1 * 2.2) / (1 + norm0);
    QVERIFY(std::abs(index.score(u"fuel card", 0) - expected0) < 1e-5);
    // doc 1: tf(fuel) = 1, length 2.
    const double norm1 = 1.2 * (1 - 0.75 + 0.75 * 2 / 2.0);
    QVERIFY(std::abs(index.score(u"fuel card", 1) - idfFuel * 2.2 / (1 + norm1)) < 1e-5);
    QCOMPARE(index.score(u"fuel card", 2), 0.0f);
    QCOMPARE(index.score(u"unknown words", 0), 0.0f);
}

void TestBm25Index::tokenisationIsShared()
{
    const Tokenizer tokenizer;
    const Bm25Index index(tokenizer, { u"Otkazivanje rezervacije vozila"_s, u"Popis vozila"_s });
    const auto top = index.topK(u"otkaži rezervaciju", 2);
    QCOMPARE(int(top.size()), 1);
    QCOMPARE(top.front().first, 0);
}

void TestBm25Index::topKOrderAndUpperBound()
{
    const Tokenizer tokenizer;
    const Bm25Index index(tokenizer, { u"pool car booking"_s, u"pool car"_s, u"car"_s, u"fuel"_s });
    const auto top = index.topK(u"pool car booking", 3);
    QCOMPARE(int(top.size()), 3);
    QCOMPARE(top[0].first, 0);
    QCOMPARE(top[1].first, 1);
    QCOMPARE(top[2].first, 2);
    std::vector<int> terms;
    const float upper = index.queryTerms(u"pool car booking zebra", terms);
    QCOMPARE(int(terms.size()), 3); // zebra is unknown
    float known = 0;
    for (int t : terms)
        known += index.idf(t);
    QVERIFY(upper > known); // the unknown word still counts against the match
}

QTEST_GUILESS_MAIN(TestBm25Index)
#include "tst_bm25index.moc"
