#include "net/networkclients.h"

#include <QNetworkAccessManager>

namespace m1 {

NetworkClients::Holder::~Holder()
{
    if (manager)
        manager->deleteLater();
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

bool NetworkClients::hasClientForCurrentThread() const
{
    return m_managers.hasLocalData() && m_managers.localData();
}

} // namespace m1
