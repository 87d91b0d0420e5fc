#include "channel/graphapirequestbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Collects the first error and any clipping while one message is checked.
class Checker
{
public:
    explicit Checker(GraphApiRequestBuilder::Oversize policy)
        : m_policy(policy)
    {
    }

    // A text field with a length limit: clipped or rejected when too long; rejected when empty
    // and required.
    QString text(const QString &value, int max, const QString &where, bool required)
    {
        if (value.trimmed().isEmpty()) {
            if (required)
                fail(where + u": must not be empty"_s);
            return value;
        }
        const int length = GraphApiRequestBuilder::characterCount(value);
        if (length <= max)
            return value;
        if (m_policy == GraphApiRequestBuilder::Oversize::Reject) {
            fail(where + u": "_s + QString::number(length) + u" characters, at most "_s
                 + QString::number(max) + u" allowed"_s);
            return value;
        }
        adjustments.append(where + u": clipped from "_s + QString::number(length) + u" to "_s
                           + QString::number(max) + u" characters"_s);
        return GraphApiRequestBuilder::clipped(value, max);
    }

    // Ids travel back in the user's reply; shortening one would silently change its meaning.
    void id(const QString &value, int max, const QString &where)
    {
        if (value.isEmpty())
            fail(where + u": must not be empty"_s);
        else if (GraphApiRequestBuilder::characterCount(value) > max)
            fail(where + u": longer than "_s + QString::number(max) + u" characters"_s);
    }

    void fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
    }

    QString error;
    QStringList adjustments;

private:
    GraphApiRequestBuilder::Oversize m_policy;
};

QJsonObject envelope(const OutboundMessage &m, const QString &type)
{
    QJsonObject o { { "messaging_product"_L1, u"whatsapp"_s },
                    { "recipient_type"_L1, u"individual"_s },
                    { "to"_L1, m.to },
                    { "type"_L1, type } };
    if (!m.replyToMessageId.isEmpty())
        o.insert("context"_L1, QJsonObject { { "message_id"_L1, m.replyToMessageId } });
    return o;
}

void addHeaderFooterBody(QJsonObject &interactive, const OutboundMessage &m, Checker &check)
{
    const QString body
        = check.text(m.text, GraphApiRequestBuilder::MaxInteractiveBody, u"body"_s, true);
    interactive.insert("body"_L1, QJsonObject { { "text"_L1, body } });
    if (!m.header.isEmpty()) {
        const QString header
            = check.text(m.header, GraphApiRequestBuilder::MaxHeader, u"header"_s, false);
        interactive.insert("header"_L1,
                           QJsonObject { { "type"_L1, u"text"_s }, { "text"_L1, header } });
    }
    if (!m.footer.isEmpty()) {
        const QString footer
            = check.text(m.footer, GraphApiRequestBuilder::MaxFooter, u"footer"_s, false);
        interactive.insert("footer"_L1, QJsonObject { { "text"_L1, footer } });
    }
}

QJsonObject buttonsBody(const OutboundMessage &m, Checker &check)
{
    if (m.buttons.isEmpty() || m.buttons.size() > GraphApiRequestBuilder::MaxButtons)
        check.fail(u"buttons: "_s + QString::number(m.buttons.size())
                   + u" given, 1 to 3 reply buttons allowed (use a list for more options)"_s);
    QJsonObject interactive { { "type"_L1, u"button"_s } };
    addHeaderFooterBody(interactive, m, check);
    QJsonArray buttons;
    QSet<QString> ids;
    QSet<QString> titles;
    for (qsizetype i = 0; i < m.buttons.size(); ++i) {
        const auto &b = m.buttons.at(i);
        const QString at = u"buttons["_s + QString::number(i) + u']';
        check.id(b.id, GraphApiRequestBuilder::MaxButtonId, at + u".id"_s);
        const QString title
            = check.text(b.title, GraphApiRequestBuilder::MaxButtonTitle, at + u".title"_s, true);
        if (ids.contains(b.id))
            check.fail(at + u".id: \""_s + b.id + u"\" is used twice; button ids must be unique"_s);
        if (titles.contains(title))
            check.fail(at + u".title: \""_s + title
                       + u"\" is used twice; button titles must be unique"_s);
        ids.insert(b.id);
        titles.insert(title);
        buttons.append(QJsonObject {
            { "type"_L1, u"reply"_s },
            { "reply"_L1, QJsonObject { { "id"_L1, b.id }, { "title"_L1, title } } } });
    }
    interactive.insert("action"_L1, QJsonObject { { "buttons"_L1, buttons } });
    return interactive;
}

