#pragma once

// The worker pool's profile lookup (WorkerPool::setProfileLookup) backed by the users table,
// with a small cache in front so a busy user costs one query per TTL, not one per message.
// Upserts and removes made through the UserRepository invalidate the phone at once; changes
// made elsewhere (another process, an admin's SQL) show within the TTL. When the database fails
// the lookup answers with just the phone and leaves the database alone for a short back-off,
// so an outage does not add a connect timeout to every message.
//
//   SqlProfileLookup profiles(users, clock);
//   pool.setProfileLookup([&profiles](const QString &phone) { return profiles.lookup(phone); });

#include "agent/userprofile.h"
#include "store/userrecord.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace m1 {

class Clock;
class UserRepository;

class SqlProfileLookup
{
public:
    struct Options
    {
        qint64 ttlMs = 60'000;
        int capacity = 10'000; // cached phones; the oldest half is dropped beyond this
        qint64 errorBackoffMs = 5'000;
    };
    struct Stats
    {
        quint64 hits = 0;
        quint64 misses = 0; // database queries
        quint64 errors = 0;
        int cached = 0;
    };

    SqlProfileLookup(UserRepository &users, const Clock &clock, Options options);
    SqlProfileLookup(UserRepository &users, const Clock &clock);
    ~SqlProfileLookup();
    SqlProfileLookup(const SqlProfileLookup &) = delete;
    SqlProfileLookup &operator=(const SqlProfileLookup &) = delete;

    // Thread-safe. An unknown phone (or a failing database) gives a profile with only the phone.
    UserProfile lookup(const QString &phone) const;
    void invalidate(const QString &phone);
    void clear();
    Stats stats() const;

    static UserProfile toProfile(const UserRecord &user);

private:
    struct Entry
    {
        UserProfile profile;
        qint64 expiresAtMs = 0;
        qint64 storedAtMs = 0;
    };
    void store(const QString &phone, const UserProfile &profile, quint64 epoch) const;

    UserRepository &m_users;
    const Clock &m_clock;
    const Options m_options;
    int m_subscription = 0;

    mutable QMutex m_mutex;
    mutable QHash<QString, Entry> m_cache;
    mutable Stats m_stats;
    mutable quint64 m_epoch
        = 0; // bumped by every invalidation: a read that raced one is not cached
    mutable qint64 m_unavailableUntilMs = 0;
};

} // namespace m1
