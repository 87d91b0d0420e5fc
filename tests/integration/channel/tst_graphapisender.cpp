// GraphApiSender against the loopback FakeGraphApiServer: success, retries with backoff,
// permanent errors, timeouts and the per-number throughput limit.

#include "channel/graphapisender.h"
#include "core/metricsregistry.h"
#include "net/networkclients.h"
#include "testsupport/fakegraphapiserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::StringLiterals;
using namespace m1;

class TestGraphApiSender : public QObject
{
    Q_OBJECT

private:
    SystemClock m_clock;
    std::unique_ptr<NetworkClients> m_clients;
    std::unique_ptr<FakeGraphApiServer> m_fake;
    QList<qint64> m_arrivalsMs;
    QElapsedTimer m_elapsed;

    GraphApiSenderOptions options() const
    {
        GraphApiSenderOptions o = GraphApiSenderOptions::fromConfig(m_fake->config());
        o.retry.maxAttempts = 4;
        o.retry.baseDelayMs = 100;
        o.requestTimeoutMs = 5'000;
        return o;
    }

    // Jitter fixed at the middle of its range, so delays are known.
    std::unique_ptr<GraphApiSender> makeSender(const GraphApiSenderOptions &o,
                                               const Clock *clock = nullptr)
    {
        return std::make_unique<GraphApiSender>(o, *m_clients, clock ? *clock : m_clock, nullptr,
                                                [] { return 0.5; });
    }

    static SendResult await(QFuture<SendResult> future)
    {
        [&] { QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20'000); }();
        return future.isFinished() && future.resultCount() > 0 ? future.result() : SendResult();
    }

    static OutboundMessage text(const QString &body = u"Your car has 12 345 km."_s)
    {
        return OutboundMessage::textMessage(u"385911234567"_s, body);
    }

private Q_SLOTS:
    void init()
    {
        m_clients = std::make_unique<NetworkClients>();
        m_fake = std::make_unique<FakeGraphApiServer>();
        QString error;
        QVERIFY2(m_fake->listen(&error), qPrintable(error));
        m_arrivalsMs.clear();
        m_elapsed.start();
        connect(m_fake.get(), &FakeGraphApiServer::requestReceived, this,
                [this] { m_arrivalsMs.append(m_elapsed.elapsed()); });
    }

    void cleanup()
    {
        m_fake.reset();
        m_clients.reset();
    }

    void success()
    {
        auto sender = makeSender(options());
        QSignalSpy finished(sender.get(), &GraphApiSender::sendFinished);
        const SendResult r = await(sender->send(text()));
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(r.wamid, u"wamid.FAKE1"_s);
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(m_fake->requestCount(), 1);
        const auto &request = m_fake->requests().first();
        QCOMPARE(request.method, "POST"_ba);
        QCOMPARE(request.path, u"/v21.0/106540352242922/messages"_s);
        QCOMPARE(request.authorization, "Bearer test-token"_ba);
        QVERIFY(request.contentType.startsWith("application/json"));
        QCOMPARE(request.json.value("text"_L1).toObject().value("body"_L1).toString(),
                 u"Your car has 12 345 km."_s);
        QCOMPARE(request.status, 200);
        QCOMPARE(sender->stats().sent, 1u);
    }

    void buttonsListAndMarkRead()
    {
        auto sender = makeSender(options());
        const auto buttons
            = OutboundMessage::buttonsMessage(u"385911234567"_s, u"Confirm booking?"_s,
                                              { { u"yes"_s, u"Yes"_s }, { u"no"_s, u"No"_s } });
        OutboundMessage::ListSpec list {
            u"Choose"_s, { { u"Cars"_s, { { u"c1"_s, u"ZG-1234-AB"_s, u"Octavia"_s } } } }
        };
        QVERIFY(await(sender->send(buttons)).ok);
        QVERIFY(await(sender->send(
                          OutboundMessage::listMessage(u"385911234567"_s, u"Which car?"_s, list)))
                    .ok);
        const SendResult read = await(sender->send(OutboundMessage::markRead(u"wamid.IN"_s)));
        QVERIFY(read.ok);
        QVERIFY(read.wamid.isEmpty());
        QCOMPARE(m_fake->succeededCount(), 3);
    }

    void rateLimitThenSuccessHonoursRetryAfter()
    {
        m_fake->failNext(1, 429, 130429, "1"_ba);
        auto sender = makeSender(options());
        const SendResult r = await(sender->send(text()));
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(m_fake->requests().first().status, 429);
        QCOMPARE(m_arrivalsMs.size(), 2);
        // Only a lower bound: the retry must not come before Meta said it may.
        QVERIFY2(m_arrivalsMs.at(1) - m_arrivalsMs.at(0) >= 950,
                 qPrintable(QString::number(m_arrivalsMs.at(1) - m_arrivalsMs.at(0))));
        QCOMPARE(sender->stats().retries, 1u);
    }

    void rateLimitCodesOnA400AreRetried_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("130429") << 130429;
        QTest::newRow("131056") << 131056;
        QTest::newRow("4") << 4;
        QTest::newRow("80007") << 80007;
    }

