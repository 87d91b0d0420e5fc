// `m1bot bench --load --json` end to end, briefly: three `m1bot serve` processes on the bench's
// own redis-server, one SIGKILLed midway and restarted. Asserts only on what the JSON counts,
// never on timings: nothing lost, nothing answered twice, every accepted message accounted for
// (a reply, or a record of why not), the queue drained, and the crash really happened.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLoadBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedProcessLosesAndDuplicatesNothing();
    void refusesBadArguments();

private:
    // Runs m1bot with `args`; the exit code, or -1 when it crashed or timed out.
    int run(const QStringList &args, QByteArray *out, QByteArray *err, int timeoutMs)
    {
        QProcess p;
        p.start(QString::fromLocal8Bit(qgetenv("M1BOT")), args);
        if (!p.waitForStarted(30'000))
            return -1;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(10'000);
            return -1;
        }
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
};

void TestLoadBench::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("M1BOT"))
        QSKIP("M1BOT (the m1bot binary) is not set");
    if (QStandardPaths::findExecutable(u"redis-server"_s).isEmpty()
        && QStandardPaths::findExecutable(u"redis-server"_s, { u"/usr/sbin"_s, u"/usr/local/bin"_s }).isEmpty())
        QSKIP("redis-server is not installed");
}

void TestLoadBench::killedProcessLosesAndDuplicatesNothing()
{
    QByteArray out;
    QByteArray err;
    const int code = run({ u"bench"_s, u"--load"_s, u"--json"_s, u"--rate"_s, u"100"_s, u"--duration"_s, u"8"_s,
                           u"--kill-at"_s, u"3"_s, u"--processes"_s, u"3"_s },
                         &out, &err, 240'000);
    QJsonParseError parseError;
    const QJsonObject report = QJsonDocument::fromJson(out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(QString::fromUtf8(out + err)));
    const QJsonObject load = report.value(u"load"_s).toObject();
    qInfo().noquote() << QString::fromUtf8(QJsonDocument(load).toJson(QJsonDocument::Compact));
    QVERIFY2(!load.isEmpty(), qPrintable(QString::fromUtf8(out + err)));
    const auto n = [&load](const char *key) { return load.value(QLatin1StringView(key)).toInt(-1); };

    QCOMPARE(n("sent"), 800);
    QCOMPARE(n("lost"), 0);
    QCOMPARE(n("duplicated"), 0);
    QCOMPARE(n("extra_replies"), 0);
    QVERIFY(load.value(u"drained"_s).toBool());
    // Every message Meta would have delivered was accepted by some process (retried elsewhere
    // when its first process was the killed one)...
    QCOMPARE(n("accepted"), n("sent"));
    QCOMPARE(n("rejected"), 0);
    // ...and got one reply, or (a reply its killed process had reserved and may not have sent)
    // one record saying so: replies = accepted distinct messages, less those in doubt.
    QCOMPARE(n("replies"), n("replied"));
    QCOMPARE(n("replied") + n("unanswered_recorded"), n("accepted"));
    QCOMPARE(n("unanswered_recorded"), n("in_doubt_unreplied"));
    QCOMPARE(n("unaccepted_replied"), 0);
    QCOMPARE(n("stray_replies"), 0);
    QCOMPARE(n("graph_api_refused"), 0);
    // The crash happened: the victim has two lives, the others one, and all stopped cleanly.
    const QJsonObject kill = load.value(u"kill"_s).toObject();
    QCOMPARE(kill.value(u"signal"_s).toString(), u"SIGKILL"_s);
    QVERIFY(kill.value(u"healthy_at_s"_s).toDouble() > 0);
    const QJsonArray processes = load.value(u"per_process"_s).toArray();
    QCOMPARE(processes.size(), 3);
    int accepted = 0;
    for (const QJsonValue &v : processes) {
        const QJsonObject p = v.toObject();
        const bool victim = p.value(u"index"_s).toInt() == kill.value(u"process"_s).toInt();
        QCOMPARE(p.value(u"lives"_s).toInt(), victim ? 2 : 1);
        QCOMPARE(p.value(u"exit_code"_s).toInt(), 0);
        QVERIFY(p.value(u"accepted"_s).toInt() > 0); // the balancer used every process
        accepted += p.value(u"accepted"_s).toInt();
    }
    QCOMPARE(accepted, n("accepted"));
    QCOMPARE(code, 0);
}

void TestLoadBench::refusesBadArguments()
{
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({ u"bench"_s, u"--load"_s, u"--rate"_s, u"0"_s }, &out, &err, 60'000), 2);
    QVERIFY2(err.contains("--rate"), err.constData());
    QCOMPARE(run({ u"bench"_s, u"--load"_s, u"--duration"_s, u"5"_s, u"--kill-at"_s, u"9"_s }, &out, &err, 60'000), 2);
    QVERIFY2(err.contains("--kill-at"), err.constData());
    QCOMPARE(run({ u"bench"_s, u"--load"_s, u"--only"_s, u"e2e"_s }, &out, &err, 60'000), 2);
}

QTEST_GUILESS_MAIN(TestLoadBench)
#include "tst_loadbench.moc"
