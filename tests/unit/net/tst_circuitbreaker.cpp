// CircuitBreaker: closed → open after N consecutive failures → half-open after the open period
// (one trial) → closed on success or open again on failure. Time from a ManualClock.

#include "core/clock.h"
#include "net/circuitbreaker.h"

#include <QTest>

using namespace m1;

class TestCircuitBreaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAfterConsecutiveFailures();
    void successResetsTheCount();
    void halfOpenLetsOneTrialThrough();
    void failedTrialReopens();
};

void TestCircuitBreaker::opensAfterConsecutiveFailures()
{
    ManualClock clock;
    CircuitBreaker breaker(clock, CircuitBreakerOptions { 3, 1000, 1 });
    for (int i = 0; i < 2; ++i) {
        QVERIFY(breaker.allowRequest());
        breaker.recordFailure();
    }
    QCOMPARE(breaker.state(), CircuitBreaker::State::Closed);
    QVERIFY(breaker.allowRequest());
    breaker.recordFailure();
    QCOMPARE(breaker.state(), CircuitBreaker::State::Open);
    QVERIFY(!breaker.allowRequest());
    QCOMPARE(breaker.remainingOpenMs(), 1000);
    clock.advanceMs(400);
    QCOMPARE(breaker.remainingOpenMs(), 600);
    QVERIFY(!breaker.allowRequest());
}

void TestCircuitBreaker::successResetsTheCount()
{
    ManualClock clock;
    CircuitBreaker breaker(clock, CircuitBreakerOptions { 2, 1000, 1 });
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    QCOMPARE(breaker.state(), CircuitBreaker::State::Closed);
    QCOMPARE(breaker.consecutiveFailures(), 1);
}

void TestCircuitBreaker::halfOpenLetsOneTrialThrough()
{
    ManualClock clock;
    CircuitBreaker breaker(clock, CircuitBreakerOptions { 1, 1000, 1 });
    breaker.recordFailure();
    clock.advanceMs(1000);
    QCOMPARE(breaker.state(), CircuitBreaker::State::HalfOpen);
    QVERIFY(breaker.allowRequest());
    QVERIFY(!breaker.allowRequest()); // only one trial at a time
    breaker.recordSuccess();
    QCOMPARE(breaker.state(), CircuitBreaker::State::Closed);
    QVERIFY(breaker.allowRequest());
}

void TestCircuitBreaker::failedTrialReopens()
{
    ManualClock clock;
    CircuitBreaker breaker(clock, CircuitBreakerOptions { 5, 1000, 1 });
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure();
    clock.advanceMs(1500);
    QVERIFY(breaker.allowRequest());
    breaker.recordFailure(); // one failure in half-open is enough
    QCOMPARE(breaker.state(), CircuitBreaker::State::Open);
    QCOMPARE(breaker.remainingOpenMs(), 1000);
    QCOMPARE(CircuitBreaker::stateName(breaker.state()), QStringLiteral("open"));
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
