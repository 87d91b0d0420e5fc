#pragma once

// Turns SIGTERM/SIGINT into a Qt signal on the thread that owns the watcher (the self-pipe
// trick): the async-signal handler only write()s the signal number to a socket pair, and a
// QSocketNotifier reads it in the event loop, where anything may be done. Signal dispositions
// are process-wide, so the write end is necessarily one process-wide descriptor; only one
// watcher may exist at a time. The previous dispositions come back on destruction.

#include <QObject>

#include <csignal>
#include <vector>

class QSocketNotifier;

namespace m1 {

class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    // False with a reason when the socket pair or the handler could not be set up.
    bool watch(const std::vector<int> &signalNumbers, QString *error = nullptr);

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void handle(int signalNumber);
    void drain();

    int m_fds[2] = { -1, -1 };
    QSocketNotifier *m_notifier = nullptr;
    std::vector<std::pair<int, struct sigaction>> m_previous;
};

} // namespace m1
