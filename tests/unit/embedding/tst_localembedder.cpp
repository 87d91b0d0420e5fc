// LocalEmbedder: fixed dimension, unit length, identical across instances (a fixed hash, not a
// seeded one), diacritics/inflection/typos land near the intended text, idf fitting. Prints the
// throughput (not asserted: the machine is shared).

#include "embedding/fnvhash.h"
#include "embedding/localembedder.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {
float cosine(const std::vector<float> &a, const std::vector<float> &b)
{
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0f);
}
} // namespace

class TestLocalEmbedder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashIsTheStandardFnv();
    void shapeAndNorm();
    void deterministic();
    void similarityOrdering_data();
    void similarityOrdering();
    void idfFitting();
    void throughput();
};

void TestLocalEmbedder::hashIsTheStandardFnv()
{
    // Published FNV-1a 64-bit test vectors: vectors must not change between runs or platforms.
    QCOMPARE(fnv1a(u""), 0xcbf29ce484222325ull);
    QCOMPARE(fnv1a(u"a"), 0xaf63dc4c8601ec8cull);
    QCOMPARE(fnv1a(u"foobar"), 0x85944171f73967e8ull);
}

void TestLocalEmbedder::shapeAndNorm()
{
    LocalEmbedder embedder(LocalEmbedderOptions { 1000, 3, 5, 1.0f, 1.0f, 0.5f });
    QCOMPARE(embedder.dimension(), 1024); // rounded up to a power of two
    const std::vector<float> v = embedder.embedOne(u"Prijavi štetu na vozilu");
    QCOMPARE(int(v.size()), 1024);
    QVERIFY(std::abs(cosine(v, v) - 1.0f) < 1e-5f);
    const std::vector<float> empty = embedder.embedOne(u"  ?! ");
    QCOMPARE(cosine(empty, empty), 0.0f);
}

void TestLocalEmbedder::deterministic()
{
    const std::vector<float> a = LocalEmbedder().embedOne(u"book a pool car for tomorrow 8-12");
    const std::vector<float> b = LocalEmbedder().embedOne(u"book a pool car for tomorrow 8-12");
    QCOMPARE(a, b);
    const EmbeddingBatchResult batch
        = LocalEmbedder().embedSync({ u"book a pool car for tomorrow 8-12"_s });
    QVERIFY(batch.ok());
    QCOMPARE(batch.vectors.front(), a);
}

void TestLocalEmbedder::similarityOrdering_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("near");
    QTest::addColumn<QString>("far");
    QTest::newRow("diacritics") << u"prijavi stetu na vozilu"_s << u"Prijavi štetu na vozilu"_s
                                << u"Popis rezervacija vozila"_s;
    QTest::newRow("hr inflection") << u"otkaži rezervaciju"_s << u"Otkazivanje rezervacije vozila"_s
                                   << u"Dohvati kilometražu vozila"_s;
    QTest::newRow("en inflection")
        << u"cancelled bookings"_s << u"Cancel a booking"_s << u"Get vehicle mileage"_s;
    QTest::newRow("typo") << u"vehicel milage"_s << u"vehicle mileage"_s << u"fuel card limits"_s;
    QTest::newRow("hr typo") << u"kilometraza vozla"_s << u"kilometraža vozila"_s
                             << u"kartica za gorivo"_s;
}

void TestLocalEmbedder::similarityOrdering()
{
    QFETCH(QString, query);
    QFETCH(QString, near);
    QFETCH(QString, far);
    const LocalEmbedder embedder;
    const std::vector<float> q = embedder.embedOne(query);
    const float toNear = cosine(q, embedder.embedOne(near));
    const float toFar = cosine(q, embedder.embedOne(far));
    QVERIFY2(toNear > toFar + 0.1f, qPrintable(u"near %1, far %2"_s.arg(toNear).arg(toFar)));
}

void TestLocalEmbedder::idfFitting()
{
    const LocalEmbedder plain;
    const QStringList corpus { u"vehicle mileage"_s, u"vehicle location"_s, u"vehicle fuel"_s,
                               u"driver licence"_s };
    const auto fitted = plain.fittedTo(corpus);
    QVERIFY(fitted->isFitted());
    QVERIFY(fitted->model() != plain.model());
    QCOMPARE(fitted->model(), plain.fittedTo(corpus)->model());
    // "vehicle" is everywhere: after fitting, sharing it matters less than sharing "mileage".
    const auto q = fitted->embedOne(u"vehicle mileage");
    const float sameRare = cosine(q, fitted->embedOne(u"mileage report"));
    const float sameCommon = cosine(q, fitted->embedOne(u"vehicle report"));
    QVERIFY2(sameRare > sameCommon, qPrintable(u"%1 vs %2"_s.arg(sameRare).arg(sameCommon)));
}

void TestLocalEmbedder::throughput()
{
    const LocalEmbedder embedder;
    const QStringList texts { u"koliko km ima moj auto"_s, u"book a pool car for tomorrow 8-12"_s,
                              u"prijavi štetu na vozilu ZG-1234-AB"_s,
                              u"where is the nearest fuel station"_s };
    std::vector<float> out(size_t(embedder.dimension()));
    QElapsedTimer timer;
    timer.start();
    const int n = 20000;
    for (int i = 0; i < n; ++i)
        embedder.embedInto(texts[i % texts.size()], out.data());
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    qInfo("local embedder: %.0f short texts/s on one core (%d dims)", n / seconds,
          embedder.dimension());
    QVERIFY(out[0] == out[0]); // the vectors are finite numbers
}

QTEST_GUILESS_MAIN(TestLocalEmbedder)
#include "tst_localembedder.moc"
