#include "core/clock.h"
#include "core/logcategories.h"
#include "core/logsink.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

// Stands in for whatever handler was installed before a sink (QTest's own, in real runs).
QStringList g_seenByPrevious;
void previousHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_seenByPrevious.append(message);
}

void write(LogSink &sink, const QString &message, QtMsgType type = QtInfoMsg)
{
    const QMessageLogContext context(nullptr, 0, nullptr, "m1.engine");
    sink.write(type, context, message);
}

QStringList messages(const QList<LogRecord> &records)
{
    QStringList out;
    for (const LogRecord &r : records)
        out.append(r.message);
    return out;
}

} // namespace

class TestLogSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void ringKeepsRecentRecords();
    void sinceReturnsOnlyNewer();
    void writesRedactedJsonLinesToFile();
    void unopenableFileFallsBackToStderr();
    void installsAndRestoresHandler();
    void nestedSinksInAnyOrder();
    void setSecretsAppliesToLaterMessages();
    void concurrentWriters();

private:
    QTemporaryDir m_dir;
};

void TestLogSink::init()
{
    g_seenByPrevious.clear();
}

void TestLogSink::ringKeepsRecentRecords()
{
    ManualClock clock(1'000);
    LogSinkOptions options;
    options.install = false;
    options.ringCapacity = 3;
    options.filePath = m_dir.filePath(u"ring.log"_s);
    LogSink sink(clock, options);
    QVERIFY(!sink.isInstalled());
    QVERIFY(sink.recent().isEmpty());
    for (int i = 1; i <= 5; ++i) {
        write(sink, u"m"_s + QString::number(i), i == 5 ? QtWarningMsg : QtInfoMsg);
        clock.advanceMs(10);
    }
    QCOMPARE(sink.lastSequence(), quint64(5));
    const QList<LogRecord> recent = sink.recent();
    QCOMPARE(messages(recent), (QStringList{u"m3"_s, u"m4"_s, u"m5"_s}));
    QCOMPARE(recent.last().sequence, quint64(5));
    QCOMPARE(recent.last().type, QtWarningMsg);
    QCOMPARE(recent.last().timeMs, qint64(1'040));
    QCOMPARE(recent.last().category, u"m1.engine"_s);
    QCOMPARE(messages(sink.recent(2)), (QStringList{u"m4"_s, u"m5"_s}));
    QVERIFY(sink.recent(0).isEmpty());
    QCOMPARE(sink.recent(100).size(), 3);
}

void TestLogSink::sinceReturnsOnlyNewer()
{
    ManualClock clock;
    LogSinkOptions options;
    options.install = false;
    options.ringCapacity = 4;
    options.filePath = m_dir.filePath(u"since.log"_s);
    LogSink sink(clock, options);
    write(sink, u"a"_s);
    write(sink, u"b"_s);
    const quint64 seen = sink.lastSequence();
    QVERIFY(sink.since(seen).isEmpty());
    write(sink, u"c"_s);
    QCOMPARE(messages(sink.since(seen)), QStringList{u"c"_s});
    // A reader that fell behind gets what the ring still holds.
    for (int i = 0; i < 10; ++i)
        write(sink, u"x"_s + QString::number(i));
    const QList<LogRecord> behind = sink.since(seen);
    QCOMPARE(behind.size(), 4);
    QCOMPARE(behind.first().sequence, quint64(10));
}

void TestLogSink::writesRedactedJsonLinesToFile()
{
    ManualClock clock(1'714'557'600'000);
    const QString path = m_dir.filePath(u"json.log"_s);
    {
        LogSinkOptions options;
        options.install = false;
        options.format = LogFormatter::Format::Json;
        options.filePath = path;
        options.secrets = {u"s3cr3t-token"_s};
        LogSink sink(clock, options);
        QVERIFY(sink.errorString().isEmpty());
        write(sink, u"reply to +385 91 234 5123"_s);
        write(sink, u"auth s3cr3t-token ok\nsecond line"_s, QtWarningMsg);
        QCOMPARE(sink.recent().last().message, u"auth *** ok\nsecond line"_s); // the ring is redacted too
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two lines and the empty rest after the final newline
    QVERIFY(lines[2].isEmpty());
    QJsonParseError error;
    const QJsonObject first = QJsonDocument::fromJson(lines[0], &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(first.value(u"msg"_s).toString(), u"reply to +385******123"_s);
    QCOMPARE(first.value(u"ts"_s).toString(), u"2024-05-01T10:00:00.000Z"_s);
    const QJsonObject second = QJsonDocument::fromJson(lines[1], &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(second.value(u"level"_s).toString(), u"warning"_s);
    QVERIFY(!lines[1].contains("s3cr3t"));
}

void TestLogSink::unopenableFileFallsBackToStderr()
{
    ManualClock clock;
    LogSinkOptions options;
    options.install = false;
    options.filePath = m_dir.filePath(u"no/such/folder/x.log"_s);
    LogSink sink(clock, options);
    QVERIFY(sink.errorString().contains(u"no/such/folder/x.log"));
    write(sink, u"still logged"_s); // to stderr, and to the ring
    QCOMPARE(sink.recent().last().message, u"still logged"_s);
}

void TestLogSink::installsAndRestoresHandler()
{
    const QtMessageHandler qtest = qInstallMessageHandler(previousHandler);
    ManualClock clock;
    {
        LogSinkOptions options;
        options.filePath = m_dir.filePath(u"installed.log"_s);
        LogSink sink(clock, options);
        QVERIFY(sink.isInstalled());
        qCWarning(lcEngine) << "through the sink" << "0912345678";
        QVERIFY(g_seenByPrevious.isEmpty());
        const LogRecord last = sink.recent().last();
        QCOMPARE(last.message, u"through the sink *******678"_s);
        QCOMPARE(last.category, u"m1.engine"_s);
        QCOMPARE(last.type, QtWarningMsg);
    }
    qWarning("after the sink");
    qInstallMessageHandler(qtest);
    QCOMPARE(g_seenByPrevious, QStringList{u"after the sink"_s});
}

void TestLogSink::nestedSinksInAnyOrder()
{
    const QtMessageHandler qtest = qInstallMessageHandler(previousHandler);
    ManualClock clock;
    LogSinkOptions options;
    options.filePath = m_dir.filePath(u"nested.log"_s);
    auto outer = std::make_unique<LogSink>(clock, options);
    auto inner = std::make_unique<LogSink>(clock, options);
    qCInfo(lcGraph, "one");
    QCOMPARE(inner->recent().size(), 1);
    QVERIFY(outer->recent().isEmpty());
    outer.reset(); // destroyed first, though installed first
    qCInfo(lcGraph, "two");
    QCOMPARE(inner->recent().size(), 2);
    inner.reset();
    qCInfo(lcGraph, "three");
    qInstallMessageHandler(qtest);
    QCOMPARE(g_seenByPrevious, QStringList{u"three"_s});
}

void TestLogSink::setSecretsAppliesToLaterMessages()
{
    ManualClock clock;
    LogSinkOptions options;
    options.install = false;
    options.filePath = m_dir.filePath(u"secrets.log"_s);
    LogSink sink(clock, options);
    write(sink, u"key abcdefgh"_s);
    sink.setSecrets({u"abcdefgh"_s});
    write(sink, u"key abcdefgh"_s);
    QCOMPARE(messages(sink.recent()), (QStringList{u"key abcdefgh"_s, u"key ***"_s}));
}

void TestLogSink::concurrentWriters()
{
    ManualClock clock;
    LogSinkOptions options;
    options.ringCapacity = 100;
    options.filePath = m_dir.filePath(u"concurrent.log"_s);
    const QtMessageHandler qtest = qInstallMessageHandler(previousHandler);
    {
        LogSink sink(clock, options);
        std::vector<std::thread> workers;
        for (int t = 0; t < 4; ++t) {
            workers.emplace_back([t] {
                for (int i = 0; i < 500; ++i)
                    qCInfo(lcSearch).noquote() << "t" << t << "i" << i;
            });
        }
        // A reader polls meanwhile, as the console would.
        quint64 seen = 0;
        for (int i = 0; i < 100; ++i) {
            for (const LogRecord &r : sink.since(seen)) {
                QVERIFY(r.sequence > seen);
                seen = r.sequence;
            }
        }
        for (auto &w : workers)
            w.join();
        QCOMPARE(sink.lastSequence(), quint64(2000));
        const QList<LogRecord> recent = sink.recent();
        QCOMPARE(recent.size(), 100);
        for (qsizetype i = 1; i < recent.size(); ++i)
            QCOMPARE(recent[i].sequence, recent[i - 1].sequence + 1);
    }
    qInstallMessageHandler(qtest);
    QVERIFY(g_seenByPrevious.isEmpty());
    QFile file(options.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 2000);
}

QTEST_GUILESS_MAIN(TestLogSink)
#include "tst_logsink.moc"
