#include "spawnedprocess.h"

#include <QDeadlineTimer>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// posix_spawn wants NUL-terminated char* arrays; the QByteArrays own the bytes.
class CStringArray
{
public:
    explicit CStringArray(const QStringList &strings)
    {
        for (const QString &s : strings)
            m_bytes.push_back(s.toLocal8Bit());
        for (QByteArray &b : m_bytes)
            m_pointers.push_back(b.data());
        m_pointers.push_back(nullptr);
    }
    char **data() { return m_pointers.data(); }

private:
    std::vector<QByteArray> m_bytes;
    std::vector<char *> m_pointers;
};

} // namespace

SpawnedProcess::~SpawnedProcess()
{
    if (isRunning()) {
        signal(SIGKILL);
        waitForFinished(5000);
    }
}

bool SpawnedProcess::start(const QString &program, const QStringList &arguments, QString *error)
{
    if (isRunning()) {
        *error = program + u" is already running"_s;
        return false;
    }
    CStringArray argv(QStringList { program } + arguments);
    CStringArray envp(m_environment);
    const QByteArray output = m_outputFile.isEmpty() ? QByteArray("/dev/null")
                                                      : m_outputFile.toLocal8Bit();
    const QByteArray workingDirectory = m_workingDirectory.toLocal8Bit();

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.constData(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    if (!workingDirectory.isEmpty())
        posix_spawn_file_actions_addchdir_np(&actions, workingDirectory.constData());
    // As QProcess does: the child starts with no blocked signals and SIGPIPE at its default
    // (the test process may ignore it; a server must not inherit that).
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = 0;
    const QByteArray path = program.toLocal8Bit();
    char **environment = m_environment.isEmpty() ? environ : envp.data();
    const int rc = program.contains(u'/')
        ? posix_spawn(&pid, path.constData(), &actions, &attributes, argv.data(), environment)
        : posix_spawnp(&pid, path.constData(), &actions, &attributes, argv.data(), environment);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        *error = u"cannot start "_s + program + u": "_s + QString::fromLocal8Bit(std::strerror(rc));
        return false;
    }
    m_pid = pid;
    m_exitedNormally = false;
    m_exitCode = -1;
    return true;
}

bool SpawnedProcess::isRunning() const
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
    if (done == 0 || (done < 0 && errno == EINTR))
        return true;
    // Exited (or, done < 0, no longer our child: someone else reaped it).
    m_exitedNormally = done == m_pid && WIFEXITED(status);
    m_exitCode = m_exitedNormally ? WEXITSTATUS(status) : -1;
    m_pid = 0;
    return false;
}

bool SpawnedProcess::signal(int signalNumber) const
{
    return isRunning() && ::kill(m_pid, signalNumber) == 0;
}

bool SpawnedProcess::waitForFinished(int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (isRunning()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(10);
    }
    return true;
}

} // namespace m1
