#include "channel/outboundmessage.h"

using namespace Qt::StringLiterals;

namespace m1 {

OutboundMessage OutboundMessage::textMessage(const QString &to, const QString &body)
{
    OutboundMessage m;
    m.to = to;
    m.kind = Kind::Text;
    m.text = body;
    return m;
}

OutboundMessage OutboundMessage::buttonsMessage(const QString &to, const QString &body,
                                                const QList<Button> &buttons)
{
    OutboundMessage m;
    m.to = to;
    m.kind = Kind::Buttons;
    m.text = body;
    m.buttons = buttons;
    return m;
}

OutboundMessage OutboundMessage::listMessage(const QString &to, const QString &body,
                                             const ListSpec &list)
{
    OutboundMessage m;
    m.to = to;
    m.kind = Kind::List;
    m.text = body;
    m.list = list;
    return m;
}

OutboundMessage OutboundMessage::markRead(const QString &messageId)
{
    OutboundMessage m;
    m.kind = Kind::MarkRead;
    m.messageIdToMarkRead = messageId;
    return m;
}

QString OutboundMessage::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Text:
        return u"text"_s;
    case Kind::Buttons:
        return u"buttons"_s;
    case Kind::List:
        return u"list"_s;
    case Kind::MarkRead:
        return u"mark_read"_s;
    }
    return u"text"_s;
}

QString OutboundMessage::describe() const
{
    switch (kind) {
    case Kind::MarkRead:
        return u"mark read "_s + messageIdToMarkRead;
    case Kind::Text:
        return u"to "_s + to + u": "_s + text;
    case Kind::Buttons: {
        QStringList titles;
        for (const Button &b : buttons)
            titles.append(u'[' + b.title + u']');
        return u"to "_s + to + u": "_s + text + u' ' + titles.join(u' ');
    }
    case Kind::List: {
        int rows = 0;
        for (const Section &s : list.sections)
            rows += int(s.rows.size());
        return u"to "_s + to + u": "_s + text + u" [" + list.buttonText + u": "_s
            + QString::number(rows) + u" options]"_s;
    }
    }
    return {};
}

} // namespace m1
