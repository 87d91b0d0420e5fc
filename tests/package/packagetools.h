#pragma once
// What the package test runs and reads: external tools (dpkg-deb, lintian, ...) with their exit
// code and output, the packaging file lists, and the tools a run needs.

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace m1::test {

struct Run
{
    int exitCode = -1; // -1: did not start, crashed or timed out (see err)
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// Runs `program` to its end (or `timeoutMs`), with `env` when one is given.
inline Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {},
               int timeoutMs = 300'000)
{
    QProcess process;
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    process.start(program, args);
    Run r;
    if (!process.waitForStarted(30'000)) {
        r.err = QStringLiteral("cannot run ") + program + QStringLiteral(": ")
            + process.errorString();
        return r;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.err = program + QStringLiteral(" timed out");
        return r;
    }
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return r;
}

inline QString describe(const QString &what, const Run &r)
{
    return what + QStringLiteral(" exited with ") + QString::number(r.exitCode)
        + QStringLiteral(":\n") + r.all();
}

// The lines of a file list, without blanks and # comments.
inline QStringList readLines(const QString &path)
{
    QFile file(path);
    QStringList lines;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
            lines.append(trimmed);
    }
    return lines;
}

// What the checks run: a missing one fails the test (CI must not pass without having checked).
inline const QStringList &requiredTools()
{
    static const QStringList tools {
        QStringLiteral("dpkg-deb"),     QStringLiteral("dpkg-parsechangelog"),
        QStringLiteral("lintian"),      QStringLiteral("desktop-file-validate"),
        QStringLiteral("appstreamcli"), QStringLiteral("systemd-analyze"),
        QStringLiteral("man"),          QStringLiteral("gzip")
    };
    return tools;
}

// The rows of a test that checks each package the same way.
inline void addPackageRows()
{
    QTest::addColumn<QString>("package");
    QTest::newRow("m1bot") << QStringLiteral("m1bot");
    QTest::newRow("m1-console") << QStringLiteral("m1-console");
}

} // namespace m1::test
