#pragma once

// Qt SQL connections belong to the thread that opened them, so the SQL store keeps one per
// thread, named uniquely per (database, thread). This registry hands out those names and makes
// sure every connection it named is removed exactly once: by the thread's own exit (a
// thread_local guard) or, for threads that outlive it, by the registry's removeAll().

#include <QSet>
#include <QString>

#include <memory>
#include <mutex>

namespace m1 {

class SqlConnectionRegistry : public std::enable_shared_from_this<SqlConnectionRegistry>
{
public:
    static std::shared_ptr<SqlConnectionRegistry> create();
    ~SqlConnectionRegistry();
    SqlConnectionRegistry(const SqlConnectionRegistry &) = delete;
    SqlConnectionRegistry &operator=(const SqlConnectionRegistry &) = delete;

    // This thread's connection name; *created tells whether the caller must addDatabase it.
    QString nameForThisThread(bool *created);
    // Removes every connection still registered (threads that have not exited yet). Call once
    // no thread uses the database any more.
    void removeAll();
    int liveConnections() const;

    // Called by a thread's exit guard.
    void release(const QString &name);

private:
    SqlConnectionRegistry();

    const quint64 m_serial;
    mutable std::mutex m_mutex;
    QSet<QString> m_names;
};

} // namespace m1
