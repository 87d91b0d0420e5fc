#include "facade/serveoptions.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

BotServiceOptions ServeOptions::serviceOptions() const
{
    BotServiceOptions o;
    o.webhook.address = bind;
    o.webhook.port = port;
    o.webhook.appSecret = whatsapp.appSecret.toUtf8();
    o.webhook.verifyToken = whatsapp.verifyToken;
    o.webhook.opsEndpointsLoopbackOnly = opsLoopbackOnly;
    o.sender = GraphApiSenderOptions::fromConfig(whatsapp);
    o.pipeline.workers.workers = workers;
    o.pipeline.workers.consumer = !consumer.isEmpty()
        ? consumer
        : (u"m1-"_s + QSysInfo::machineHostName() + u'-' + QString::number(QCoreApplication::applicationPid()))
              .toUtf8();
    o.pipeline.workers.claimIdleMs = claimIdleMs;
    o.pipeline.workers.claimEveryMs = std::clamp<qint64>(claimIdleMs / 2, 100, 10'000);
    o.shutdownTimeoutMs = shutdownTimeoutMs;
    return o;
}

QString ServeOptions::executorName(Executor executor)
{
    return executor == Executor::Http ? u"http"_s : u"sandbox"_s;
}

} // namespace m1
