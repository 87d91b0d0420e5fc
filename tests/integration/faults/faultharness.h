#pragma once
// The serve runtime in-process for the fault-injection and security tests: the e2e ServeHarness
// (the bundled demo's tools and search, a RedisStore on a test redis-server, a BotService on a
// free loopback port, a FakeGraphApiServer capturing its replies) with secrets of its own, every
// log line captured (redacted, as serve writes them) for the assertions, and the outcome of each
// message under load counted (OutcomeLedger).
#include "core/clock.h"
#include "core/logsink.h"
#include "metaload.h"
#include "outcomeledger.h"
#include "serveharness.h"

#include <QRegularExpression>
#include <QTest>

namespace m1 {

// What a fault test swaps into the runtime: ServeSetup, with four workers unless told.
struct FaultSetup : ServeSetup
{
    FaultSetup() { workers = 4; }
};

// Who sends a test's load: each message comes from a phone of its own (`phonePrefix` and a
// running number, which goes on across loads so no conversation carries over), with the id
// `idPrefix` + tag + '.' + index, asking `ask`.
struct FaultSenders
{
    QString phonePrefix;
    QString idPrefix;
    QString ask;
    qint64 nextPhone = 1'000'000'000;
};

// Base-from-member: the log sink is installed before the runtime starts and outlives it, so it
// sees every line the service writes, shutdown included.
struct FaultLogCapture
{
    explicit FaultLogCapture(LogSinkOptions options)
        : m_logs(m_logClock, std::move(options))
    {
    }

    SystemClock m_logClock;
    LogSink m_logs;
};

class FaultHarness : private FaultLogCapture, public ServeHarness
{
public:
    static QByteArray appSecret() { return QByteArrayLiteral("faults-app-secret-3c9e1a7b5d20f846"); }
    static QString verifyToken() { return QStringLiteral("faults-verify-token-77e2"); }

    using Setup = FaultSetup;

    explicit FaultHarness(RedisTestServer &redis)
        : FaultLogCapture(logOptions())
        , ServeHarness(redis, { appSecret(), verifyToken(), QByteArrayLiteral("faults-in-process") })
    {
    }

    // "" once the service listens.
    QString start(const Setup &setup = {})
    {
        ServeSetup s = setup;
        s.adjust = [adjust = setup.adjust](BotServiceOptions &o) {
            o.pipeline.croatianCatalogue.clear(); // English phrases
            if (adjust)
                adjust(o);
        };
        return ServeHarness::start(s);
    }

    // Every accepted message handled: nothing left in the stream, nothing pending.
    bool settle(int timeoutMs = 60'000) { return ServeHarness::settle(timeoutMs); }

    // `count` messages from `senders`, delivered every `intervalMs` with Meta's redeliveries;
    // waits until each is accepted, the stream is drained and each has an outcome. The
    // (message id, phone) pairs, for tally().
    QList<std::pair<QString, QString>> deliver(FaultSenders &senders, const QString &tag, int count, int intervalMs)
    {
        MetaLoad meta(appSecret());
        meta.setUrl(webhookUrl());
        QList<std::pair<QString, QString>> messages;
        for (int i = 0; i < count; ++i) {
            const QString phone = senders.phonePrefix + QString::number(senders.nextPhone++);
            const QString id = senders.idPrefix + tag + u'.' + QString::number(i);
            meta.addText(phone, senders.ask, id);
            messages.append({ id, phone });
        }
        meta.start(intervalMs);
        if (!meta.waitUntilAccepted(120'000))
            qWarning("only %lld of %d deliveries were accepted", qlonglong(meta.acceptedCount()), count);
        (void)settle(180'000);
        (void)QTest::qWaitFor([&] { return tally(messages).lost == 0; }, 60'000);
        QTest::qWait(300); // a late second answer would show up here
        return messages;
    }

    QList<QJsonObject> records(const QByteArray &stream)
    {
        return OutcomeLedger::records(run(RedisCommand::of("XRANGE", stream, "-", "+")));
    }
    QHash<QString, int> repliesByPhone() const { return OutcomeLedger::repliesByPhone(graph()); }
    OutcomeTally tally(const QList<std::pair<QString, QString>> &messages)
    {
        return OutcomeLedger::tally(messages, repliesByPhone(),
                                    OutcomeLedger::countByMessage(records("m1:failed")),
                                    OutcomeLedger::countByMessage(records("m1:dropped")));
    }

    quint64 counter(const QString &name) { return metrics().counter(name).value(); }
    QString prometheus() { return metrics().prometheusText(); }
    // Captured log records (redacted) whose message matches.
    int logLines(const QRegularExpression &pattern) const
    {
        int n = 0;
        for (const LogRecord &r : m_logs.recent())
            n += pattern.match(r.message).hasMatch() ? 1 : 0;
        return n;
    }
    QString logText() const
    {
        QString out;
        for (const LogRecord &r : m_logs.recent())
            out += r.category + QStringLiteral(": ") + r.message + u'\n';
        return out;
    }

private:
    static LogSinkOptions logOptions()
    {
        LogSinkOptions o;
        o.ringCapacity = 200'000;
        o.secrets = { QString::fromUtf8(appSecret()), verifyToken() };
        return o;
    }
};

} // namespace m1
