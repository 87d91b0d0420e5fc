#include "facade/sqlprofilelookup.h"

#include "core/clock.h"
#include "core/logcategories.h"
#include "store/userrepository.h"

#include <algorithm>
#include <vector>

namespace m1 {

SqlProfileLookup::SqlProfileLookup(UserRepository &users, const Clock &clock)
    : SqlProfileLookup(users, clock, Options {})
{
}

SqlProfileLookup::SqlProfileLookup(UserRepository &users, const Clock &clock, Options options)
    : m_users(users)
    , m_clock(clock)
    , m_options(options)
{
    m_subscription = m_users.subscribe([this](const QString &phone) { invalidate(phone); });
}

SqlProfileLookup::~SqlProfileLookup()
{
    m_users.unsubscribe(m_subscription);
}

UserProfile SqlProfileLookup::toProfile(const UserRecord &user)
{
    return {
        user.phone, user.personId, user.tenant, user.name, user.defaultVehicleId, user.language
    };
}

UserProfile SqlProfileLookup::lookup(const QString &phone) const
{
    UserProfile fallback;
    fallback.phone = phone;
    if (phone.isEmpty())
        return fallback;
    const qint64 now = m_clock.nowMs();
    quint64 epoch = 0;
    {
        QMutexLocker lock(&m_mutex);
        const auto found = m_cache.constFind(phone);
        if (found != m_cache.constEnd() && found->expiresAtMs > now) {
            ++m_stats.hits;
            return found->profile;
        }
        if (now < m_unavailableUntilMs) {
            ++m_stats.errors;
            return fallback;
        }
        ++m_stats.misses;
        epoch = m_epoch;
    }
    QString error;
    const std::optional<UserRecord> user = m_users.findByPhone(phone, &error);
    if (!error.isEmpty()) {
        qCWarning(lcStore).noquote() << "profile lookup for" << phone << "failed:" << error;
        QMutexLocker lock(&m_mutex);
        ++m_stats.errors;
        m_unavailableUntilMs = m_clock.nowMs() + m_options.errorBackoffMs;
        return fallback;
    }
    const UserProfile profile = user ? toProfile(*user) : fallback;
    store(phone, profile, epoch);
    return profile;
}

void SqlProfileLookup::store(const QString &phone, const UserProfile &profile, quint64 epoch) const
{
    const qint64 now = m_clock.nowMs();
    QMutexLocker lock(&m_mutex);
    if (epoch != m_epoch)
        return; // invalidated while reading: the row read may predate the change
    if (m_cache.size() >= m_options.capacity && !m_cache.contains(phone)) {
        // Drop the older half: amortised O(1) per insert, no per-entry bookkeeping.
        std::vector<qint64> ages;
        ages.reserve(size_t(m_cache.size()));
        for (const Entry &entry : std::as_const(m_cache))
            ages.push_back(entry.storedAtMs);
        auto middle = ages.begin() + ptrdiff_t(ages.size() / 2);
        std::nth_element(ages.begin(), middle, ages.end());
        const qint64 cutoff = *middle;
        m_cache.removeIf([cutoff](const auto &it) { return it.value().storedAtMs <= cutoff; });
    }
    m_cache.insert(phone, { profile, now + m_options.ttlMs, now });
}

void SqlProfileLookup::invalidate(const QString &phone)
{
    QMutexLocker lock(&m_mutex);
    ++m_epoch;
    m_cache.remove(phone);
    m_unavailableUntilMs = 0;
}

void SqlProfileLookup::clear()
{
    QMutexLocker lock(&m_mutex);
    ++m_epoch;
    m_cache.clear();
    m_unavailableUntilMs = 0;
}

SqlProfileLookup::Stats SqlProfileLookup::stats() const
{
    QMutexLocker lock(&m_mutex);
    Stats copy = m_stats;
    copy.cached = int(m_cache.size());
    return copy;
}

} // namespace m1
