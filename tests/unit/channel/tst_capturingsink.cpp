// CapturingSink records what would have been sent, signals it, and plays scripted results.

#include "channel/capturingsink.h"

#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using m1::CapturingSink;
using m1::OutboundMessage;
using m1::SendResult;

class TestCapturingSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsAndSignals()
    {
        CapturingSink sink;
        QSignalSpy spy(&sink, &CapturingSink::captured);
        const auto m = OutboundMessage::textMessage(u"385911234567"_s, u"hi"_s);
        const SendResult r = sink.send(m).result();
        QVERIFY(r.ok);
        QCOMPARE(r.wamid, u"wamid.capture.1"_s);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(sink.count(), 1);
        QVERIFY(sink.messages().first() == m);
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.first().at(0).value<OutboundMessage>() == m);
        QVERIFY(sink.send(OutboundMessage::markRead(u"wamid.X"_s)).result().wamid.isEmpty());
        sink.clear();
        QCOMPARE(sink.count(), 0);
    }

    void scriptedResultsComeFirst()
    {
        CapturingSink sink;
        SendResult failure = SendResult::failure(u"outside the 24 h window"_s, 131047);
        sink.queueResult(failure);
        const auto first = sink.send(OutboundMessage::textMessage(u"1"_s, u"a"_s)).result();
        QVERIFY(!first.ok);
        QCOMPARE(first.errorCode, 131047);
        QVERIFY(sink.send(OutboundMessage::textMessage(u"1"_s, u"b"_s)).result().ok);
        QCOMPARE(sink.count(), 2); // failed sends are recorded too
    }

    void threadSafe()
    {
        CapturingSink sink;
        QList<QFuture<void>> jobs;
        for (int t = 0; t < 4; ++t) {
            jobs.append(QtConcurrent::run([&sink, t] {
                for (int i = 0; i < 250; ++i)
                    sink.send(OutboundMessage::textMessage(QString::number(t), QString::number(i)));
            }));
        }
        for (auto &job : jobs)
            job.waitForFinished();
        QCOMPARE(sink.count(), 1000);
        QStringList wamids;
        const auto last = sink.send(OutboundMessage::textMessage(u"x"_s, u"y"_s)).result();
        QCOMPARE(last.wamid, u"wamid.capture.1001"_s);
    }
};

QTEST_GUILESS_MAIN(TestCapturingSink)
#include "tst_capturingsink.moc"
