#include "dialogs/welcomedialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace m1 {

WelcomeDialog::WelcomeDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to MobilityOne Console"));
    setModal(false);
    m_text->setObjectName(QStringLiteral("welcomeText"));
    m_text->setOpenLinks(false);
    m_text->setHtml(buildHtml());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *settings = buttons->addButton(tr("Open &Settings…"), QDialogButtonBox::ActionRole);
    settings->setObjectName(QStringLiteral("openSettings"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(settings, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT settingsRequested();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(640, 580);
}

QString WelcomeDialog::text() const
{
    return m_text->toPlainText();
}

QString WelcomeDialog::buildHtml()
{
    // One string per paragraph, so a translator never sees markup or a page-long message.
    const auto paragraph = [](const QString &text) -> QString { return u"<p>" + text + u"</p>"; };
    const auto panel = [](const QString &name, const QString &text) -> QString {
        return u"<li><b>" + name.toHtmlEscaped() + u"</b>: " + text.toHtmlEscaped() + u"</li>";
    };
    QString html;
    html += u"<h2>" + tr("Welcome to MobilityOne Console").toHtmlEscaped() + u"</h2>";
    html += paragraph(tr("The console runs the same engine as the WhatsApp bot. It has started on a demo fleet "
                         "API, so every panel can be tried at once; nothing done here reaches a real user.")
                          .toHtmlEscaped());
    html += u"<h3>" + tr("The panels").toHtmlEscaped() + u"</h3><ul>";
    html += panel(tr("Registry"), tr("the tools read from the API descriptions, their parameters and outputs, "
                                     "and every load problem. Sources are added and removed here."));
    html += panel(tr("Graph"), tr("which tool provides the inputs another one needs, such as the vehicle id "
                                  "a booking asks for."));
    html += panel(tr("Search"), tr("type a message as a driver would and see which tool the bot picks, with "
                                   "every part of the score. The weights can be tuned and saved."));
    html += panel(tr("Simulator"), tr("chat with the bot as a test user, through the real queue and workers. "
                                      "Tools run as a dry run, or against the live backend."));
    html += panel(tr("Metrics"), tr("start-up phases, search and end-to-end latencies, and the store's work, "
                                    "as charts."));
    html += panel(tr("Logs"), tr("the engine's log, filtered by level, category and text."));
    html += u"</ul>";
    html += u"<h3>" + tr("Your own backend").toHtmlEscaped() + u"</h3>";
    html += paragraph(tr("In Settings, on the Sources page, add your backend's OpenAPI descriptions (files, "
                         "folders or URLs); with none, the demo is used. Tools call the base URL that each "
                         "description names under \"servers\". The simulator's live backend sends the bearer "
                         "token from the environment variable M1_API_TOKEN; the bot service takes its base URL "
                         "and credentials from its configuration file (serve.api_base_url, serve.auth).")
                          .toHtmlEscaped());
    html += u"<h3>" + tr("Your WhatsApp number").toHtmlEscaped() + u"</h3>";
    html += paragraph(tr("In Settings, on the WhatsApp page, enter the app secret, verify token, access token and "
                         "phone number ID from Meta's app dashboard; for trials, the same page lets the console "
                         "itself receive the number's messages. In production the bot runs as the m1bot "
                         "service: its configuration is in /etc/m1bot, its secrets in /etc/m1bot/m1bot.env "
                         "(see \"man m1bot\").")
                          .toHtmlEscaped());
    html += paragraph(u"<i>" + tr("This welcome is in the Help menu.").toHtmlEscaped() + u"</i>");
    return html;
}

} // namespace m1
