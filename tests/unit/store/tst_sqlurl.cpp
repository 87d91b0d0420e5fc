// Database URLs: every accepted form, every refusal with a message that says what was
// expected, and the password never shown.

#include "store/sqlurl.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyMeansDefaultSqliteFile()
    {
        for (const QString &text : { u""_s, u"  "_s, u"sqlite"_s, u"default"_s }) {
            QString error;
            const auto url = SqlUrl::parse(text, u"/data/m1bot.db"_s, &error);
            QVERIFY2(url, qPrintable(error));
            QCOMPARE(url->kind, SqlUrl::Kind::Sqlite);
            QCOMPARE(url->path, u"/data/m1bot.db"_s);
        }
        QCOMPARE(SqlUrl::defaultSqlitePath(u"/var/lib/m1"_s), u"/var/lib/m1/m1bot.db"_s);
    }

    void emptyWithoutDataFolderIsAnError()
    {
        QString error;
        QVERIFY(!SqlUrl::parse(QString(), QString(), &error));
        QVERIFY2(error.contains(u"sqlite:///"_s), qPrintable(error));
    }

    void sqliteAbsolutePath()
    {
        QString error;
        const auto url = SqlUrl::parse(u"sqlite:///var/lib/m1/bot%20data.db?busy_timeout_ms=250"_s,
                                       QString(), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->kind, SqlUrl::Kind::Sqlite);
        QCOMPARE(url->path, u"/var/lib/m1/bot data.db"_s);
        QCOMPARE(url->busyTimeoutMs, 250);
        QCOMPARE(url->toDisplayString(), u"sqlite:///var/lib/m1/bot data.db"_s);
    }

    void sqliteRefusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("relative") << u"sqlite://relative.db"_s << u"three slashes"_s;
        QTest::newRow("no path") << u"sqlite:///"_s << u"path is missing"_s;
        QTest::newRow("unknown option") << u"sqlite:///a.db?journal=off"_s << u"busy_timeout_ms"_s;
        QTest::newRow("bad timeout") << u"sqlite:///a.db?busy_timeout_ms=-1"_s << u"whole number"_s;
    }
    void sqliteRefusals()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!SqlUrl::parse(text, u"/d/x.db"_s, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void postgresTcp()
    {
        QString error;
        const auto url = SqlUrl::parse(
            u"postgresql://bot:p%40ss:w0rd@db.example.com:6543/fleet?connect_timeout=3&sslmode=require"_s,
            QString(), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->kind, SqlUrl::Kind::Postgres);
        QCOMPARE(url->user, u"bot"_s);
        QCOMPARE(url->password, u"p@ss:w0rd"_s);
        QCOMPARE(url->host, u"db.example.com"_s);
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->database, u"fleet"_s);
        QCOMPARE(url->connectTimeoutS, 3);
        QCOMPARE(url->sslMode, u"require"_s);
        QVERIFY(!url->isUnixSocket());
        QCOMPARE(url->toDisplayString(), u"postgresql://bot:***@db.example.com:6543/fleet"_s);
    }

    void postgresDefaultsAndSynonym()
    {
        QString error;
        const auto url = SqlUrl::parse(u"postgres://localhost/m1"_s, QString(), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->port, 5432);
        QCOMPARE(url->user, QString());
        QCOMPARE(url->toDisplayString(), u"postgresql://localhost:5432/m1"_s);
    }

    void postgresIpv6()
    {
        QString error;
        const auto url = SqlUrl::parse(u"postgresql://u@[::1]:5433/m1"_s, QString(), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->host, u"::1"_s);
        QCOMPARE(url->port, 5433);
        QCOMPARE(url->toDisplayString(), u"postgresql://u@[::1]:5433/m1"_s);
    }

    void postgresUnixSocketForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("query host") << u"postgresql://bot:pw@/fleet?host=/run/pg&port=5433"_s;
        QTest::newRow("encoded host") << u"postgresql://bot:pw@%2Frun%2Fpg:5433/fleet"_s;
    }
    void postgresUnixSocketForms()
    {
        QFETCH(QString, text);
        QString error;
        const auto url = SqlUrl::parse(text, QString(), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->host, u"/run/pg"_s);
        QCOMPARE(url->port, 5433);
        QCOMPARE(url->database, u"fleet"_s);
        QVERIFY(url->isUnixSocket());
        QCOMPARE(url->toDisplayString(), u"postgresql://bot:***@/fleet?port=5433&host=/run/pg"_s);
    }

    void postgresRefusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no database")
            << u"postgresql://bot:topsecret@host:5432"_s << u"database name"_s;
        QTest::newRow("empty database")
            << u"postgresql://bot:topsecret@host/"_s << u"database name"_s;
        QTest::newRow("bad port") << u"postgresql://bot:topsecret@host:99999/db"_s << u"port"_s;
        QTest::newRow("port word") << u"postgresql://bot:topsecret@host:abc/db"_s << u"port"_s;
        QTest::newRow("unknown option")
            << u"postgresql://bot:topsecret@host/db?x=1"_s << u"known:"_s;
        QTest::newRow("sslmode") << u"postgresql://bot:topsecret@host/db?sslmode=maybe"_s
                                 << u"verify-full"_s;
        QTest::newRow("multi host") << u"postgresql://bot:topsecret@a,b/db"_s << u"several hosts"_s;
        QTest::newRow("ipv6 open") << u"postgresql://bot:topsecret@[::1/db"_s << u"IPv6"_s;
        QTest::newRow("scheme") << u"mysql://bot:topsecret@host/db"_s << u"expected sqlite:///"_s;
        QTest::newRow("redis") << u"redis://:topsecret@host:6379/0"_s << u"postgresql://"_s;
        QTest::newRow("query password")
            << u"oracle://h/db?password=topsecret"_s << u"not understood"_s;
    }
    void postgresRefusals()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!SqlUrl::parse(text, QString(), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(u"topsecret"_s), qPrintable(error));
    }

    void maskPassword()
    {
        QCOMPARE(SqlUrl::maskPassword(u"postgresql://u:secret@h/db"_s),
                 u"postgresql://u:***@h/db"_s);
        QCOMPARE(SqlUrl::maskPassword(u"postgresql://u:se@cret@h/db"_s),
                 u"postgresql://u:***@h/db"_s);
        QCOMPARE(SqlUrl::maskPassword(u"postgresql://u@h/db?password=secret&port=1"_s),
                 u"postgresql://u@h/db?password=***&port=1"_s);
        QCOMPARE(SqlUrl::maskPassword(u"sqlite:///a.db"_s), u"sqlite:///a.db"_s);
    }

    void queryPasswordNeverDisplayed()
    {
        QString error;
        const auto url = SqlUrl::parse(u"postgresql://u@h/db?password=secret"_s, QString(), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->password, u"secret"_s);
        QVERIFY(!url->toDisplayString().contains(u"secret"_s));
    }
};

QTEST_GUILESS_MAIN(tst_SqlUrl)
#include "tst_sqlurl.moc"
