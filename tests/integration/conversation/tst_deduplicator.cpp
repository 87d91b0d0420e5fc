// Deduplication under concurrent delivery: the same WhatsApp message handed to several workers
// on different connections at once is processed exactly once, by Deduplicator and by a turn load.

#include "conversation/deduplicator.h"
#include "conversation/turnloader.h"
#include "storesuite.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_Deduplicator : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void firstWinsThenExpires()
    {
        Deduplicator dedup(m_fx->store(), 300, m_fx->clock(), m_fx->metrics());
        const quint64 before = dedup.duplicatesDropped();
        QCOMPARE(StoreFixture::await(dedup.check(u"385"_s, u"wamid.1"_s)),
                 Deduplicator::Verdict::First);
        QCOMPARE(StoreFixture::await(dedup.check(u"385"_s, u"wamid.1"_s)),
                 Deduplicator::Verdict::Duplicate);
        QCOMPARE(StoreFixture::await(dedup.check(u"386"_s, u"wamid.1"_s)),
                 Deduplicator::Verdict::First);
        QCOMPARE(dedup.duplicatesDropped() - before, 1u);
        m_fx->advance(350);
        Deduplicator::Verdict again = Deduplicator::Verdict::Duplicate;
        for (int i = 0; i < 100 && again == Deduplicator::Verdict::Duplicate; ++i) {
            again = StoreFixture::await(dedup.check(u"385"_s, u"wamid.1"_s));
            m_fx->advance(20);
        }
        QCOMPARE(again, Deduplicator::Verdict::First);
    }

    void concurrentDeliveryProcessedOnce()
    {
        // 8 workers, two connections, 50 messages each delivered to every worker.
        constexpr int kWorkers = 8;
        constexpr int kMessages = 50;
        std::vector<std::atomic<int>> proceeded(kMessages);
        std::atomic<int> duplicates { 0 }, other { 0 };
        ConversationConfig config;
        config.rateLimit.limit = 1'000'000;
        std::vector<std::thread> workers;
        for (int w = 0; w < kWorkers; ++w) {
            workers.emplace_back([&, w] {
                TurnLoader loader(w % 2 ? m_fx->second() : m_fx->store(), config, m_fx->metrics());
                for (int i = 0; i < kMessages; ++i) {
                    const int m = (i + w * 3) % kMessages;
                    const TurnLoad t = StoreFixture::await(
                        loader.load({ u"385991000"_s + QString::number(m % 5),
                                      u"wamid."_s + QString::number(m), m_fx->nowMs() }));
                    if (t.outcome == TurnLoad::Outcome::Proceed)
                        ++proceeded[m];
                    else if (t.outcome == TurnLoad::Outcome::Duplicate)
                        ++duplicates;
                    else
                        ++other;
                }
            });
        }
        for (auto &t : workers)
            t.join();
        QCOMPARE(other.load(), 0);
        QCOMPARE(duplicates.load(), kMessages * (kWorkers - 1));
        for (int m = 0; m < kMessages; ++m)
            QVERIFY2(proceeded[m] == 1,
                     qPrintable(u"message "_s + QString::number(m) + u" ran "_s
                                + QString::number(proceeded[m]) + u" times"_s));
    }
};

QTEST_GUILESS_MAIN(tst_Deduplicator)
#include "tst_deduplicator.moc"
