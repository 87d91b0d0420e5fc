#pragma once

// Waits for a condition while this thread's event loop keeps running (child processes, HTTP
// probes and store replies living on it go on being served). For the bench's own main thread and
// the integration tests, never for a GUI thread.

#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <functional>

namespace m1 {

// Polls `done` every `pollMs` until it is true or `timeoutMs` passed; its last answer. Unlike
// QTest::qWaitFor, which sleeps between looks, the loop serves events the whole time, so servers
// living on this thread answer without added delay (the benches' and tests' latencies need that).
inline bool spinUntil(const std::function<bool()> &done, qint64 timeoutMs, int pollMs = 10)
{
    bool reached = done();
    if (reached)
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(pollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done()) {
            reached = true;
            loop.quit();
        }
    });
    QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(0, timeoutMs)), &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return reached;
}

} // namespace m1
