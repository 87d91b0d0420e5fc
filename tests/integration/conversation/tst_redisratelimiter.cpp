// The shared (Redis-atomic) rate limiter: the Lua script, its native twin and the in-process
// limiter decide identically, request by request; its accuracy against an exact sliding log at
// window edges; one limit shared by several connections, exact under concurrency.

#include "conversation/inprocessratelimiter.h"
#include "conversation/redisratelimiter.h"
#include "rateaccuracy.h"
#include "storesuite.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kWindow = 60'000;
constexpr qint64 kLimit = 10;
const QString kPhone = u"385981112223"_s;

qint64 windowStart(qint64 ms)
{
    return (ms / kWindow + 1) * kWindow;
}

} // namespace

class tst_RedisRateLimiter : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithInProcessAndReportsAccuracy_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("edge burst") << u"edge burst"_s;
        QTest::newRow("steady") << u"steady"_s;
        QTest::newRow("poisson") << u"poisson"_s;
        QTest::newRow("end loaded") << u"end loaded"_s;
    }
    void agreesWithInProcessAndReportsAccuracy()
    {
        QFETCH(QString, pattern);
        const qint64 start = windowStart(1'700'000'000'000);
        const QList<qint64> times = pattern == u"edge burst"
            ? RateAccuracy::boundaryBurst(start, kWindow, kLimit)
            : pattern == u"steady" ? RateAccuracy::steady(start, 1000, 300)
            : pattern == u"poisson"
            ? RateAccuracy::poisson(start, 3.0 * kLimit / kWindow, 1'800'000, 42)
            : RateAccuracy::endLoadedThenSteady(start, kWindow, kLimit);
        ManualClock now(start);
        RedisRateLimiter shared(m_fx->store(), { kLimit, kWindow }, now);
        InProcessRateLimiter local({ kLimit, kWindow }, now);
        int mismatches = 0;
        QString firstMismatch;
        const RateAccuracy r
            = RateAccuracy::measure(pattern, times, kLimit, kWindow, [&](qint64 t) {
                  now.setMs(t);
                  const RateDecision a = StoreFixture::await(shared.check(kPhone));
                  const RateDecision b = local.check(kPhone);
                  if (a.allowed != b.allowed || a.retryAfterMs != b.retryAfterMs
                      || a.current != b.current || !a.error.isEmpty()) {
                      if (firstMismatch.isEmpty())
                          firstMismatch = QStringLiteral("t=%1 shared %2/%3 local %4/%5 %6")
                                              .arg(t)
                                              .arg(a.allowed)
                                              .arg(a.retryAfterMs)
                                              .arg(b.allowed)
                                              .arg(b.retryAfterMs)
                                              .arg(a.error);
                      ++mismatches;
                  }
                  return a.allowed;
              });
        QFETCH_GLOBAL(QString, backend);
        qInfo().noquote() << backend << r.toString(kLimit);
        QVERIFY2(mismatches == 0, qPrintable(firstMismatch));
        QVERIFY(r.maxInAnyWindow
                <= 2 * kLimit - 1); // the two-window approximation's bound (see the unit test)
    }

    void oneLimitAcrossConnections()
    {
        ManualClock now(windowStart(1'700'000'000'000));
        RedisRateLimiter a(m_fx->store(), { 5, kWindow }, now);
        RedisRateLimiter b(m_fx->second(), { 5, kWindow }, now);
        int admitted = 0;
        for (int i = 0; i < 12; ++i) {
            now.advanceMs(100);
            admitted += StoreFixture::await((i % 2 ? b : a).check(kPhone)).allowed ? 1 : 0;
        }
        QCOMPARE(admitted, 5);
    }

    void exactUnderConcurrency()
    {
        // 4 workers on two connections fire 50 checks each at the same instant: exactly the limit
        // passes.
        ManualClock now(windowStart(1'700'000'000'000) + 1234);
        std::atomic<int> admitted { 0 }, errors { 0 };
        std::vector<std::thread> workers;
        for (int w = 0; w < 4; ++w) {
            workers.emplace_back([&, w] {
                RedisRateLimiter limiter(w % 2 ? m_fx->second() : m_fx->store(), { 30, kWindow },
                                         now);
                for (int i = 0; i < 50; ++i) {
                    const RateDecision d = StoreFixture::await(limiter.check(kPhone));
                    admitted += d.allowed && d.error.isEmpty() ? 1 : 0;
                    errors += d.error.isEmpty() ? 0 : 1;
                }
            });
        }
        for (auto &t : workers)
            t.join();
        QCOMPARE(errors.load(), 0);
        QCOMPARE(admitted.load(), 30);
    }

    void storeFailureFailsOpen()
    {
        const RateDecision d
            = RedisRateLimiter::parse(RedisReply::transportError(u"redis at x is not reachable"_s));
        QVERIFY(d.allowed);
        QVERIFY(d.error.contains(u"not reachable"_s));
    }
};

QTEST_GUILESS_MAIN(tst_RedisRateLimiter)
#include "tst_redisratelimiter.moc"
