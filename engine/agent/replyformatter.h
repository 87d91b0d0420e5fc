#pragma once

// Everything the bot says, shaped for WhatsApp and the user's language: long text split at
// 4,096 characters on paragraph/sentence/word boundaries, up to three reply buttons (titles
// ≤ 20), lists (≤ 10 rows, titles ≤ 24, descriptions ≤ 72), the confirmation asked before a
// write ("Potvrdi / Odustani"), the question for one missing parameter, and the reply to a
// tool's result (a schema-driven summary, or an error a driver understands).
// Messages come back with an empty `to`; the orchestrator addresses them (address()).

#include "agent/replyoption.h"
#include "agent/responsesummarizer.h"
#include "agent/toolresult.h"
#include "agent/valueformatter.h"

#include "channel/outboundmessage.h"
#include "registry/tooldefinition.h"

#include <QList>

namespace m1 {

class ReplyFormatter
{
public:
    // Ids of the buttons the formatter makes; the orchestrator compares replies against them.
    static QString confirmId() { return QStringLiteral("confirm"); }
    static QString cancelId() { return QStringLiteral("cancel"); }
    static QString yesId() { return QStringLiteral("yes"); }
    static QString noId() { return QStringLiteral("no"); }

    explicit ReplyFormatter(const AgentTr &tr,
                            QTimeZone zone = QTimeZone(QByteArrayLiteral("Europe/Zagreb")));

    QList<OutboundMessage> text(const QString &body) const;
    OutboundMessage buttons(const QString &body, const QList<ReplyOption> &options) const;
    OutboundMessage list(const QString &body, const QString &buttonText, const QList<ReplyOption> &rows) const;
    // Buttons for up to three options, a list for more (WhatsApp allows no fourth button).
    OutboundMessage choice(ReplyLanguage language, const QString &body, const QList<ReplyOption> &options) const;

    OutboundMessage confirmation(ReplyLanguage language, const ToolDefinition &tool,
                                 const QJsonObject &arguments) const;
    OutboundMessage question(ReplyLanguage language, const ToolDefinition &tool,
                             const QString &parameterName) const;
    QList<OutboundMessage> result(ReplyLanguage language, const ToolDefinition &tool,
                                  const ToolResult &result) const;

    static void address(QList<OutboundMessage> &messages, const QString &to);

    const ValueFormatter &values() const { return m_values; }
    const ResponseSummarizer &summarizer() const { return m_summarizer; }

private:
    QString toolTitle(ReplyLanguage language, const ToolDefinition &tool) const;
    QString errorText(ReplyLanguage language, const ToolResult &result) const;
    static QString serverMessage(const QJsonValue &body);
    static QString fitBody(const QString &body);

    const AgentTr &m_tr;
    ValueFormatter m_values;
    ResponseSummarizer m_summarizer;
};

} // namespace m1
