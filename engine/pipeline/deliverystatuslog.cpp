#include "pipeline/deliverystatuslog.h"

#include "conversation/conversationkeys.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"

#include <QDebug>

using namespace Qt::StringLiterals;

namespace m1 {

DeliveryStatusLog::DeliveryStatusLog(MetricsRegistry &metrics, DeliveryStatusLogOptions options)
    : m_metrics(metrics)
    , m_options(std::move(options))
    , m_sent(metrics.counter(u"pipeline.statuses.sent"_s, u"Delivery statuses: sent"_s))
    , m_delivered(
          metrics.counter(u"pipeline.statuses.delivered"_s, u"Delivery statuses: delivered"_s))
    , m_read(metrics.counter(u"pipeline.statuses.read"_s, u"Delivery statuses: read"_s))
    , m_failed(metrics.counter(u"pipeline.statuses.failed"_s,
                               u"Delivery statuses: failed (see pipeline.status_errors.<code>)"_s))
    , m_other(metrics.counter(u"pipeline.statuses.other"_s,
                              u"Delivery statuses of a kind the engine does not know"_s))
{
}

QList<RedisCommand> DeliveryStatusLog::commands(const QList<MessageStatus> &statuses) const
{
    QList<RedisCommand> out;
    out.reserve(statuses.size());
    for (const MessageStatus &s : statuses) {
        const QByteArray json = s.toJson();
        out.append(RedisCommand::of("XADD", m_options.stream, "MAXLEN", "~", m_options.maxEntries,
                                    "*", "s", json));
        if (s.status == MessageStatus::State::Failed)
            out.append(RedisCommand::of("XADD", m_options.failedStream, "MAXLEN", "~",
                                        m_options.maxFailedEntries, "*", "s", json));
    }
    return out;
}

Counter &DeliveryStatusLog::stateCounter(MessageStatus::State state)
{
    switch (state) {
    case MessageStatus::State::Sent:
        return m_sent;
    case MessageStatus::State::Delivered:
        return m_delivered;
    case MessageStatus::State::Read:
        return m_read;
    case MessageStatus::State::Failed:
        return m_failed;
    case MessageStatus::State::Unknown:
        break;
    }
    return m_other;
}

void DeliveryStatusLog::recorded(const QList<MessageStatus> &statuses)
{
    for (const MessageStatus &s : statuses) {
        stateCounter(s.status).add();
        for (const GraphError &e : s.errors) {
            // One counter per code: the set of codes Meta uses is small and fixed.
            m_metrics
                .counter(u"pipeline.status_errors."_s + QString::number(e.code),
                         u"Delivery statuses carrying this Graph error code"_s)
                .add();
        }
        if (s.status != MessageStatus::State::Failed)
            continue;
        QStringList reasons;
        for (const GraphError &e : s.errors)
            reasons.append(e.toString());
        qCWarning(lcChannel).noquote()
            << "delivery of" << s.messageId << "to" << ConversationKeys::redact(s.recipient)
            << "failed:" << (reasons.isEmpty() ? u"no error given"_s : reasons.join(u"; "_s));
    }
    if (m_handler)
        m_handler(statuses);
}

} // namespace m1
