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

#include <functional>

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
    // Counts and logs statuses the store confirmed, then hands them to the recorded handler.
    void recorded(const QList<MessageStatus> &statuses);
    // Called (on the store's thread) with the statuses recorded() got: the SQL message log
    // keeps them against the replies. Set before the pipeline starts.
    void setRecordedHandler(std::function<void(const QList<MessageStatus> &)> handler)
    {
        m_handler = std::move(handler);
    }

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
    std::function<void(const QList<MessageStatus> &)> m_handler;
};

} // namespace m1
