#include "widgets/traceview.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace m1 {

TraceView::TraceView(QWidget *parent) : QWidget(parent), m_list(new QListWidget(this)), m_tree(new QTreeWidget(this))
{
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Step"), tr("Value"), tr("Detail")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 170);
    m_tree->header()->resizeSection(1, 220);
    m_list->setToolTip(tr("Turns, newest last; pick one to see its trace"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_tree);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_list, &QListWidget::currentRowChanged, this, &TraceView::showTurn);
}

void TraceView::addTurns(const QList<SimulatorTurn> &turns)
{
    if (turns.isEmpty())
        return;
    // Follow the newest turn unless the reader picked an older one.
    const bool follow = m_list->currentRow() < 0 || m_list->currentRow() == m_list->count() - 1;
    const QSignalBlocker quiet(m_list); // the details are rebuilt once, below
    for (const SimulatorTurn &turn : turns) {
        if (m_turns.size() >= kMaxTurns) {
            m_turns.removeFirst();
            delete m_list->takeItem(0);
        }
        m_turns.append(turn);
        const QString said
                = turn.message.type == InboundMessage::Type::Text ? turn.message.text : turn.message.replyTitle;
        const QString tool = turn.trace.chosenToolId.isEmpty() ? QString() : u" → " + turn.trace.chosenToolId;
        m_list->addItem(tr("%1: “%2” — %3%4").arg(turn.message.from, said.left(60), turn.trace.action, tool));
    }
    if (follow) {
        m_list->setCurrentRow(m_list->count() - 1);
        showTurn(m_list->count() - 1);
    }
}

void TraceView::clear()
{
    m_turns.clear();
    m_list->clear();
    m_tree->clear();
}

QTreeWidgetItem *TraceView::section(const QString &title, const QString &value)
{
    auto *item = new QTreeWidgetItem(m_tree, {title, value});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
    return item;
}

QString TraceView::compact(const QJsonValue &value, int maxLength)
{
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isDouble())
        text = QString::number(value.toDouble());
    else if (value.isNull())
        text = QStringLiteral("null");
    return text.size() > maxLength ? text.left(maxLength) + u'…' : text;
}

QString TraceView::sourceName(const QString &source)
{
    if (source == u"message")
        return tr("from the message");
    if (source == u"profile")
        return tr("from the user's profile");
    if (source == u"answer")
        return tr("answered by the user");
    if (source == u"history")
        return tr("from earlier in the conversation");
    if (source == u"default")
        return tr("default value");
    if (source == u"llm")
        return tr("read by the LLM planner");
    if (source.startsWith(u"provider:"))
        return tr("from the tool %1").arg(source.mid(9));
    return source;
}

void TraceView::showTurn(int index)
{
    m_tree->clear();
    if (index < 0 || index >= m_turns.size())
        return;
    const SimulatorTurn &turn = m_turns.at(index);
    const TurnTrace &t = turn.trace;

    QTreeWidgetItem *plan = section(tr("Planner decision"), t.action);
    new QTreeWidgetItem(plan, {tr("Phase"), t.phaseBefore + u" → " + t.phaseAfter});
    new QTreeWidgetItem(plan, {tr("Chosen tool"), t.chosenToolId.isEmpty() ? tr("none") : t.chosenToolId});
    if (!t.planner.isEmpty())
        new QTreeWidgetItem(plan, {tr("Planner"), t.planner, t.plannerFallback});
    for (const QString &note : t.notes)
        new QTreeWidgetItem(plan, {tr("Note"), note});
    if (t.abstained)
        new QTreeWidgetItem(plan, {tr("Abstained"), tr("no tool scored high enough")});
    if (!t.error.isEmpty())
        new QTreeWidgetItem(plan, {tr("Error"), t.error});

    QTreeWidgetItem *candidates = section(tr("Candidates"), QString::number(t.candidates.size()));
    for (const TurnTrace::Candidate &c : t.candidates) {
        auto *item = new QTreeWidgetItem(candidates, {c.toolId, QString::number(double(c.score), 'f', 3)});
        if (c.toolId == t.chosenToolId)
            item->setText(2, tr("chosen"));
    }

    QTreeWidgetItem *parameters = section(tr("Parameters"), QString::number(t.parameters.size()));
    for (const TurnTrace::Parameter &p : t.parameters)
        new QTreeWidgetItem(parameters, {p.name, compact(p.value), sourceName(p.source)});

    if (!t.question.isEmpty())
        section(tr("Question asked"), t.question);

    if (!t.request.isEmpty()) {
        QTreeWidgetItem *request = section(tr("Tool request"), t.chosenToolId);
        for (auto it = t.request.begin(); it != t.request.end(); ++it)
            new QTreeWidgetItem(request, {it.key(), compact(it.value())});
    }
    const bool hasResponse = !t.response.isUndefined() && !t.response.isNull();
    if (t.httpStatus != 0 || hasResponse) {
        QTreeWidgetItem *response = section(tr("Tool response"), t.httpStatus ? tr("HTTP %1").arg(t.httpStatus) : QString());
        if (t.response.isObject()) {
            const QJsonObject body = t.response.toObject();
            for (auto it = body.begin(); it != body.end(); ++it)
                new QTreeWidgetItem(response, {it.key(), compact(it.value())});
        } else if (hasResponse) {
            auto *item = new QTreeWidgetItem(response, {tr("body"), compact(t.response)});
            item->setToolTip(1, compact(t.response, 4000));
        }
    }

    QTreeWidgetItem *redis = section(tr("Redis"));
    new QTreeWidgetItem(redis, {tr("Commands"), QString::number(turn.storeCommands)});
    new QTreeWidgetItem(redis, {tr("Round trips"), QString::number(turn.storeRoundTrips)});

    QTreeWidgetItem *timings = section(tr("Timings"), tr("%1 µs").arg(t.totalUs));
    new QTreeWidgetItem(timings, {tr("Search"), tr("%1 µs").arg(t.searchUs)});
    new QTreeWidgetItem(timings, {tr("Planning"), tr("%1 µs").arg(t.planUs)});
    new QTreeWidgetItem(timings, {tr("Parameters"), tr("%1 µs").arg(t.fillUs)});
    new QTreeWidgetItem(timings, {tr("Provider tools"), tr("%1 µs").arg(t.providerUs)});
    new QTreeWidgetItem(timings, {tr("Tool call"), tr("%1 µs").arg(t.executeUs)});
    new QTreeWidgetItem(timings, {tr("Orchestrator total"), tr("%1 µs").arg(t.totalUs)});
    if (turn.endToEndUs > 0)
        new QTreeWidgetItem(timings, {tr("Queue to end of turn"), tr("%1 µs").arg(turn.endToEndUs)});
}

} // namespace m1
