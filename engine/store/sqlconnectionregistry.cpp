#include "store/sqlconnectionregistry.h"

#include <QSqlDatabase>

#include <atomic>
#include <vector>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

std::atomic<quint64> g_nextRegistry { 1 };
std::atomic<quint64> g_nextThread { 1 };

// Lives in each thread that ever asked for a connection; its destructor runs when the thread
// exits (std::thread, QThread and the main thread alike) and removes that thread's connections.
struct ThreadConnections
{
    struct Entry
    {
        std::weak_ptr<SqlConnectionRegistry> registry;
        const SqlConnectionRegistry *key = nullptr;
        QString name;
    };
    quint64 serial = g_nextThread.fetch_add(1, std::memory_order_relaxed);
    std::vector<Entry> entries;

    ~ThreadConnections()
    {
        for (const Entry &entry : entries) {
            if (const auto registry = entry.registry.lock())
                registry->release(entry.name);
        }
    }
};

thread_local ThreadConnections t_connections;

} // namespace

std::shared_ptr<SqlConnectionRegistry> SqlConnectionRegistry::create()
{
    return std::shared_ptr<SqlConnectionRegistry>(new SqlConnectionRegistry());
}

SqlConnectionRegistry::SqlConnectionRegistry()
    : m_serial(g_nextRegistry.fetch_add(1, std::memory_order_relaxed))
{
}

SqlConnectionRegistry::~SqlConnectionRegistry()
{
    removeAll();
}

QString SqlConnectionRegistry::nameForThisThread(bool *created)
{
    auto &entries = t_connections.entries;
    for (auto it = entries.begin(); it != entries.end();) {
        if (it->registry.expired()) {
            // A database this thread used is gone; its connection was removed with it. The
            // address may have been reused by a new registry, so check expiry first.
            it = entries.erase(it);
            continue;
        }
        if (it->key == this) {
            *created = false;
            return it->name;
        }
        ++it;
    }
    const QString name
        = u"m1sql/"_s + QString::number(m_serial) + u'/' + QString::number(t_connections.serial);
    {
        std::lock_guard lock(m_mutex);
        m_names.insert(name);
    }
    entries.push_back({ weak_from_this(), this, name });
    *created = true;
    return name;
}

void SqlConnectionRegistry::release(const QString &name)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_names.remove(name))
            return;
    }
    QSqlDatabase::removeDatabase(name);
}

void SqlConnectionRegistry::removeAll()
{
    QSet<QString> names;
    {
        std::lock_guard lock(m_mutex);
        names.swap(m_names);
    }
    for (const QString &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

int SqlConnectionRegistry::liveConnections() const
{
    std::lock_guard lock(m_mutex);
    return int(m_names.size());
}

} // namespace m1
