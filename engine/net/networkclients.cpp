#include "net/networkclients.h"

#include <QNetworkAccessManager>
#include <QThread>

namespace m1 {

NetworkClients::Holder::~Holder()
{
    if (!manager)
        return;
    // At thread exit QThreadStorage destroys the holder after the thread's last pass over
    // deferred deletes, so a deleteLater() would never run and the manager would leak. The thread
    // runs no more events by then, so nothing queued can refer to the manager any more.
    if (QThread::currentThread()->isRunning())
        manager->deleteLater();
    else
        delete manager;
}

NetworkClients::~NetworkClients()
{
    // QThreadStorage deletes the calling thread's value when it is replaced.
    if (m_managers.hasLocalData())
        m_managers.setLocalData(nullptr);
}

QNetworkAccessManager *NetworkClients::forCurrentThread()
{
    if (!m_managers.hasLocalData() || !m_managers.localData()) {
        auto *holder = new Holder;
        holder->manager = new QNetworkAccessManager;
        // Requests set their own timeouts; redirects are followed only to the same or safer scheme.
        holder->manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        m_managers.setLocalData(holder);
    }
    return m_managers.localData()->manager;
}

void NetworkClients::releaseForCurrentThread()
{
    if (m_managers.hasLocalData())
        m_managers.setLocalData(nullptr);
}

bool NetworkClients::hasClientForCurrentThread() const
{
    return m_managers.hasLocalData() && m_managers.localData();
}

} // namespace m1
