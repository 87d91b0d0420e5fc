#include "facade/pipelinelogentries.h"

#include "agent/turntrace.h"
#include "channel/inboundmessage.h"
#include "channel/messagestatus.h"
#include "channel/outboundmessage.h"
#include "pipeline/sentreply.h"

#include <QStringList>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace m1 {

MessageLogEntry PipelineLogEntries::incoming(const InboundMessage &message, const TurnTrace &trace,
                                             qint64 nowMs)
{
    QString text;
    switch (message.type) {
    case InboundMessage::Type::Text:
        text = message.text;
        break;
    case InboundMessage::Type::ButtonReply:
    case InboundMessage::Type::ListReply:
        text = message.replyTitle;
        break;
    default:
        // Media and the rest: the kind, and a caption when there is one.
        text = u'[' + message.waType + u']'
            + (message.caption.isEmpty() ? QString() : u' ' + message.caption);
        break;
    }
    return { message.messageId,
             message.from,
             MessageLogEntry::Direction::In,
             text,
             trace.chosenToolId,
             int(trace.totalUs / 1000),
             nowMs };
}

QString PipelineLogEntries::outgoingId(const SentReply &reply)
{
    return reply.result.wamid.isEmpty()
        ? u"unsent."_s + reply.inReplyTo + u'.' + QString::number(reply.index)
        : reply.result.wamid;
}

MessageLogEntry PipelineLogEntries::outgoing(const SentReply &reply, qint64 nowMs)
{
    return { outgoingId(reply),
             reply.message.to,
             MessageLogEntry::Direction::Out,
             summary(reply.message),
             reply.toolId,
             int(std::min<qint64>(reply.latencyMs, std::numeric_limits<int>::max())),
             nowMs };
}

std::optional<MessageStatusEntry> PipelineLogEntries::sendFailure(const SentReply &reply,
                                                                  qint64 nowMs)
{
    if (reply.result.ok)
        return std::nullopt;
    return MessageStatusEntry { outgoingId(reply),      reply.message.to,          u"failed"_s,
                                reply.result.errorCode, reply.result.errorMessage, nowMs };
}

MessageStatusEntry PipelineLogEntries::status(const MessageStatus &status, qint64 nowMs)
{
    QStringList reasons;
    for (const GraphError &e : status.errors)
        reasons.append(e.toString());
    const QString state = status.status == MessageStatus::State::Unknown
        ? status.statusText
        : MessageStatus::stateName(status.status);
    return { status.messageId,
             status.recipient,
             state,
             status.errors.isEmpty() ? 0 : status.errors.first().code,
             reasons.join(u"; "_s),
             status.timestampSec > 0 ? status.timestampSec * 1000 : nowMs };
}

QString PipelineLogEntries::summary(const OutboundMessage &message)
{
    QStringList choices;
    QString prefix;
    switch (message.kind) {
    case OutboundMessage::Kind::Text:
    case OutboundMessage::Kind::MarkRead:
        return message.text;
    case OutboundMessage::Kind::Buttons:
        for (const OutboundMessage::Button &b : message.buttons)
            choices.append(b.title);
        break;
    case OutboundMessage::Kind::List:
        prefix = message.list.buttonText + u": "_s;
        for (const OutboundMessage::Section &s : message.list.sections) {
            for (const OutboundMessage::Row &r : s.rows)
                choices.append(r.title);
        }
        break;
    }
    return message.text + u" ["_s + prefix + choices.join(u" | "_s) + u']';
}

} // namespace m1
