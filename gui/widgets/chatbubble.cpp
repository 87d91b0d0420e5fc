#include "widgets/chatbubble.h"

#include <algorithm>

#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace m1 {
namespace {

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

ChatBubble::ChatBubble(const QString &text, QWidget *parent) : QFrame(parent), m_fromUser(true), m_text(text)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    addLabel(text, text, false);
    setMaximumWidth(460);
}

ChatBubble::ChatBubble(const OutboundMessage &message, QWidget *parent)
    : QFrame(parent), m_fromUser(false), m_text(message.text)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    if (!message.header.isEmpty())
        addLabel(u"<b>" + message.header.toHtmlEscaped() + u"</b>", message.header, false);
    addLabel(message.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")), message.text, false);
    if (!message.footer.isEmpty())
        addLabel(message.footer.toHtmlEscaped(), message.footer, true);
    if (message.kind == OutboundMessage::Kind::Buttons)
        addButtons(message);
    else if (message.kind == OutboundMessage::Kind::List)
        addList(message);
    setMaximumWidth(460);
}

void ChatBubble::addLabel(const QString &text, const QString &plain, bool small)
{
    auto *label = new QLabel(this);
    label->setTextFormat(m_fromUser ? Qt::PlainText : Qt::RichText);
    label->setText(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A wrapped label in a layout shrinks to its narrowest; short messages should stay on one
    // line and long ones wrap at a messenger's width.
    int widest = 0;
    for (const QString &line : plain.split(u'\n'))
        widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
    label->setMinimumWidth(std::min(widest + 2, 400));
    if (small) {
        QFont f = label->font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        label->setFont(f);
        label->setForegroundRole(QPalette::PlaceholderText);
    }
    layout()->addWidget(label);
}

void ChatBubble::addButtons(const OutboundMessage &message)
{
    for (const OutboundMessage::Button &b : message.buttons) {
        auto *button = new QPushButton(b.title, this);
        button->setToolTip(tr("Reply id: %1").arg(b.id));
        button->setProperty("replyId", b.id);
        connect(button, &QPushButton::clicked, this, [this, b] { Q_EMIT buttonTapped(b.id, b.title); });
        layout()->addWidget(button);
    }
}

void ChatBubble::addList(const OutboundMessage &message)
{
    if (!message.list.buttonText.isEmpty())
        addLabel(u"☰ <b>" + message.list.buttonText.toHtmlEscaped() + u"</b>", u"☰ " + message.list.buttonText, false);
    for (const OutboundMessage::Section &section : message.list.sections) {
        if (!section.title.isEmpty())
            addLabel(section.title.toHtmlEscaped(), section.title, true);
        for (const OutboundMessage::Row &r : section.rows) {
            const QString caption = r.description.isEmpty() ? r.title : r.title + u"\n" + r.description;
            auto *row = new QPushButton(caption, this);
            row->setToolTip(tr("Row id: %1").arg(r.id));
            row->setProperty("replyId", r.id);
            row->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 8px;"));
            connect(row, &QPushButton::clicked, this,
                    [this, r] { Q_EMIT listRowTapped(r.id, r.title, r.description); });
            layout()->addWidget(row);
        }
    }
}

void ChatBubble::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &p = palette();
    // The user's bubbles lean towards the highlight colour, the bot's towards the base.
    const QColor fill = m_fromUser ? blend(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.28)
                                   : blend(p.color(QPalette::Base), p.color(QPalette::AlternateBase), 0.9);
    QPainterPath path;
    path.addRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 9, 9);
    painter.fillPath(path, fill);
    painter.setPen(QPen(blend(fill, p.color(QPalette::Mid), 0.5), 1));
    painter.drawPath(path);
    QFrame::paintEvent(event);
}

} // namespace m1
