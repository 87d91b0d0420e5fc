#include "simulatorscript.h"

#include "panels/simulatorpanel.h"
#include "widgets/chatbubble.h"
#include "widgets/chatview.h"

#include <QPushButton>

namespace m1 {

SimulatorScript::SimulatorScript(SimulatorPanel &panel, QList<Step> steps, QObject *parent)
    : QObject(parent), m_panel(panel), m_steps(std::move(steps)), m_timeout(this)
{
    // The first turn may wait for the engine to start its workers.
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(60'000);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(QStringLiteral("no answer within 60 s")); });
    connect(&m_panel, &SimulatorPanel::turnShown, this, [this] {
        if (!m_waiting)
            return;
        m_waiting = false;
        m_timeout.stop();
        // Let the reply bubbles lay out before the next tap looks for their buttons.
        QTimer::singleShot(50, this, &SimulatorScript::runNext);
    });
}

QList<SimulatorScript::Step> SimulatorScript::bookingConversation()
{
    using K = Step::Kind;
    return {
        {K::Say, QStringLiteral("Create a pool booking for tomorrow from 8 to 12")},
        {K::TapIfOffered, QStringLiteral("createPoolBooking")},
        {K::Say, QStringLiteral("loc_zg01")},
        {K::TapIfOffered, QStringLiteral("business")},
        {K::TapIfOffered, QStringLiteral("confirm")},
    };
}

void SimulatorScript::start()
{
    // From a blank conversation, whatever an earlier session left in the store.
    m_panel.newConversation();
    m_next = 0;
    runNext();
}

void SimulatorScript::runNext()
{
    if (m_next >= m_steps.size()) {
        Q_EMIT finished(true, QString());
        return;
    }
    const Step step = m_steps.at(m_next++);
    m_waiting = true;
    m_timeout.start();
    if (step.kind == Step::Kind::Say) {
        m_panel.sendText(step.value);
    } else if (!tap(step.value)) {
        if (step.kind == Step::Kind::Tap) {
            fail(QStringLiteral("the bot offered no button or row \"%1\"").arg(step.value));
        } else {
            m_waiting = false;
            m_timeout.stop();
            runNext();
        }
    }
}

bool SimulatorScript::tap(const QString &replyId)
{
    // What the bot offers now: its bubbles since the user last wrote, newest first.
    const QList<ChatBubble *> bubbles = m_panel.chat()->bubbles();
    for (auto it = bubbles.crbegin(); it != bubbles.crend() && !(*it)->isFromUser(); ++it) {
        const QList<QPushButton *> buttons = (*it)->findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->property("replyId").toString() == replyId) {
                button->click();
                return true;
            }
        }
    }
    return false;
}

void SimulatorScript::fail(const QString &why)
{
    m_waiting = false;
    m_timeout.stop();
    Q_EMIT finished(false, why);
}

} // namespace m1
