#include "cli/unixsignalwatcher.h"

#include <QSocketNotifier>
#include <QString>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Read by the signal handler, so it must be a plain object with static storage.
volatile sig_atomic_t g_writeFd = -1;

} // namespace

UnixSignalWatcher::UnixSignalWatcher(QObject *parent)
    : QObject(parent)
{
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    for (const auto &[number, action] : m_previous)
        ::sigaction(number, &action, nullptr);
    if (g_writeFd == m_fds[1])
        g_writeFd = -1;
    for (int fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
    }
}

bool UnixSignalWatcher::watch(const std::vector<int> &signalNumbers, QString *error)
{
    if (m_fds[0] < 0) {
        if (g_writeFd != -1) {
            if (error)
                *error = u"another signal watcher is active"_s;
            return false;
        }
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, m_fds) != 0) {
            if (error)
                *error = u"socketpair: "_s + QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        g_writeFd = m_fds[1];
        m_notifier = new QSocketNotifier(m_fds[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::drain);
    }
    for (const int number : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = &UnixSignalWatcher::handle;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        struct sigaction previous = {};
        if (::sigaction(number, &action, &previous) != 0) {
            if (error)
                *error = u"sigaction("_s + QString::number(number) + u"): "_s
                    + QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        m_previous.emplace_back(number, previous);
    }
    return true;
}

void UnixSignalWatcher::handle(int signalNumber)
{
    // Async-signal-safe only: errno is saved, one byte written, nothing allocated.
    const int savedErrno = errno;
    const int fd = g_writeFd;
    if (fd >= 0) {
        const char byte = char(signalNumber);
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

void UnixSignalWatcher::drain()
{
    char buffer[16];
    for (;;) {
        const ssize_t n = ::read(m_fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; ++i)
            Q_EMIT received(int(buffer[i]));
    }
}

} // namespace m1
