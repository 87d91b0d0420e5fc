#include "widgets/secretfield.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace m1 {

SecretField::SecretField(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_indicator(new QLabel(this)), m_clear(new QToolButton(this))
{
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Forget the stored value"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_indicator);
    layout->addWidget(m_clear);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_cleared = false;
        updateIndicator();
    });
    connect(m_clear, &QToolButton::clicked, this, [this] {
        m_edit->clear();
        m_cleared = true;
        updateIndicator();
    });
    updateIndicator();
}

void SecretField::setStored(bool stored)
{
    m_stored = stored;
    m_cleared = false;
    m_edit->clear();
    updateIndicator();
}

QString SecretField::resolve(const QString &stored) const
{
    if (!m_edit->text().isEmpty())
        return m_edit->text();
    return m_cleared ? QString() : stored;
}

void SecretField::updateIndicator()
{
    const bool typed = !m_edit->text().isEmpty();
    if (typed)
        m_indicator->setText(tr("new value"));
    else if (m_cleared)
        m_indicator->setText(tr("will be cleared"));
    else
        m_indicator->setText(m_stored ? tr("set") : tr("not set"));
    m_edit->setPlaceholderText(m_stored && !m_cleared ? tr("stored — type to replace") : tr("not set"));
    m_clear->setEnabled(m_stored || typed);
}

} // namespace m1