    void rateLimitCodesOnA400AreRetried()
    {
        QFETCH(int, code);
        m_fake->failNext(2, 400, code);
        auto sender = makeSender(options());
        const SendResult r = await(sender->send(text()));
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(r.attempts, 3);
        // Backoff without Retry-After: full jitter of base * 2^(n-1); at u = 0.5 that is 50 then
        // 100 ms. Lower bounds only.
        QCOMPARE(m_arrivalsMs.size(), 3);
        QVERIFY(m_arrivalsMs.at(1) - m_arrivalsMs.at(0) >= 45);
        QVERIFY(m_arrivalsMs.at(2) - m_arrivalsMs.at(1) >= 95);
    }

    void serverErrorsAreRetried()
    {
        m_fake->failNext(2, 500);
        auto sender = makeSender(options());
        const SendResult r = await(sender->send(text()));
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(sender->stats().retries, 2u);
        QCOMPARE(sender->stats().requests, 3u);
    }

    void retriesRunOut()
    {
        m_fake->failNext(10, 503);
        auto sender = makeSender(options());
        const SendResult r = await(sender->send(text()));
        QVERIFY(!r.ok);
        QCOMPARE(r.attempts, 4);
        QCOMPARE(r.httpStatus, 503);
        QVERIFY(r.retryable);
        QCOMPARE(m_fake->requestCount(), 4);
        QCOMPARE(sender->stats().failed, 1u);
    }

