// The users table on SQLite and PostgreSQL: insert, update by phone (creation time kept),
// lookup of known and unknown phones, listing, removal, and change notifications.

#include "core/clock.h"
#include "sqlsuite.h"
#include "store/sqldatabase.h"
#include "store/userrepository.h"

#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_UserRepository : public SqlSuite
{
    Q_OBJECT

private:
    static UserRecord ana()
    {
        return {
            u"385911234567"_s, u"P-17"_s, u"acme"_s, u"Ana Horvat"_s, u"ZG-1234-AB"_s, u"hr"_s
        };
    }

    std::unique_ptr<UserRepository> m_users;

private Q_SLOTS:
    void init()
    {
        SqlSuite::init();
        if (m_db)
            m_users = std::make_unique<UserRepository>(*m_db, m_clock);
    }
    void cleanup()
    {
        m_users.reset();
        SqlSuite::cleanup();
    }

    void insertThenFind()
    {
        QCOMPARE(m_users->upsert(ana()), QString());
        QString error = u"stale"_s;
        const auto found = m_users->findByPhone(ana().phone, &error);
        QCOMPARE(error, QString());
        QVERIFY(found);
        QVERIFY(found->sameProfile(ana()));
        QCOMPARE(found->createdAtMs, m_clock.nowMs());
        QCOMPARE(found->updatedAtMs, m_clock.nowMs());
    }

    void unknownPhoneIsNotAnError()
    {
        QString error = u"stale"_s;
        QVERIFY(!m_users->findByPhone(u"385000000000"_s, &error));
        QCOMPARE(error, QString());
    }

    void upsertUpdatesEveryFieldAndKeepsCreation()
    {
        QCOMPARE(m_users->upsert(ana()), QString());
        const qint64 created = m_clock.nowMs();
        m_clock.advanceMs(5000);
        UserRecord changed = ana();
        changed.personId = u"P-18"_s;
        changed.tenant = u"globex"_s;
        changed.name = u"Ana Kovač-Horvat"_s; // non-ASCII survives both drivers
        changed.defaultVehicleId = QString();
        changed.language = u"en"_s;
        QCOMPARE(m_users->upsert(changed), QString());
        QString error;
        const auto found = m_users->findByPhone(ana().phone, &error);
        QVERIFY2(found, qPrintable(error));
        QVERIFY(found->sameProfile(changed));
        QCOMPARE(found->createdAtMs, created);
        QCOMPARE(found->updatedAtMs, created + 5000);
        QCOMPARE(m_users->all(&error).size(), 1); // phone is unique: still one row
    }

    void listAndRemove()
    {
        UserRecord ivo { u"385981111111"_s, u"P-2"_s, u"acme"_s, u"Ivo"_s, {}, u"en"_s };
        QCOMPARE(m_users->upsert(ana()), QString());
        QCOMPARE(m_users->upsert(ivo), QString());
        QString error;
        QList<UserRecord> all = m_users->all(&error);
        QCOMPARE(error, QString());
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).phone, ana().phone); // ordered by phone
        QCOMPARE(all.at(1).phone, ivo.phone);
        QCOMPARE(m_users->remove(ana().phone), QString());
        QVERIFY(!m_users->findByPhone(ana().phone, &error));
        QCOMPARE(error, QString());
        QCOMPARE(m_users->all(&error).size(), 1);
    }

    void phoneIsRequired()
    {
        UserRecord nobody = ana();
        nobody.phone.clear();
        QVERIFY(m_users->upsert(nobody).contains(u"phone"_s));
    }

    void listenersHearUpsertsAndRemoves()
    {
        QStringList heard;
        const int id = m_users->subscribe([&](const QString &phone) { heard << phone; });
        QCOMPARE(m_users->upsert(ana()), QString());
        QCOMPARE(m_users->remove(ana().phone), QString());
        m_users->unsubscribe(id);
        QCOMPARE(m_users->upsert(ana()), QString());
        QCOMPARE(heard, QStringList({ ana().phone, ana().phone }));
    }
};

QTEST_GUILESS_MAIN(tst_UserRepository)
#include "tst_userrepository.moc"
