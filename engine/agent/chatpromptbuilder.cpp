#include "agent/chatpromptbuilder.h"

#include "agent/functionschemabuilder.h"
#include "core/clock.h"
#include "registry/toolregistry.h"
#include "search/searchresult.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace m1 {

ChatPromptBuilder::ChatPromptBuilder(const LlmPlannerOptions &options, const Clock &clock, QTimeZone zone)
    : m_options(options), m_clock(clock), m_zone(std::move(zone))
{
}

QString ChatPromptBuilder::systemPrompt(const PlanRequest &request) const
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), m_zone);
    const QString today = QLocale::c().toString(now, u"dddd yyyy-MM-dd HH:mm"_s);
    const QString language = request.language == ReplyLanguage::Croatian ? u"Croatian"_s : u"English"_s;
    return u"You route WhatsApp messages from drivers and fleet staff of a fleet-mobility company to the "
           "company's API functions. Now it is "_s
            + today + u" (Europe/Zagreb). The user writes "_s + language
            + u" (Croatian or English). Call exactly one function when the message asks for something it does. "
              "Fill only arguments the user stated or that follow from the conversation (dates as ISO 8601); "
              "never invent identifiers. If the message is not a request for any of the functions (a greeting, "
              "thanks, small talk), answer with the single word "_s
            + noneWord() + u". If it is a request but you cannot tell which function, answer with the single word "_s
            + askWord() + u'.';
}

ChatPromptBuilder::Prompt ChatPromptBuilder::build(const PlanRequest &request) const
{
    Prompt prompt;
    QJsonArray tools;
    for (const ScoredTool &s : request.search.results) {
        if (tools.size() >= m_options.topK)
            break;
        const ToolDefinition *tool = request.registry.find(s.id);
        if (!tool || !prompt.names.nameFor(tool->id).isEmpty())
            continue;
        tools.append(FunctionSchemaBuilder::tool(*tool, prompt.names.add(tool->id)));
    }

    QJsonArray messages;
    messages.append(QJsonObject { { u"role"_s, u"system"_s }, { u"content"_s, systemPrompt(request) } });
    const qsizetype keep = std::max(0, m_options.historyMessages);
    const QList<ChatMessage> recent = request.history.mid(std::max<qsizetype>(0, request.history.size() - keep));
    for (const ChatMessage &m : recent) {
        if (m.text.trimmed().isEmpty())
            continue;
        messages.append(QJsonObject { { u"role"_s, m.role == ChatMessage::Role::User ? u"user"_s : u"assistant"_s },
                                      { u"content"_s, m.text } });
    }
    messages.append(QJsonObject { { u"role"_s, u"user"_s }, { u"content"_s, request.message } });

    QJsonObject body;
    if (m_options.flavor == LlmPlannerOptions::Flavor::OpenAi)
        body.insert(u"model"_s, m_options.model); // Azure names the model by the deployment in the URL
    body.insert(u"messages"_s, messages);
    if (!tools.isEmpty()) {
        body.insert(u"tools"_s, tools);
        body.insert(u"tool_choice"_s, u"auto"_s);
    }
    prompt.body = body;
    return prompt;
}

} // namespace m1
