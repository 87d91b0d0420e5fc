#pragma once
// Knobs of a BotPipeline: the worker pool, the conversation layer, the stream names, the
// delivery-status record and where the Croatian phrases come from.
#include "conversation/conversationconfig.h"
#include "pipeline/deliverystatuslogoptions.h"
#include "pipeline/inboundqueue.h"
#include "pipeline/workerpooloptions.h"

#include <QByteArray>
#include <QString>

namespace m1 {

struct BotPipelineOptions
{
    WorkerPoolOptions workers;
    ConversationConfig conversation;
    QByteArray stream = InboundQueue::defaultStream();
    QByteArray group = InboundQueue::defaultGroup();
    DeliveryStatusLogOptions statuses;
    // The compiled Croatian catalogue; empty → English only (plus the application's translators).
    QString croatianCatalogue = QStringLiteral(":/m1/i18n/m1_hr.qm");
};

} // namespace m1
