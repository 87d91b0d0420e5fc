#include "pipeline/unansweredlog.h"

#include "conversation/conversationkeys.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"

#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace m1 {

UnansweredLog::UnansweredLog(MetricsRegistry &metrics, UnansweredLogOptions options)
    : m_options(std::move(options))
    , m_sendFailed(metrics.counter(u"pipeline.unanswered.send_failed"_s,
                                   u"Messages left without a reply: sending failed (see m1:failed)"_s))
    , m_rateLimited(metrics.counter(u"pipeline.unanswered.rate_limited"_s,
                                    u"Messages dropped over the rate limit after the notice (see m1:dropped)"_s))
    , m_undecodable(metrics.counter(u"pipeline.unanswered.undecodable"_s,
                                    u"Stream entries that could not be read back (see m1:failed)"_s))
    , m_inDoubt(metrics.counter(u"pipeline.unanswered.in_doubt"_s,
                                u"Messages whose reply a crashed delivery may have sent; not sent again (see m1:failed)"_s))
{
}

QString UnansweredLog::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::SendFailed:
        return u"send_failed"_s;
    case Reason::RateLimited:
        return u"rate_limited"_s;
    case Reason::Undecodable:
        return u"undecodable"_s;
    case Reason::InDoubt:
        return u"in_doubt"_s;
    }
    return u"send_failed"_s;
}

QByteArray UnansweredLog::toJson(const Record &record)
{
    const QJsonObject o { { u"message_id"_s, record.messageId },
                          { u"from"_s, record.from },
                          { u"reason"_s, reasonName(record.reason) },
                          { u"detail"_s, record.detail },
                          { u"entry"_s, QString::fromLatin1(record.entryId) },
                          { u"at_ms"_s, double(record.atMs) } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

RedisCommand UnansweredLog::command(const Record &record) const
{
    const QByteArray &stream
        = record.reason == Reason::RateLimited ? m_options.droppedStream : m_options.failedStream;
    return RedisCommand::of("XADD", stream, "MAXLEN", "~", m_options.maxEntries, "*", "u",
                            toJson(record));
}

Counter &UnansweredLog::counter(Reason reason)
{
    switch (reason) {
    case Reason::SendFailed:
        return m_sendFailed;
    case Reason::RateLimited:
        return m_rateLimited;
    case Reason::Undecodable:
        return m_undecodable;
    case Reason::InDoubt:
        return m_inDoubt;
    }
    return m_sendFailed;
}

void UnansweredLog::recorded(const Record &record)
{
    counter(record.reason).add();
    // A dropped flood message is policy, said once per window by the rate limiter's own line;
    // a failure is a user left without an answer.
    if (record.reason == Reason::RateLimited)
        return;
    qCWarning(lcEngine).noquote() << u"pipeline: message "_s + record.messageId + u" from "_s
            + ConversationKeys::redact(record.from) + u" left unanswered ("_s
            + reasonName(record.reason) + u"): "_s + record.detail;
}

} // namespace m1
