// KeyedWorkQueue: one key's items in order and never two at once; other keys pass a busy one
// (a slow user holds up nobody else); close() hands out what is left, then ends every take().

#include "pipeline/keyedworkqueue.h"

#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_KeyedWorkQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBusyKeyIsPassedNotWaitedFor()
    {
        KeyedWorkQueue<int> q;
        q.push(u"a"_s, 1);
        q.push(u"a"_s, 2);
        q.push(u"b"_s, 1);
        q.push(u"c"_s, 1);
        const auto first = q.take();
        QCOMPARE(first->key, u"a"_s);
        QCOMPARE(first->value, 1);
        // "a" is being worked on: its second item waits, the other users' go first.
        QCOMPARE(q.take()->key, u"b"_s);
        QCOMPARE(q.take()->key, u"c"_s);
        QCOMPARE(q.queued(), 1);
        q.done(u"b"_s);
        q.done(u"a"_s);
        const auto second = q.take();
        QCOMPARE(second->key, u"a"_s);
        QCOMPARE(second->value, 2);
        QCOMPARE(q.queued(), 0);
    }

    void oneKeyInOrderNeverConcurrentlyUnderLoad()
    {
        constexpr int keys = 7;
        constexpr int perKey = 400;
        constexpr int workers = 5;
        KeyedWorkQueue<int> q;
        std::mutex mutex;
        QHash<QString, int> nextExpected;
        QHash<QString, bool> running;
        std::atomic<int> problems { 0 };
        std::atomic<int> handled { 0 };
        std::vector<std::thread> threads;
        for (int w = 0; w < workers; ++w) {
            threads.emplace_back([&] {
                while (auto item = q.take()) {
                    {
                        std::lock_guard lock(mutex);
                        if (running.value(item->key)
                            || nextExpected.value(item->key) != item->value)
                            ++problems;
                        running[item->key] = true;
                        nextExpected[item->key] = item->value + 1;
                    }
                    std::this_thread::yield();
                    {
                        std::lock_guard lock(mutex);
                        running[item->key] = false;
                    }
                    ++handled;
                    q.done(item->key);
                }
            });
        }
        for (int i = 0; i < perKey; ++i) {
            for (int k = 0; k < keys; ++k)
                q.push(u"key"_s + QString::number(k), i);
        }
        q.close();
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(problems.load(), 0);
        QCOMPARE(handled.load(), keys * perKey);
        for (int k = 0; k < keys; ++k)
            QCOMPARE(nextExpected.value(u"key"_s + QString::number(k)), perKey);
    }

    void closeHandsOutTheRestThenEndsEveryTake()
    {
        KeyedWorkQueue<int> q;
        std::atomic<int> ended { 0 };
        std::vector<std::thread> waiting;
        for (int i = 0; i < 3; ++i) {
            waiting.emplace_back([&] {
                while (auto item = q.take())
                    q.done(item->key);
                ++ended;
            });
        }
        q.push(u"x"_s, 1);
        q.push(u"x"_s, 2);
        q.close();
        for (std::thread &t : waiting)
            t.join();
        QCOMPARE(ended.load(), 3);
        QCOMPARE(q.queued(), 0);
        QVERIFY(!q.take());
    }
};

QTEST_GUILESS_MAIN(tst_KeyedWorkQueue)
#include "tst_keyedworkqueue.moc"
