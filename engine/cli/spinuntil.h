#pragma once

// Waits for a condition while this thread's event loop keeps running (child processes, HTTP
// probes and store replies living on it go on being served). For the bench's own main thread,
// never for a GUI thread.

#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <functional>

namespace m1 {

// Polls `done` every 10 ms until it is true or `timeoutMs` passed; its last answer.
inline bool spinUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    bool reached = done();
    if (reached)
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
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
