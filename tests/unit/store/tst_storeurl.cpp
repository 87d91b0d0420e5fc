// --store values: every accepted form, and errors that say what to write instead.

#include "store/storeurl.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_StoreUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted()
    {
        QString error;
        QCOMPARE(StoreUrl::parse(u"managed"_s, &error)->kind, StoreUrl::Kind::Managed);
        QCOMPARE(StoreUrl::parse(u" memory "_s, &error)->kind, StoreUrl::Kind::Memory);

        auto tcp = StoreUrl::parse(u"redis://cache.internal:6380/3"_s, &error);
        QVERIFY2(tcp, qPrintable(error));
        QCOMPARE(tcp->kind, StoreUrl::Kind::Tcp);
        QCOMPARE(tcp->host, u"cache.internal"_s);
        QCOMPARE(tcp->port, 6380);
        QCOMPARE(tcp->db, 3);
        QVERIFY(tcp->password.isEmpty());

        auto defaults = StoreUrl::parse(u"redis://localhost"_s, &error);
        QCOMPARE(defaults->port, 6379);
        QCOMPARE(defaults->db, 0);
        QCOMPARE(defaults->connectTimeoutMs, 2000);

        auto auth = StoreUrl::parse(
            u"redis://:s%40cret@10.0.0.5:6379/0?connect_timeout_ms=500&command_timeout_ms=900"_s,
            &error);
        QVERIFY2(auth, qPrintable(error));
        QCOMPARE(auth->password, u"s@cret"_s);
        QVERIFY(auth->username.isEmpty());
        QCOMPARE(auth->connectTimeoutMs, 500);
        QCOMPARE(auth->commandTimeoutMs, 900);
        QCOMPARE(auth->toDisplayString(), u"redis://:***@10.0.0.5:6379/0"_s);

        auto acl = StoreUrl::parse(u"redis://bot:pw@[::1]:7000/1"_s, &error);
        QVERIFY2(acl, qPrintable(error));
        QCOMPARE(acl->username, u"bot"_s);
        QCOMPARE(acl->password, u"pw"_s);
        QCOMPARE(acl->host, u"::1"_s);
        QCOMPARE(acl->toDisplayString(), u"redis://bot:***@[::1]:7000/1"_s);

        auto unix = StoreUrl::parse(u"unix:///run/redis/redis.sock?db=2"_s, &error);
        QVERIFY2(unix, qPrintable(error));
        QCOMPARE(unix->kind, StoreUrl::Kind::Unix);
        QCOMPARE(unix->socketPath, u"/run/redis/redis.sock"_s);
        QCOMPARE(unix->db, 2);
        QCOMPARE(unix->toDisplayString(), u"unix:///run/redis/redis.sock?db=2"_s);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("tls") << u"rediss://host:6380/0"_s << u"TLS"_s;
        QTest::newRow("scheme") << u"http://host"_s << u"expected managed, memory"_s;
        QTest::newRow("word") << u"sqlite"_s << u"expected managed, memory"_s;
        QTest::newRow("relative socket") << u"unix://redis.sock"_s << u"three slashes"_s;
        QTest::newRow("db") << u"redis://host:6379/x"_s << u"must be a number"_s;
        QTest::newRow("option") << u"redis://host?timeout=3"_s << u"unknown option 'timeout'"_s;
        QTest::newRow("option value")
            << u"redis://host?connect_timeout_ms=soon"_s << u"non-negative integer"_s;
        QTest::newRow("long socket") << u"unix:///"_s + QString(120, u'x') << u"107 bytes"_s;
    }
    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!StoreUrl::parse(text, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_StoreUrl)
#include "tst_storeurl.moc"
