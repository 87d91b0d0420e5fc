// Bad input gives error values a person can act on, never a crash or a leaked password:
// unreachable servers, wrong passwords, missing databases, a folder or a garbage file where the
// SQLite database should be, damaged pages, and a read-only file (checked as an unprivileged
// user when the tests run as root, since root ignores file permissions).

#include "core/clock.h"
#include "sqlbackends.h"
#include "store/messagelog.h"
#include "store/sqldatabase.h"
#include "unprivileged.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlFailures : public QObject
{
    Q_OBJECT

private:
    struct ProbeResult
    {
        int exitCode = -1;
        QString output;
    };
    // Runs m1sqlprobe on `url` as an unprivileged user (when root) in its own process.
    static ProbeResult probe(const QString &url)
    {
        QString program = QStringLiteral(M1_SQLPROBE);
        QStringList arguments { url };
        QString error;
        if (!Unprivileged::wrap(&program, &arguments, &error))
            return { -1, error };
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(60'000))
            return { -1, u"probe did not finish: "_s + process.errorString() };
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                 QString::fromLocal8Bit(process.readAll()).trimmed() };
    }
    static int closedPort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 1;
        return probe.serverPort(); // closed again when `probe` goes
    }
    static QString fileUrl(const QString &path) { return u"sqlite://"_s + path; }

    SqlBackends m_backends;
    ManualClock m_clock;
    bool m_postgres = false;

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_backends.startOrFail())
            return;
        m_postgres = PostgresTestServer::isAvailable();
    }

    void sqlitePathIsAFolder()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!SqlDatabase::open(SqlUrl::sqlite(dir.path()), m_clock, &error));
        QVERIFY2(error.contains(u"is a folder"_s) && error.contains(u"m1bot.db"_s),
                 qPrintable(error));
    }

    void sqliteFolderCannotBeCreated()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"plain-file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QString error;
        QVERIFY(!SqlDatabase::open(SqlUrl::sqlite(blocker.fileName() + u"/sub/m1.db"_s), m_clock,
                                   &error));
        QVERIFY2(error.contains(u"cannot create its folder"_s), qPrintable(error));
    }

    void sqliteMissingFoldersAreCreated()
    {
        QTemporaryDir dir;
        QString error;
        auto db
            = SqlDatabase::open(SqlUrl::sqlite(dir.filePath(u"a/b/c/m1.db"_s)), m_clock, &error);
        QVERIFY2(db, qPrintable(error));
    }

    void sqliteGarbageFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"garbage.db"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray junk;
        for (int i = 0; i < 65536; ++i)
            junk.append(char((i * 131 + 7) % 251));
        file.write(junk);
        file.close();
        QString error;
        QVERIFY(!SqlDatabase::open(SqlUrl::sqlite(path), m_clock, &error));
        QVERIFY2(error.contains(u"not a usable SQLite database"_s), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        // In a separate process too (as the unprivileged user when root): exit code 1, not a crash.
        QVERIFY(QFile::setPermissions(dir.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                          | QFileDevice::ExeOther));
        QVERIFY(QFile::setPermissions(
            path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const ProbeResult result = probe(fileUrl(path));
        QVERIFY2(result.exitCode == 1 && result.output.contains(u"not a usable"_s),
                 qPrintable(result.output));
    }

    void sqliteDamagedPages()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"damaged.db"_s);
        {
            QString error;
            auto db = SqlDatabase::open(SqlUrl::sqlite(path), m_clock, &error);
            QVERIFY2(db, qPrintable(error));
            QList<MessageLogEntry> entries;
            for (int i = 0; i < 2000; ++i)
                entries.append({ u"id"_s + QString::number(i),
                                 u"385"_s,
                                 MessageLogEntry::Direction::In,
                                 QString(200, u'x'),
                                 {},
                                 0,
                                 i });
            QCOMPARE(MessageLog(*db).append(entries), QString());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 64 * 1024);
        // Keep page 1 (header and schema), wipe every table and index page after it.
        QVERIFY(file.seek(4096));
        file.write(QByteArray(int(file.size() - 4096), '\xA5'));
        file.close();
        QString error;
        auto db = SqlDatabase::open(SqlUrl::sqlite(path), m_clock, &error);
        if (db) {
            QCOMPARE(MessageLog(*db).count(QString(), &error), -1);
            QVERIFY2(!error.isEmpty(), "a damaged table read back without an error");
        }
        QVERIFY2(error.contains(u"not a usable SQLite database"_s), qPrintable(error));
    }

    void sqliteReadOnlyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ro.db"_s);
        {
            QString error;
            auto db = SqlDatabase::open(SqlUrl::sqlite(path), m_clock, &error);
            QVERIFY2(db, qPrintable(error));
        }
        // The folder stays open to the probe's user (SQLite keeps -wal/-shm files next to the
        // database); only the file itself is made read-only.
        const auto all = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(dir.path(), all));
        // First as a control: writable by everyone, the probe succeeds.
        QVERIFY(QFile::setPermissions(path,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                          | QFileDevice::ReadOther | QFileDevice::WriteOther));
        ProbeResult result = probe(fileUrl(path));
        QVERIFY2(result.exitCode == 0 && result.output == u"ok"_s, qPrintable(result.output));
        QVERIFY(QFile::setPermissions(
            path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        result = probe(fileUrl(path));
        QVERIFY2(result.exitCode == 1, qPrintable(result.output));
        QVERIFY2(result.output.contains(u"read-only"_s), qPrintable(result.output));
        QVERIFY2(result.output.contains(path), qPrintable(result.output));
    }

    void postgresUnreachableTcp()
    {
        if (!m_postgres)
            QSKIP("PostgreSQL server binaries are not installed");
        const int port = closedPort();
        const SqlUrl url = SqlUrl::postgres(u"127.0.0.1"_s, port, u"m1"_s, u"bot"_s, u"hunter2"_s);
        QString error;
        QVERIFY(!SqlDatabase::open(url, m_clock, &error));
        QVERIFY2(
            error.contains(u"expected a PostgreSQL server at 127.0.0.1:"_s + QString::number(port)),
            qPrintable(error));
        QVERIFY2(error.contains(u"postgresql://bot:***@127.0.0.1"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"hunter2"_s), qPrintable(error));
    }

    void postgresUnreachableSocket()
    {
        if (!m_postgres)
            QSKIP("PostgreSQL server binaries are not installed");
        const SqlUrl url
            = SqlUrl::postgres(u"/nonexistent/m1/socket"_s, 5432, u"m1"_s, u"bot"_s, u"hunter2"_s);
        QString error;
        QVERIFY(!SqlDatabase::open(url, m_clock, &error));
        QVERIFY2(error.contains(u"the unix socket in /nonexistent/m1/socket"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"hunter2"_s), qPrintable(error));
    }

    void postgresWrongPassword_data()
    {
        QTest::addColumn<bool>("tcp");
        QTest::newRow("tcp") << true;
        QTest::newRow("unix socket") << false;
    }
    void postgresWrongPassword()
    {
        if (!m_postgres)
            QSKIP("PostgreSQL server binaries are not installed");
        QFETCH(bool, tcp);
        PostgresTestServer &server = m_backends.postgres();
        SqlUrl url = tcp ? server.tcpUrl(u"postgres"_s) : server.socketUrl(u"postgres"_s);
        url.password = u"not-the-Pa55word"_s;
        QString error;
        QVERIFY(!SqlDatabase::open(url, m_clock, &error));
        QVERIFY2(error.contains(u"check the user and password"_s), qPrintable(error));
        QVERIFY2(!error.contains(url.password), qPrintable(error));
        QVERIFY2(!error.contains(PostgresTestServer::password()), qPrintable(error));
        // And the right password works, so the refusal was about the password.
        url.password = PostgresTestServer::password();
        auto db = SqlDatabase::open(url, m_clock, &error);
        QVERIFY2(db, qPrintable(error));
    }

    void postgresMissingDatabase()
    {
        if (!m_postgres)
            QSKIP("PostgreSQL server binaries are not installed");
        QString error;
        QVERIFY(
            !SqlDatabase::open(m_backends.postgres().socketUrl(u"no_such_db"_s), m_clock, &error));
        QVERIFY2(error.contains(u"'no_such_db' does not exist"_s), qPrintable(error));
        QVERIFY2(!error.contains(PostgresTestServer::password()), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_SqlFailures)
#include "tst_sqlfailures.moc"
