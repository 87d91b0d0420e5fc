#include "facade/botserver.h"

#include "agent/httptoolexecutor.h"
#include "agent/sandboxexecutor.h"
#include "facade/cancellableexecutor.h"
#include "facade/delayingexecutor.h"
#include "net/networkclients.h"
#include "pipeline/botservice.h"

using namespace Qt::StringLiterals;

namespace m1 {

BotServer::BotServer(const BotServerParts &parts, const ServeOptions &options)
    : m_network(std::make_unique<NetworkClients>())
{
    if (options.executor == ServeOptions::Executor::Sandbox) {
        m_innerExecutor = std::make_unique<SandboxExecutor>(parts.clock);
    } else {
        HttpExecutorOptions httpOptions;
        httpOptions.baseUrlOverride = options.apiBaseUrl;
        m_innerExecutor
            = std::make_unique<HttpToolExecutor>(*m_network, parts.clock, options.auth, httpOptions, &parts.metrics);
    }
    ToolExecutor *executor = m_innerExecutor.get();
    if (options.testExecutorDelayMs > 0) {
        m_delayed = std::make_unique<DelayingExecutor>(*executor, options.testExecutorDelayMs);
        executor = m_delayed.get();
    }
    m_executor = std::make_unique<CancellableExecutor>(*executor);
    m_service = std::make_unique<BotService>(BotServiceParts { parts.registry, parts.search, parts.store,
                                                               *m_executor, *m_network, parts.clock,
                                                               parts.metrics, parts.planner, parts.graph },
                                             options.serviceOptions());
}

BotServer::~BotServer()
{
    // The service (its lanes) goes first: it calls the executors, which use the network clients.
    m_service.reset();
}

void BotServer::cancelToolCalls()
{
    m_executor->cancelAll();
}

QString BotServer::url() const
{
    const QHostAddress address = m_service->address();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']'
                                                                              : address.toString();
    return u"http://"_s + host + u':' + QString::number(m_service->port()) + u"/webhook"_s;
}

} // namespace m1
