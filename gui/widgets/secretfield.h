#pragma once

// Entry for a secret that is never shown: the stored value never goes into the widget. It says
// whether a value is set, takes a new one (typed in password mode) or clears the stored one.

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace m1 {

class SecretField : public QWidget
{
    Q_OBJECT

public:
    explicit SecretField(QWidget *parent = nullptr);

    // Whether a value is stored; resets what was typed.
    void setStored(bool stored);
    bool isStored() const { return m_stored; }
    // What to keep: the typed value, nothing after Clear, else the stored one.
    QString resolve(const QString &stored) const;

    QLineEdit *edit() const { return m_edit; }
    QLabel *indicator() const { return m_indicator; }

private:
    void updateIndicator();

    QLineEdit *m_edit;
    QLabel *m_indicator;
    QToolButton *m_clear;
    bool m_stored = false;
    bool m_cleared = false;
};

} // namespace m1
