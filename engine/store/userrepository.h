#pragma once

// The users table: insert-or-update by phone and lookup by phone, from any thread. Callers that
// cache profiles subscribe to hear about every upsert made through this repository.

#include "store/userrecord.h"

#include <QList>
#include <QString>

#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace m1 {

class Clock;
class SqlDatabase;

class UserRepository
{
public:
    UserRepository(const SqlDatabase &db, const Clock &clock);

    // Inserts the user or replaces every field of the existing row with that phone (creation
    // time kept). "" or what went wrong.
    QString upsert(const UserRecord &user);
    // nullopt with *error empty when no user has that phone; nullopt with *error on failure.
    std::optional<UserRecord> findByPhone(const QString &phone, QString *error) const;
    // All users, ordered by phone (admin listings; small tables only).
    QList<UserRecord> all(QString *error) const;
    QString remove(const QString &phone);

    // `listener(phone)` runs on the writing thread after each successful upsert or remove.
    // Returns an id for unsubscribe(); subscribers must unsubscribe before they go away.
    int subscribe(std::function<void(const QString &phone)> listener);
    void unsubscribe(int id);

private:
    void notify(const QString &phone) const;

    const SqlDatabase &m_db;
    const Clock &m_clock;
    mutable std::mutex m_listenersMutex;
    std::vector<std::pair<int, std::function<void(const QString &)>>> m_listeners;
    int m_nextListener = 1;
};

} // namespace m1
