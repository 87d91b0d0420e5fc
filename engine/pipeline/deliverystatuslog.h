#pragma once
// Records the delivery statuses Meta reports for the bot's own messages (sent, delivered, read,
// failed). They are not answered: each is appended to a capped Redis Stream in the same round
// trip that queues the webhook's messages (so the webhook's 200 still means "stored"), counted
// by state and by Graph error code once stored, and a failure is logged at warning level with
// its code, because a failed delivery is a reply the user never saw.
#include "channel/messagestatus.h"
#include "pipeline/deliverystatuslogoptions.h"
#include "store/rediscommand.h"

#include <QList>

namespace m1 {

class Counter;
class MetricsRegistry;

class DeliveryStatusLog
{
public:
    explicit DeliveryStatusLog(MetricsRegistry &metrics, DeliveryStatusLogOptions options = {});

    // XADD <stream> MAXLEN ~ N * s <json> per status (and again on the failed stream for
    // failures). Added to the caller's pipeline.
    QList<RedisCommand> commands(const QList<MessageStatus> &statuses) const;
    // Counts and logs statuses the store confirmed.
    void recorded(const QList<MessageStatus> &statuses);

    const DeliveryStatusLogOptions &options() const { return m_options; }

private:
    Counter &stateCounter(MessageStatus::State state);

    MetricsRegistry &m_metrics;
    const DeliveryStatusLogOptions m_options;
    Counter &m_sent;
    Counter &m_delivered;
    Counter &m_read;
    Counter &m_failed;
    Counter &m_other;
};

} // namespace m1
