#pragma once
// One `m1bot serve` child process for the end-to-end tests: started with the test's WhatsApp
// settings (pointing at the test's fake Graph API) and store, its port learnt from the
// "listening on URL" line it prints, stopped with SIGTERM (graceful) or SIGKILL (a crash).
// Every wait spins this thread's event loop, so servers living on it keep answering.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

namespace m1 {

class ServeProcess
{
public:
    ServeProcess(QStringList arguments, QProcessEnvironment environment)
        : m_arguments(std::move(arguments))
    {
        // Its own data folder, so nothing of the user's is touched.
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        environment.insert(QStringLiteral("HOME"), m_home.path());
        m_process.setProcessEnvironment(environment);
    }
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10'000);
        }
    }

    // Starts and waits for the "listening on" line. "" or what went wrong.
    QString start(int timeoutMs = 60'000)
    {
        m_process.start(QString::fromUtf8(qgetenv("M1BOT")), QStringList { QStringLiteral("serve") } + m_arguments);
        if (!m_process.waitForStarted(30'000))
            return QStringLiteral("m1bot did not start: ") + m_process.errorString();
        const bool listening = QTest::qWaitFor(
            [this] {
                readOutput();
                return !m_url.isEmpty() || m_process.state() == QProcess::NotRunning;
            },
            timeoutMs);
        if (m_url.isEmpty())
            return QStringLiteral("m1bot serve is not listening (") + (listening ? QStringLiteral("exited") : QStringLiteral("timed out"))
                + QStringLiteral("): ") + stderrText();
        return {};
    }

    // Runs to completion (for refusals): the exit code, -1 on a crash or timeout.
    int runToEnd(int timeoutMs = 60'000)
    {
        m_process.start(QString::fromUtf8(qgetenv("M1BOT")), QStringList { QStringLiteral("serve") } + m_arguments);
        if (!m_process.waitForStarted(30'000) || !waitForExit(timeoutMs))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QUrl url(const QString &path) const { return QUrl(m_url.toString() + path); }
    QUrl webhookUrl() const { return url(QStringLiteral("/webhook")); }

    void kill()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        waitForExit(30'000);
    }
    // SIGTERM, then the exit code (-1 when it crashed or did not stop in time).
    int terminate(int timeoutMs = 60'000)
    {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!waitForExit(timeoutMs))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QString stderrText()
    {
        m_stderr += QString::fromUtf8(m_process.readAllStandardError());
        return m_stderr;
    }
    QString stdoutText()
    {
        readOutput();
        return m_stdout;
    }

private:
    bool waitForExit(int timeoutMs)
    {
        return QTest::qWaitFor([this] {
            stderrText();
            return m_process.state() == QProcess::NotRunning;
        }, timeoutMs);
    }
    void readOutput()
    {
        m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
        stderrText();
        const qsizetype at = m_stdout.indexOf(QStringLiteral("listening on "));
        const qsizetype end = at < 0 ? -1 : m_stdout.indexOf(u'\n', at);
        if (end > at) {
            QString url = m_stdout.mid(at + 13, end - at - 13).trimmed();
            url.chop(int(qstrlen("/webhook")));
            m_url = QUrl(url);
        }
    }

    QTemporaryDir m_home;
    QStringList m_arguments;
    QProcess m_process;
    QString m_stdout;
    QString m_stderr;
    QUrl m_url;
};

} // namespace m1
