#pragma once

// The welcome an admin sees on the console's first start: what each panel is for, and how to
// leave the demo for a real backend and WhatsApp number. Non-modal, so the panels it describes
// stay usable while it is open.

#include <QDialog>

class QTextBrowser;

namespace m1 {

class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WelcomeDialog(QWidget *parent = nullptr);

    // The text shown, without markup (tests read it back).
    QString text() const;

Q_SIGNALS:
    // "Open settings" was pressed; the dialog has closed itself.
    void settingsRequested();

private:
    static QString buildHtml();

    QTextBrowser *m_text;
};

} // namespace m1