QJsonObject listBody(const OutboundMessage &m, Checker &check)
{
    const auto &list = m.list;
    QJsonObject interactive { { "type"_L1, u"list"_s } };
    addHeaderFooterBody(interactive, m, check);
    const QString button = check.text(list.buttonText, GraphApiRequestBuilder::MaxListButton,
                                      u"list.buttonText"_s, true);
    if (list.sections.isEmpty() || list.sections.size() > GraphApiRequestBuilder::MaxSections)
        check.fail(u"list.sections: "_s + QString::number(list.sections.size())
                   + u" given, 1 to 10 sections allowed"_s);
    qsizetype totalRows = 0;
    QSet<QString> rowIds;
    QJsonArray sections;
    for (qsizetype s = 0; s < list.sections.size(); ++s) {
        const auto &section = list.sections.at(s);
        const QString at = u"list.sections["_s + QString::number(s) + u']';
        QJsonObject sectionJson;
        const QString title = check.text(section.title, GraphApiRequestBuilder::MaxSectionTitle,
                                         at + u".title"_s, list.sections.size() > 1);
        if (!title.isEmpty())
            sectionJson.insert("title"_L1, title);
        if (section.rows.isEmpty())
            check.fail(at + u".rows: a section needs at least one row"_s);
        QJsonArray rows;
        for (qsizetype r = 0; r < section.rows.size(); ++r) {
            const auto &row = section.rows.at(r);
            const QString rowAt = at + u".rows["_s + QString::number(r) + u']';
            check.id(row.id, GraphApiRequestBuilder::MaxRowId, rowAt + u".id"_s);
            if (rowIds.contains(row.id))
                check.fail(rowAt + u".id: \""_s + row.id
                           + u"\" is used twice; row ids must be unique"_s);
            rowIds.insert(row.id);
            QJsonObject rowJson { { "id"_L1, row.id },
                                  { "title"_L1,
                                    check.text(row.title, GraphApiRequestBuilder::MaxRowTitle,
                                               rowAt + u".title"_s, true) } };
            if (!row.description.isEmpty())
                rowJson.insert("description"_L1,
                               check.text(row.description,
                                          GraphApiRequestBuilder::MaxRowDescription,
                                          rowAt + u".description"_s, false));
            rows.append(rowJson);
        }
        totalRows += section.rows.size();
        sectionJson.insert("rows"_L1, rows);
        sections.append(sectionJson);
    }
    if (totalRows > GraphApiRequestBuilder::MaxRows)
        check.fail(u"list: "_s + QString::number(totalRows)
                   + u" rows in total, at most 10 allowed"_s);
    interactive.insert("action"_L1,
                       QJsonObject { { "button"_L1, button }, { "sections"_L1, sections } });
    return interactive;
}

} // namespace

int GraphApiRequestBuilder::characterCount(QStringView text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString GraphApiRequestBuilder::clipped(const QString &text, int maxCharacters)
{
    if (characterCount(text) <= maxCharacters)
        return text;
    if (maxCharacters <= 0)
        return {};
    // Keep maxCharacters - 1 characters and mark the cut with an ellipsis.
    qsizetype end = 0;
    for (int kept = 0; kept < maxCharacters - 1 && end < text.size(); ++kept) {
        if (text[end].isHighSurrogate() && end + 1 < text.size() && text[end + 1].isLowSurrogate())
            ++end;
        ++end;
    }
    QString head = text.left(end);
    while (!head.isEmpty() && head.back().isSpace())
        head.chop(1);
    return head + u'\u2026';
}

GraphApiRequestBuilder::Result GraphApiRequestBuilder::build(const OutboundMessage &m,
                                                             Oversize policy)
{
    Checker check(policy);
    QJsonObject body;
    if (m.kind == OutboundMessage::Kind::MarkRead) {
        if (m.messageIdToMarkRead.isEmpty())
            check.fail(u"messageIdToMarkRead: must not be empty"_s);
        body = QJsonObject { { "messaging_product"_L1, u"whatsapp"_s },
                             { "status"_L1, u"read"_s },
                             { "message_id"_L1, m.messageIdToMarkRead } };
    } else {
        if (m.to.trimmed().isEmpty())
            check.fail(u"to: the recipient's WhatsApp id must not be empty"_s);
        switch (m.kind) {
        case OutboundMessage::Kind::Text: {
            body = envelope(m, u"text"_s);
            const QString text = check.text(m.text, MaxTextBody, u"text"_s, true);
            body.insert("text"_L1,
                        QJsonObject { { "preview_url"_L1, m.previewUrl }, { "body"_L1, text } });
            break;
        }
        case OutboundMessage::Kind::Buttons:
            body = envelope(m, u"interactive"_s);
            body.insert("interactive"_L1, buttonsBody(m, check));
            break;
        case OutboundMessage::Kind::List:
            body = envelope(m, u"interactive"_s);
            body.insert("interactive"_L1, listBody(m, check));
            break;
        case OutboundMessage::Kind::MarkRead:
            break;
        }
    }
    Result result;
    result.error = check.error;
    result.adjustments = check.adjustments;
    if (result.ok())
        result.json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return result;
}

} // namespace m1
