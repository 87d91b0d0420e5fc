#pragma once

// A child process for the test servers (redis-server, initdb, postgres), started with
// posix_spawn rather than QProcess. QProcess on Linux starts children with
// clone(CLONE_VM | CLONE_VFORK | CLONE_PIDFD); clang's ThreadSanitizer runtime (14, and 16
// too) intercepts clone() and aborts in its fork handler ("CHECK failed ... !thr->slot") when
// the test has more than one thread. glibc's posix_spawn clones through its internal entry
// point, which TSan does not intercept, so the store and SQL suites can run under TSan.
// The output (stdout and stderr together) goes to a file: nobody has to read a pipe.

#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace m1 {

class SpawnedProcess
{
public:
    SpawnedProcess() = default;
    ~SpawnedProcess(); // SIGKILL and reap when still running: no zombie, no stray server
    SpawnedProcess(const SpawnedProcess &) = delete;
    SpawnedProcess &operator=(const SpawnedProcess &) = delete;

    // Set before start(). Empty: the test's working directory, its environment, /dev/null.
    void setWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }
    void setEnvironment(const QStringList &keyValues) { m_environment = keyValues; }
    void setOutputFile(const QString &path) { m_outputFile = path; } // appended to

    // False with *error when the program cannot be started (not found, not executable).
    bool start(const QString &program, const QStringList &arguments, QString *error);
    bool isRunning() const; // reaps the child once it has exited
    pid_t pid() const { return m_pid; } // 0 when not running
    bool signal(int signalNumber) const; // false when not running
    // Waits (polling, the test thread has nothing else to do) until the child exits.
    bool waitForFinished(int timeoutMs) const;
    // Meaningful once finished: exited by itself (not by a signal) with this code.
    bool exitedNormally() const { return m_exitedNormally; }
    int exitCode() const { return m_exitCode; }

private:
    QString m_workingDirectory;
    QStringList m_environment;
    QString m_outputFile;
    // Reaping happens in the const observers (isRunning, waitForFinished): the state is a
    // cache of the kernel's, refreshed when asked.
    mutable pid_t m_pid = 0;
    mutable bool m_exitedNormally = false;
    mutable int m_exitCode = -1;
};

} // namespace m1
