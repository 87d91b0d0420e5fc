// NetworkClients: one QNetworkAccessManager per thread, reused on that thread, created on the
// thread that asks, and distinct between threads.

#include "net/networkclients.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QThread>

using namespace m1;

class TestNetworkClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePerThread();
};

void TestNetworkClients::onePerThread()
{
    NetworkClients clients;
    QVERIFY(!clients.hasClientForCurrentThread());
    QNetworkAccessManager *mine = clients.forCurrentThread();
    QVERIFY(mine);
    QCOMPARE(clients.forCurrentThread(), mine);
    QCOMPARE(mine->thread(), QThread::currentThread());

    QNetworkAccessManager *theirs = nullptr;
    QThread *theirThread = nullptr;
    bool reused = false;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        theirs = clients.forCurrentThread();
        reused = clients.forCurrentThread() == theirs;
        theirThread = theirs->thread();
    }));
    worker->start();
    QVERIFY(worker->wait(10000));
    QVERIFY(theirs);
    QVERIFY(theirs != mine);
    QVERIFY(reused);
    QCOMPARE(theirThread, worker.get());
}

QTEST_GUILESS_MAIN(TestNetworkClients)
#include "tst_networkclients.moc"
