#include "agent/replyformatter.h"

#include "agent/parameterrole.h"
#include "agent/textlimits.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Titles must stay distinct after shortening, or the user cannot tell the choices apart.
QStringList distinctTitles(const QList<ReplyOption> &options, int max)
{
    QStringList titles;
    QSet<QString> seen;
    for (int i = 0; i < options.size(); ++i) {
        QString t = TextLimits::ellipsize(options.at(i).title, max);
        if (t.isEmpty())
            t = TextLimits::ellipsize(options.at(i).id, max);
        if (seen.contains(t)) {
            const QString suffix = u' ' + QString::number(i + 1);
            t = TextLimits::ellipsize(options.at(i).title, max - int(suffix.size())) + suffix;
        }
        seen.insert(t);
        titles.append(t);
    }
    return titles;
}

} // namespace

ReplyFormatter::ReplyFormatter(const AgentTr &tr, QTimeZone zone)
    : m_tr(tr), m_values(tr, std::move(zone)), m_summarizer(m_values)
{
}

QString ReplyFormatter::fitBody(const QString &body)
{
    if (body.size() <= TextLimits::kInteractiveBody)
        return body;
    // Drop whole lines from the end first so a confirmation keeps its head and first fields.
    QStringList lines = body.split(u'\n');
    while (lines.size() > 1 && lines.join(u'\n').size() > TextLimits::kInteractiveBody - 2)
        lines.removeLast();
    QString out = lines.join(u'\n');
    if (out.size() > TextLimits::kInteractiveBody - 2)
        return TextLimits::ellipsize(out, TextLimits::kInteractiveBody);
    return out + u"\n…"_s;
}

QList<OutboundMessage> ReplyFormatter::text(const QString &body) const
{
    QList<OutboundMessage> out;
    for (const QString &chunk : TextLimits::split(body, TextLimits::kTextMessage))
        out.append(OutboundMessage::textMessage({}, chunk));
    return out;
}

OutboundMessage ReplyFormatter::buttons(const QString &body, const QList<ReplyOption> &options) const
{
    const QList<ReplyOption> kept = options.mid(0, TextLimits::kMaxButtons);
    const QStringList titles = distinctTitles(kept, TextLimits::kButtonTitle);
    QList<OutboundMessage::Button> buttons;
    for (int i = 0; i < kept.size(); ++i)
        buttons.append({kept.at(i).id.left(256), titles.at(i)});
    return OutboundMessage::buttonsMessage({}, fitBody(body), buttons);
}

OutboundMessage ReplyFormatter::list(const QString &body, const QString &buttonText,
                                     const QList<ReplyOption> &rows) const
{
    const QList<ReplyOption> kept = rows.mid(0, TextLimits::kMaxRows);
    const QStringList titles = distinctTitles(kept, TextLimits::kRowTitle);
    OutboundMessage::Section section;
    for (int i = 0; i < kept.size(); ++i) {
        // A title too long for its row keeps its full text in the description.
        QString description = kept.at(i).description;
        if (description.isEmpty() && titles.at(i) != kept.at(i).title.simplified())
            description = kept.at(i).title;
        section.rows.append({kept.at(i).id.left(200), titles.at(i),
                             TextLimits::ellipsize(description, TextLimits::kRowDescription)});
    }
    OutboundMessage::ListSpec spec;
    spec.buttonText = TextLimits::ellipsize(buttonText, TextLimits::kListButton);
    spec.sections.append(section);
    return OutboundMessage::listMessage({}, fitBody(body), spec);
}

