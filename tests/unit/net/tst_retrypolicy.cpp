// RetryPolicy: which statuses are retried, exponential backoff with full jitter (injected
// randomness), the cap, and Retry-After in seconds and as an HTTP date.

#include "net/retrypolicy.h"

#include <QDateTime>
#include <QTest>

using namespace m1;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryableStatuses();
    void attemptsAreBounded();
    void backoffGrowsAndIsCapped();
    void jitterScalesTheWait();
    void retryAfterSeconds();
    void retryAfterDate();
    void retryAfterWinsButIsCapped();
};

void TestRetryPolicy::retryableStatuses()
{
    for (int status : { 0, 408, 429, 500, 502, 503, 504 })
        QVERIFY2(RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
    for (int status : { 200, 400, 401, 403, 404, 422, 501 })
        QVERIFY2(!RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
}

void TestRetryPolicy::attemptsAreBounded()
{
    RetryPolicy policy(RetryOptions { 3, 100, 1000, 60000 }, [] { return 0.5; });
    QVERIFY(policy.shouldRetry(1, 500));
    QVERIFY(policy.shouldRetry(2, 429));
    QVERIFY(!policy.shouldRetry(3, 500)); // three attempts made: done
    QVERIFY(!policy.shouldRetry(1, 404));
}

void TestRetryPolicy::backoffGrowsAndIsCapped()
{
    RetryPolicy policy(RetryOptions { 10, 100, 1000, 60000 }, [] { return 0.999999; });
    QCOMPARE(policy.delayMs(1), 99); // ~100 · 2^0
    QCOMPARE(policy.delayMs(2), 199); // ~100 · 2^1
    QCOMPARE(policy.delayMs(3), 399);
    QCOMPARE(policy.delayMs(4), 799);
    QCOMPARE(policy.delayMs(5), 999); // capped at maxDelayMs
    QCOMPARE(policy.delayMs(30), 999);
}

void TestRetryPolicy::jitterScalesTheWait()
{
    double u = 0.0;
    RetryPolicy policy(RetryOptions { 10, 100, 10000, 60000 }, [&u] { return u; });
    QCOMPARE(policy.delayMs(3), 0); // full jitter may retry at once
    u = 0.25;
    QCOMPARE(policy.delayMs(3), 100); // a quarter of 400
}

void TestRetryPolicy::retryAfterSeconds()
{
    QCOMPARE(RetryPolicy::parseRetryAfter("2", 0).value_or(-1), 2000);
    QCOMPARE(RetryPolicy::parseRetryAfter(" 0.5 ", 0).value_or(-1), 500);
    QVERIFY(!RetryPolicy::parseRetryAfter("", 0));
    QVERIFY(!RetryPolicy::parseRetryAfter("soon", 0));
}

void TestRetryPolicy::retryAfterDate()
{
    const QDateTime when(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
    const qint64 now = when.toMSecsSinceEpoch() - 3000;
    QCOMPARE(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now).value_or(-1), 3000);
    // A date in the past means "now".
    QCOMPARE(
        RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now + 10000).value_or(-1), 0);
}

void TestRetryPolicy::retryAfterWinsButIsCapped()
{
    RetryPolicy policy(RetryOptions { 5, 100, 1000, 5000 }, [] { return 0.5; });
    QCOMPARE(policy.delayMs(1, 3000), 3000); // longer than the backoff cap: the server knows best
    QCOMPARE(policy.delayMs(1, 999999), 5000);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
