// TermIds: the open-addressing table from term hash to id behind the lexical index, the
// documentation matcher and the example classifier.

#include "search/termids.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace m1;

class TestTermIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyFindsNothing();
    void firstInsertWins();
    void agreesWithAMapThroughGrowth();
    void clusteredKeysStayFindable();
};

void TestTermIds::emptyFindsNothing()
{
    const TermIds ids;
    QCOMPARE(ids.size(), 0);
    QCOMPARE(ids.find(0), -1);
    QCOMPARE(ids.find(~std::uint64_t(0)), -1);
}

void TestTermIds::firstInsertWins()
{
    TermIds ids;
    QCOMPARE(ids.insert(0, 0), std::make_pair(0, true)); // key 0 is a key like any other
    QCOMPARE(ids.insert(42, 1), std::make_pair(1, true));
    QCOMPARE(ids.insert(42, 7), std::make_pair(1, false));
    QCOMPARE(ids.size(), 2);
    QCOMPARE(ids.find(0), 0);
    QCOMPARE(ids.find(42), 1);
    QCOMPARE(ids.find(43), -1);
    const TermIds copy = ids; // indexes are copied and moved with their owners
    QCOMPARE(copy.find(42), 1);
}

void TestTermIds::agreesWithAMapThroughGrowth()
{
    QRandomGenerator random(11);
    TermIds ids;
    std::map<std::uint64_t, int> reference;
    for (int i = 0; i < 20000; ++i) {
        // Few distinct high bits: many repeats, as words repeat across documents.
        const std::uint64_t key = random.generate64() % 15000;
        const auto [id, inserted] = ids.insert(key, int(reference.size()));
        const auto [it, expectedInserted] = reference.try_emplace(key, int(reference.size()));
        QCOMPARE(inserted, expectedInserted);
        QCOMPARE(id, it->second);
    }
    QCOMPARE(ids.size(), int(reference.size()));
    for (const auto &[key, id] : reference)
        QCOMPARE(ids.find(key), id);
    for (std::uint64_t key = 15000; key < 16000; ++key)
        QCOMPARE(ids.find(key), -1);
}

void TestTermIds::clusteredKeysStayFindable()
{
    // Keys that differ only in their high bits, or only by multiples of a power of two, must
    // not pile into one run of slots.
    TermIds ids;
    for (int i = 0; i < 4096; ++i)
        ids.insert(std::uint64_t(i) << 52, i);
    for (int i = 0; i < 4096; ++i)
        ids.insert(std::uint64_t(i) * 1024 + 1, 4096 + i);
    QCOMPARE(ids.size(), 8192);
    for (int i = 0; i < 4096; ++i) {
        QCOMPARE(ids.find(std::uint64_t(i) << 52), i);
        QCOMPARE(ids.find(std::uint64_t(i) * 1024 + 1), 4096 + i);
    }
}

QTEST_GUILESS_MAIN(TestTermIds)
#include "tst_termids.moc"
