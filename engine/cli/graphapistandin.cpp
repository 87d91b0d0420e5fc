#include "cli/graphapistandin.h"

#include "cli/replytimer.h"
#include "core/clock.h"
#include "testsupport/fakegraphapiserver.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace m1 {

GraphApiStandIn::GraphApiStandIn(ReplyTimer &timer, const Clock &clock)
    : m_timer(timer)
    , m_clock(clock)
{
    m_thread.setObjectName(u"load-graph-api"_s);
    m_thread.start();
    m_anchor.moveToThread(&m_thread);
}

GraphApiStandIn::~GraphApiStandIn()
{
    QMetaObject::invokeMethod(&m_anchor, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString GraphApiStandIn::start()
{
    QString error;
    QMetaObject::invokeMethod(
        &m_anchor,
        [this, &error] {
            m_server = new FakeGraphApiServer;
            if (!m_server->listen(&error))
                return;
            QObject::connect(m_server, &FakeGraphApiServer::requestReceived, m_server, [this](int index) {
                m_timer.record(m_server->requests().at(index).json.value(u"to"_s).toString(),
                               m_clock.monotonicNs());
            });
        },
        Qt::BlockingQueuedConnection);
    return error;
}

WhatsAppConfig GraphApiStandIn::config() const
{
    WhatsAppConfig c;
    QMetaObject::invokeMethod(&m_anchor, [this, &c] { c = m_server->config(); },
                              Qt::BlockingQueuedConnection);
    return c;
}

int GraphApiStandIn::requestCount() const
{
    int n = 0;
    QMetaObject::invokeMethod(&m_anchor, [this, &n] { n = m_server->requestCount(); },
                              Qt::BlockingQueuedConnection);
    return n;
}

int GraphApiStandIn::refusedCount() const
{
    int n = 0;
    QMetaObject::invokeMethod(
        &m_anchor,
        [this, &n] {
            for (const FakeGraphApiServer::Request &r : m_server->requests())
                n += r.status == 200 ? 0 : 1;
        },
        Qt::BlockingQueuedConnection);
    return n;
}

} // namespace m1
