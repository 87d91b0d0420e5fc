#pragma once

// One QNetworkAccessManager per thread, created on first use and shared by every HTTP client
// running on that thread (connection pooling, TLS session reuse). The engine owns one
// NetworkClients and hands it to its services; there is no global instance.
//
// A manager lives in, and is deleted with, the thread that asked for it. The object must outlive
// the threads that use it (the engine joins its workers first); a thread still alive when this is
// destroyed keeps its manager until it exits.

#include <QThreadStorage>

class QNetworkAccessManager;

namespace m1 {

class NetworkClients
{
public:
    NetworkClients() = default;
    ~NetworkClients();
    NetworkClients(const NetworkClients &) = delete;
    NetworkClients &operator=(const NetworkClients &) = delete;

    // The calling thread's manager. The thread needs an event loop for replies to progress.
    QNetworkAccessManager *forCurrentThread();
    bool hasClientForCurrentThread() const;
    // Deletes the calling thread's manager (deferred while the thread runs events). For an owner
    // that may be destroyed before a worker thread it used exits: QThreadStorage never deletes
    // the value of a thread that outlives it.
    void releaseForCurrentThread();

private:
    // Deletes its manager with deleteLater() while the thread still runs events: replies and
    // connection objects that finished in this event-loop pass may still have events queued that
    // refer to it. At thread exit it deletes it at once (no deferred delete runs after that).
    struct Holder
    {
        QNetworkAccessManager *manager = nullptr;
        ~Holder();
    };
    QThreadStorage<Holder *> m_managers;
};

} // namespace m1
