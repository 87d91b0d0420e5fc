#include "widgets/chatview.h"

#include "widgets/chatbubble.h"

#include <QHBoxLayout>
#include <QScrollBar>
#include <QVBoxLayout>

namespace m1 {
namespace {

// A row is a layout holding one bubble and a stretch.
void deleteRow(QLayoutItem *row)
{
    if (QLayout *l = row->layout()) {
        while (QLayoutItem *item = l->takeAt(0)) {
            delete item->widget();
            delete item;
        }
    }
    delete row;
}

} // namespace

ChatView::ChatView(QWidget *parent) : QScrollArea(parent), m_content(new QWidget), m_rows(new QVBoxLayout(m_content))
{
    m_rows->setContentsMargins(8, 8, 8, 8);
    m_rows->setSpacing(6);
    m_rows->addStretch(1); // bubbles gather at the bottom, as in a messenger
    m_content->setBackgroundRole(QPalette::Base);
    setWidget(m_content);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setBackgroundRole(QPalette::Base);

    // Keep the newest message in view unless the reader scrolled up to read older ones.
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_follow = value >= bar->maximum() - 4; });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_follow)
            bar->setValue(max);
    });
}

ChatBubble *ChatView::addUserMessage(const QString &text)
{
    return add(new ChatBubble(text, m_content));
}

ChatBubble *ChatView::addBotMessage(const OutboundMessage &message)
{
    auto *bubble = add(new ChatBubble(message, m_content));
    connect(bubble, &ChatBubble::buttonTapped, this, &ChatView::buttonTapped);
    connect(bubble, &ChatBubble::listRowTapped, this, &ChatView::listRowTapped);
    return bubble;
}

ChatBubble *ChatView::add(ChatBubble *bubble)
{
    auto *row = new QHBoxLayout;
    if (bubble->isFromUser())
        row->addStretch(1);
    row->addWidget(bubble);
    if (!bubble->isFromUser())
        row->addStretch(1);
    m_rows->addLayout(row);
    // Index 0 is the stretch; drop the oldest rows past the bound.
    while (m_rows->count() - 1 > kMaxBubbles)
        deleteRow(m_rows->takeAt(1));
    return bubble;
}

void ChatView::clear()
{
    while (m_rows->count() > 1)
        deleteRow(m_rows->takeAt(1));
    m_follow = true;
}

QList<ChatBubble *> ChatView::bubbles() const
{
    return m_content->findChildren<ChatBubble *>(Qt::FindDirectChildrenOnly);
}

} // namespace m1
