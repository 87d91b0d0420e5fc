// The worker pool's profile lookup over the users table, on SQLite and PostgreSQL: a phone
// costs one query per TTL, an upsert through the repository shows at once, changes made behind
// its back show after the TTL, unknown phones give a phone-only profile, and a failing database
// gives the same fallback without a query per message.

#include "core/clock.h"
#include "facade/sqlprofilelookup.h"
#include "sqlsuite.h"
#include "store/sqldatabase.h"
#include "store/sqlstatement.h"
#include "store/userrepository.h"

#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_SqlProfileLookup : public SqlSuite
{
    Q_OBJECT

private:
    static UserRecord ana()
    {
        return { u"385911"_s, u"P-17"_s, u"acme"_s, u"Ana"_s, u"ZG-1234-AB"_s, u"hr"_s };
    }
    // A change made without the repository (another process, an admin's SQL).
    QString renameBehindItsBack(const QString &phone, const QString &name)
    {
        return m_db->write([&](const QSqlDatabase &db) {
            QString error;
            SqlStatement update(db);
            if (!update.prepare(u"UPDATE users SET name = ? WHERE phone = ?"_s, u"rename"_s, &error)
                || !update.exec({ name, phone }, &error))
                return error;
            return QString();
        });
    }

    std::unique_ptr<UserRepository> m_users;

private Q_SLOTS:
    void init()
    {
        SqlSuite::init();
        if (!m_db)
            return;
        m_users = std::make_unique<UserRepository>(*m_db, m_clock);
        QCOMPARE(m_users->upsert(ana()), QString());
    }
    void cleanup()
    {
        m_users.reset();
        SqlSuite::cleanup();
    }

    void cachedUntilTtl()
    {
        SqlProfileLookup profiles(*m_users, m_clock, { 60'000, 100, 5'000 });
        const UserProfile expected { u"385911"_s, u"P-17"_s,       u"acme"_s,
                                     u"Ana"_s,    u"ZG-1234-AB"_s, u"hr"_s };
        QCOMPARE(profiles.lookup(u"385911"_s), expected);
        QCOMPARE(profiles.lookup(u"385911"_s), expected);
        QCOMPARE(profiles.lookup(u"385911"_s), expected);
        QCOMPARE(profiles.stats().misses, 1u);
        QCOMPARE(profiles.stats().hits, 2u);

        QCOMPARE(renameBehindItsBack(u"385911"_s, u"Ana H."_s), QString());
        QCOMPARE(profiles.lookup(u"385911"_s).name, u"Ana"_s); // still cached
        m_clock.advanceMs(60'001);
        QCOMPARE(profiles.lookup(u"385911"_s).name, u"Ana H."_s); // expired, read again
        QCOMPARE(profiles.stats().misses, 2u);
    }

    void upsertInvalidatesAtOnce()
    {
        SqlProfileLookup profiles(*m_users, m_clock);
        QCOMPARE(profiles.lookup(u"385911"_s).defaultVehicleId, u"ZG-1234-AB"_s);
        UserRecord moved = ana();
        moved.defaultVehicleId = u"ST-999-ZZ"_s;
        QCOMPARE(m_users->upsert(moved), QString());
        QCOMPARE(profiles.lookup(u"385911"_s).defaultVehicleId, u"ST-999-ZZ"_s);
        QCOMPARE(profiles.stats().misses, 2u);
        QCOMPARE(m_users->remove(u"385911"_s), QString());
        const UserProfile gone = profiles.lookup(u"385911"_s);
        QCOMPARE(gone.phone, u"385911"_s);
        QCOMPARE(gone.personId, QString());
    }

    void unknownPhoneIsPhoneOnlyAndCached()
    {
        SqlProfileLookup profiles(*m_users, m_clock);
        UserProfile expected;
        expected.phone = u"999"_s;
        QCOMPARE(profiles.lookup(u"999"_s), expected);
        QCOMPARE(profiles.lookup(u"999"_s), expected);
        QCOMPARE(profiles.stats().misses, 1u);
        // …until that user is created.
        QCOMPARE(m_users->upsert({ u"999"_s, u"P-9"_s, {}, {}, {}, u"en"_s }), QString());
        QCOMPARE(profiles.lookup(u"999"_s).personId, u"P-9"_s);
    }

    void failingDatabaseFallsBackAndBacksOff()
    {
        SqlProfileLookup profiles(*m_users, m_clock, { 60'000, 100, 5'000 });
        // Break the table so every query fails.
        const QString broken = m_db->write([](const QSqlDatabase &db) {
            QString error;
            SqlStatement drop(db);
            return drop.run(u"DROP TABLE users"_s, u"drop"_s, &error) ? QString() : error;
        });
        QCOMPARE(broken, QString());
        UserProfile expected;
        expected.phone = u"385911"_s;
        QCOMPARE(profiles.lookup(u"385911"_s), expected);
        QCOMPARE(profiles.stats().misses, 1u);
        QCOMPARE(profiles.stats().errors, 1u);
        QCOMPARE(profiles.lookup(u"385911"_s), expected); // backing off: no query
        QCOMPARE(profiles.stats().misses, 1u);
        QCOMPARE(profiles.stats().errors, 2u);
        m_clock.advanceMs(5'001);
        QCOMPARE(profiles.lookup(u"385911"_s), expected); // tries again
        QCOMPARE(profiles.stats().misses, 2u);
    }

    void capacityIsBounded()
    {
        SqlProfileLookup profiles(*m_users, m_clock, { 60'000, 10, 5'000 });
        for (int i = 0; i < 35; ++i) {
            profiles.lookup(u"p"_s + QString::number(i));
            m_clock.advanceMs(1);
        }
        QVERIFY2(profiles.stats().cached <= 10,
                 qPrintable(QString::number(profiles.stats().cached)));
        QVERIFY(profiles.stats().cached >= 5);
    }
};

QTEST_GUILESS_MAIN(tst_SqlProfileLookup)
#include "tst_sqlprofilelookup.moc"