OutboundMessage ReplyFormatter::choice(ReplyLanguage language, const QString &body,
                                       const QList<ReplyOption> &options) const
{
    if (options.size() <= TextLimits::kMaxButtons)
        return buttons(body, options);
    QString text = body;
    if (options.size() > TextLimits::kMaxRows)
        text += u"\n"_s + m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Not in the list? Just write it."));
    return list(text, m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Choose")), options);
}

QString ReplyFormatter::toolTitle(ReplyLanguage language, const ToolDefinition &tool) const
{
    if (!tool.summary.isEmpty())
        return tool.summary;
    return m_values.labels().label(language, tool.operationId.isEmpty() ? tool.id : tool.operationId);
}

OutboundMessage ReplyFormatter::confirmation(ReplyLanguage language, const ToolDefinition &tool,
                                             const QJsonObject &arguments) const
{
    QStringList lines;
    lines.append(m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Please confirm:")) + u" *"_s
                 + toolTitle(language, tool) + u'*');
    QSet<QString> shown;
    const auto addLine = [&](const QString &name, const QJsonValue &value, const ToolParameter *p) {
        QJsonObject schema;
        if (p) {
            if (!p->format.isEmpty())
                schema.insert(u"format"_s, p->format);
            if (!p->enumValues.isEmpty())
                schema.insert(u"enum"_s, QJsonArray::fromStringList(p->enumValues));
        }
        lines.append(u"• "_s + m_values.labels().label(language, name) + u": "_s
                     + m_values.format(language, value, schema));
        shown.insert(name);
    };
    for (const ToolParameter &p : tool.parameters) {
        // Headers and cookies (idempotency keys, tenant ids) mean nothing to the user.
        if (p.location == ParamLocation::Header || p.location == ParamLocation::Cookie)
            continue;
        if (arguments.contains(p.name))
            addLine(p.name, arguments.value(p.name), &p);
    }
    for (auto it = arguments.begin(); it != arguments.end(); ++it) {
        if (!shown.contains(it.key()) && !tool.parameter(it.key()))
            addLine(it.key(), it.value(), nullptr);
    }
    return buttons(lines.join(u'\n'),
                   {{confirmId(), m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Confirm")), {}},
                    {cancelId(), m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Cancel")), {}}});
}

OutboundMessage ReplyFormatter::question(ReplyLanguage language, const ToolDefinition &tool,
                                         const QString &parameterName) const
{
    const ToolParameter *p = tool.parameter(parameterName);
    ToolParameter fallback;
    if (!p) {
        fallback.name = parameterName;
        p = &fallback;
    }
    const QString label = m_values.labels().label(language, p->name);
    QString body;
    switch (ParameterRoles::roleOf(*p)) {
    case ParameterRole::DateStart:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "From when? (for example: tomorrow at 8)"));
        break;
    case ParameterRole::DateEnd:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Until when? (for example: Friday at 16)"));
        break;
    case ParameterRole::Date:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Which date? (for example: 3.12. or tomorrow)"));
        break;
    case ParameterRole::Plate:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "What is the vehicle's licence plate? (for example: ZG-1234-AB)"));
        break;
    case ParameterRole::Mileage:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "What does the odometer show (km)?"));
        break;
    case ParameterRole::Litres:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "How many litres?"));
        break;
    case ParameterRole::Money:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "What is the amount in EUR?"));
        break;
    case ParameterRole::FreeText:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Please describe it in a few words (%1)."))
                   .arg(label);
        break;
    default:
        body = m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Please tell me: %1")).arg(label);
        break;
    }
    if (!p->description.isEmpty() && p->description.size() <= 200)
        body += u"\n_"_s + p->description.simplified() + u'_';

    if (!p->enumValues.isEmpty()) {
        QList<ReplyOption> options;
        for (const QString &v : p->enumValues)
            options.append({v, m_values.labels().enumValue(language, v), {}});
        return choice(language, body, options);
    }
    if (p->type == u"boolean") {
        return buttons(body, {{yesId(), m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Yes")), {}},
                              {noId(), m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "No")), {}}});
    }
    Q_UNUSED(tool);
    return OutboundMessage::textMessage({}, TextLimits::ellipsize(body, TextLimits::kTextMessage));
}

QString ReplyFormatter::serverMessage(const QJsonValue &body)
{
    const QJsonObject o = body.toObject();
    for (const auto &key : {u"message"_s, u"detail"_s, u"title"_s, u"error_description"_s}) {
        if (o.value(key).isString() && !o.value(key).toString().isEmpty())
            return o.value(key).toString();
    }
    if (o.value(u"error"_s).isObject())
        return serverMessage(o.value(u"error"_s));
    if (o.value(u"error"_s).isString())
        return o.value(u"error"_s).toString();
    return {};
}

QString ReplyFormatter::errorText(ReplyLanguage language, const ToolResult &r) const
{
    QString detail = serverMessage(r.body);
    if (detail.isEmpty())
        detail = r.error;
    const int s = r.httpStatus;
    if (s == 0 && r.attempts == 0 && !r.unavailable)
        return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "I could not send that request: %1")).arg(detail);
    if (s == 0)
        return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "The fleet service cannot be reached right now. Please try again in a few minutes."));
    if (s == 401 || s == 403)
        return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "You are not allowed to do that."));
    if (s == 404)
        return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "I could not find that. Please check the details."));
    if (s == 409)
        return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "That clashes with existing data: %1")).arg(detail);
    if (s == 429)
        return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "The fleet service is busy. Please try again in a minute."));
    if (s >= 400 && s < 500)
        return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "The fleet service did not accept the request: %1")).arg(detail);
    return m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "The fleet service had a problem (HTTP %1). Please try again later."))
        .arg(s);
}

QList<OutboundMessage> ReplyFormatter::result(ReplyLanguage language, const ToolDefinition &tool,
                                              const ToolResult &r) const
{
    if (!r.ok)
        return text(errorText(language, r));
    QStringList parts;
    if (r.dryRun)
        parts.append(m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "(Test mode: nothing was really changed.)")));
    if (!tool.isReadOnly())
        parts.append(m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Done.")));
    const QString summary = m_summarizer.summarize(language, tool, r.body);
    if (!summary.isEmpty())
        parts.append(summary);
    else if (tool.isReadOnly())
        parts.append(m_tr.tr(language, QT_TRANSLATE_NOOP("m1::Agent", "Nothing found.")));
    return text(parts.join(u"\n\n"_s));
}

void ReplyFormatter::address(QList<OutboundMessage> &messages, const QString &to)
{
    for (OutboundMessage &m : messages)
        m.to = to;
}

} // namespace m1
