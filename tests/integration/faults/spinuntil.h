#pragma once
#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace m1 {

// Runs this thread's event loop until `done` or the timeout. Unlike QTest::qWaitFor, which sleeps
// 10 ms between looks, the loop keeps serving events the whole time, so in-process servers on
// this thread answer without added delay (latency measurements depend on it).
template<typename Predicate> bool spinUntil(Predicate done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(2);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

} // namespace m1
