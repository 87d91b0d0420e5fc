#include "store/userrepository.h"

#include "core/clock.h"
#include "store/sqldatabase.h"
#include "store/sqlstatement.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

const auto kColumns = u"phone, person_id, tenant, name, default_vehicle_id, language, "
                      u"created_at_ms, updated_at_ms"_s;

UserRecord readUser(const SqlStatement &row)
{
    UserRecord user;
    user.phone = row.value(0).toString();
    user.personId = row.value(1).toString();
    user.tenant = row.value(2).toString();
    user.name = row.value(3).toString();
    user.defaultVehicleId = row.value(4).toString();
    user.language = row.value(5).toString();
    user.createdAtMs = row.value(6).toLongLong();
    user.updatedAtMs = row.value(7).toLongLong();
    return user;
}

} // namespace

UserRepository::UserRepository(const SqlDatabase &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

QString UserRepository::upsert(const UserRecord &user)
{
    if (user.phone.isEmpty())
        return u"cannot save a user without a phone number"_s;
    const qint64 now = m_clock.nowMs();
    const QString error = m_db.write([&](const QSqlDatabase &db) {
        QString failed;
        SqlStatement upsert(db);
        if (!upsert.prepare(u"INSERT INTO users ("_s + kColumns
                                + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                  u"ON CONFLICT (phone) DO UPDATE SET "
                                  u"person_id = excluded.person_id, tenant = excluded.tenant, "
                                  u"name = excluded.name, "
                                  u"default_vehicle_id = excluded.default_vehicle_id, "
                                  u"language = excluded.language, "
                                  u"updated_at_ms = excluded.updated_at_ms"_s,
                            u"save user "_s + user.phone, &failed)
            || !upsert.exec({ user.phone, user.personId, user.tenant, user.name,
                              user.defaultVehicleId, user.language, now, now },
                            &failed))
            return failed;
        return QString();
    });
    if (error.isEmpty())
        notify(user.phone);
    return error;
}

std::optional<UserRecord> UserRepository::findByPhone(const QString &phone, QString *error) const
{
    std::optional<UserRecord> found;
    *error = m_db.read([&](const QSqlDatabase &db) {
        found.reset();
        QString failed;
        SqlStatement query(db);
        if (!query.prepare(u"SELECT "_s + kColumns + u" FROM users WHERE phone = ?"_s,
                           u"look up user "_s + phone, &failed)
            || !query.exec({ phone }, &failed))
            return failed;
        if (query.next())
            found = readUser(query);
        return QString();
    });
    return error->isEmpty() ? found : std::nullopt;
}

QList<UserRecord> UserRepository::all(QString *error) const
{
    QList<UserRecord> users;
    *error = m_db.read([&](const QSqlDatabase &db) {
        users.clear();
        QString failed;
        SqlStatement query(db);
        if (!query.run(u"SELECT "_s + kColumns + u" FROM users ORDER BY phone"_s, u"list users"_s,
                       &failed))
            return failed;
        while (query.next())
            users.append(readUser(query));
        return QString();
    });
    return users;
}

QString UserRepository::remove(const QString &phone)
{
    const QString error = m_db.write([&](const QSqlDatabase &db) {
        QString failed;
        SqlStatement remove(db);
        if (!remove.prepare(u"DELETE FROM users WHERE phone = ?"_s, u"remove user "_s + phone,
                            &failed)
            || !remove.exec({ phone }, &failed))
            return failed;
        return QString();
    });
    if (error.isEmpty())
        notify(phone);
    return error;
}

int UserRepository::subscribe(std::function<void(const QString &)> listener)
{
    std::lock_guard lock(m_listenersMutex);
    const int id = m_nextListener++;
    m_listeners.emplace_back(id, std::move(listener));
    return id;
}

void UserRepository::unsubscribe(int id)
{
    std::lock_guard lock(m_listenersMutex);
    std::erase_if(m_listeners, [id](const auto &entry) { return entry.first == id; });
}

void UserRepository::notify(const QString &phone) const
{
    // Under the lock, so a listener that unsubscribes is never called after it returned.
    std::lock_guard lock(m_listenersMutex);
    for (const auto &[id, listener] : m_listeners)
        listener(phone);
}

} // namespace m1
