#pragma once

// Plays a conversation in the simulator panel as a user would: says something, waits for the
// turn to come back, taps a button or list row the bot sent, and so on. The screenshot run uses
// it so the simulator, metrics and logs pictures show a real booking; tests use it too.

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace m1 {

class SimulatorPanel;

class SimulatorScript : public QObject
{
    Q_OBJECT

public:
    struct Step
    {
        // TapIfOffered is skipped when the bot did not offer that button or row: the engine's
        // answers depend on its search and planner, which change more often than the script.
        enum class Kind { Say, Tap, TapIfOffered };
        Kind kind = Kind::Say;
        QString value; // the text, or the reply id of the button or list row to tap
    };

    SimulatorScript(SimulatorPanel &panel, QList<Step> steps, QObject *parent = nullptr);

    // Create a pool booking (picking it if the bot asks which tool), answer the location, pick
    // the purpose from the list, confirm.
    static QList<Step> bookingConversation();

    void start();
    int stepsDone() const { return m_next; }

Q_SIGNALS:
    // ok is false when a step timed out or a button to tap was not there; why says which.
    void finished(bool ok, const QString &why);

private:
    void runNext();
    bool tap(const QString &replyId);
    void fail(const QString &why);

    SimulatorPanel &m_panel;
    QList<Step> m_steps;
    int m_next = 0;
    QTimer m_timeout;
    bool m_waiting = false;
};

} // namespace m1