    void windowClosedIsNotRetriedAndReported()
    {
        m_fake->failNext(1, 400, 131047);
        auto sender = makeSender(options());
        const SendResult r = await(sender->send(text()));
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, 131047);
        QCOMPARE(r.httpStatus, 400);
        QCOMPARE(r.attempts, 1);
        QVERIFY(!r.retryable);
        QVERIFY2(r.errorMessage.contains(u"more than 24 hours"_s), qPrintable(r.errorMessage));
        QVERIFY(r.errorMessage.contains(u"fbtrace_id"_s));
        QCOMPARE(m_fake->requestCount(), 1);
        QCOMPARE(sender->stats().retries, 0u);
    }

    void otherPermanentErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("131026 undeliverable") << 131026 << 400;
        QTest::newRow("100 invalid parameter") << 100 << 400;
        QTest::newRow("190 token on a 401") << 190 << 401;
    }

    void otherPermanentErrors()
    {
        QFETCH(int, code);
        QFETCH(int, status);
        m_fake->failNext(1, status, code);
        auto sender = makeSender(options());
        const SendResult r = await(sender->send(text()));
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, code);
        QCOMPARE(r.attempts, 1);
    }

    void wrongTokenIsRefusedByTheFake()
    {
        GraphApiSenderOptions o = options();
        o.accessToken = u"expired"_s;
        auto sender = makeSender(o);
        const SendResult r = await(sender->send(text()));
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 401);
        QCOMPARE(r.errorCode, 190);
        QCOMPARE(r.attempts, 1);
    }

    void invalidMessagesNeverLeave()
    {
        auto sender = makeSender(options());
        auto tooMany = OutboundMessage::buttonsMessage(
            u"1"_s, u"?"_s,
            { { u"a"_s, u"A"_s }, { u"b"_s, u"B"_s }, { u"c"_s, u"C"_s }, { u"d"_s, u"D"_s } });
        const SendResult r = await(sender->send(tooMany));
        QVERIFY(!r.ok);
        QCOMPARE(r.attempts, 0);
        QVERIFY(r.errorMessage.contains(u"1 to 3"_s));
        QCOMPARE(m_fake->requestCount(), 0);
    }

    void timeoutIsReported()
    {
        m_fake->hangNext(1);
        GraphApiSenderOptions o = options();
        o.requestTimeoutMs = 300;
        o.retryTimeouts = false;
        auto sender = makeSender(o);
        const SendResult r = await(sender->send(text()));
        QVERIFY(!r.ok);
        QVERIFY(r.timedOut);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.errorMessage.contains(u"within 300 ms"_s));
    }

    void timeoutIsRetriedWhenAllowed()
    {
        m_fake->hangNext(1);
        GraphApiSenderOptions o = options();
        o.requestTimeoutMs = 300;
        auto sender = makeSender(o);
        const SendResult r = await(sender->send(text()));
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(r.attempts, 2);
    }

    void unreachableServerIsATransportError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        GraphApiSenderOptions o = options();
        o.messagesUrl
            = QUrl(u"http://127.0.0.1:"_s + QString::number(closedPort) + u"/v21.0/1/messages"_s);
        o.retry.maxAttempts = 2;
        auto sender = makeSender(o);
        const SendResult r = await(sender->send(text()));
        QVERIFY(!r.ok);
        QCOMPARE(r.httpStatus, 0);
        QCOMPARE(r.attempts, 2);
        QVERIFY(r.retryable);
        QVERIFY2(r.errorMessage.contains(u"could not reach"_s), qPrintable(r.errorMessage));
    }

    void throughputLimitIsCountedNotTimed()
    {
        // A clock that does not move: the bucket never refills, so exactly burst messages go at
        // once and every other one waits its turn, however slow the machine is.
        ManualClock still;
        GraphApiSenderOptions o = options();
        o.messagesPerSecond = 20;
        o.burst = 2;
        auto sender = makeSender(o, &still);
        QList<QFuture<SendResult>> futures;
        for (int i = 0; i < 6; ++i)
            futures.append(sender->send(text(QString::number(i))));
        for (auto &f : futures)
            QVERIFY(await(f).ok);
        QCOMPARE(sender->stats().throttled, 4u);
        QCOMPARE(m_fake->succeededCount(), 6);
    }

    void sendFromAnotherThread()
    {
        auto sender = makeSender(options());
        QFuture<SendResult> inner;
        QtConcurrent::run([&] {
            inner = sender->send(text(u"from a worker"_s));
        }).waitForFinished();
        const SendResult r = await(inner);
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(
            m_fake->requests().first().json.value("text"_L1).toObject().value("body"_L1).toString(),
            u"from a worker"_s);
    }

    void shutdownFinishesPendingSends()
    {
        m_fake->hangNext(1);
        auto sender = makeSender(options());
        QFuture<SendResult> f = sender->send(text());
        QTRY_COMPARE(m_fake->requestCount(), 1);
        sender.reset();
        const SendResult r = await(f);
        QVERIFY(!r.ok);
        QVERIFY(r.errorMessage.contains(u"shut down"_s));
    }

    void metricsAreRegistered()
    {
        MetricsRegistry metrics(m_clock);
        GraphApiSender sender(options(), *m_clients, m_clock, &metrics);
        m_fake->failNext(1, 500);
        QVERIFY(await(sender.send(text())).ok);
        const QString exposition = metrics.prometheusText();
        QVERIFY(exposition.contains(u"m1_channel_send_ok_total 1"_s));
        QVERIFY(exposition.contains(u"m1_channel_send_retries_total 1"_s));
        QVERIFY(exposition.contains(u"m1_channel_send_requests_total 2"_s));
    }
};

QTEST_GUILESS_MAIN(TestGraphApiSender)
#include "tst_graphapisender.moc"
