#pragma once

// The simulator's per-turn trace: a list of turns and, for the selected one, every step the
// orchestrator took — candidates and scores, the planner's decision, each parameter and where
// its value came from, the question asked, the tool request and response, the store traffic
// and the timings. Keeps the most recent turns only.

#include "facade/simulatorturn.h"

#include <QList>
#include <QWidget>

class QListWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace m1 {

class TraceView : public QWidget
{
    Q_OBJECT

public:
    explicit TraceView(QWidget *parent = nullptr);

    static constexpr int kMaxTurns = 200;

    void addTurn(const SimulatorTurn &turn) { addTurns({turn}); }
    // The list grows by all of them; the details show the newest once (when following).
    void addTurns(const QList<SimulatorTurn> &turns);
    void clear();
    int turnCount() const { return int(m_turns.size()); }

    QListWidget *turns() const { return m_list; }
    QTreeWidget *details() const { return m_tree; }

private:
    void showTurn(int index);
    QTreeWidgetItem *section(const QString &title, const QString &value = {});
    static QString compact(const QJsonValue &value, int maxLength = 400);
    static QString sourceName(const QString &source);

    QListWidget *m_list;
    QTreeWidget *m_tree;
    QList<SimulatorTurn> m_turns;
};

} // namespace m1
