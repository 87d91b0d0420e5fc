#pragma once

// Lays out parts of the dependency graph with Graphviz's library (cgraph + gvc), off the GUI
// thread. libgraphviz keeps global state and is not thread-safe, so every layout goes through
// this one object: its own single worker, and a process-wide lock for the library calls in case
// a second layouter ever exists (tests make several windows). Requests carry ids; a request
// that a newer one has overtaken before it started is skipped, so typing in the focus box never
// piles up layouts.

#include "facade/enginesnapshot.h"
#include "graph/graphlayout.h"
#include "graph/graphscope.h"

#include <QFont>
#include <QObject>
#include <QThreadPool>

#include <atomic>

namespace m1 {

class GraphvizLayouter : public QObject
{
    Q_OBJECT

public:
    explicit GraphvizLayouter(QObject *parent = nullptr);
    ~GraphvizLayouter() override; // waits for the layout in progress, drops queued ones

    // Returns at once with the request's id; layoutReady(id, …) follows on this object's thread.
    // font is what the canvas draws node labels with, so boxes fit their text.
    quint64 layout(EngineSnapshotPtr snapshot, const GraphScope &scope, const QFont &font);

    // The layout itself, on the calling thread (serialised with every other layout).
    static GraphLayout layoutNow(const EngineSnapshot &snapshot, const GraphScope &scope,
                                 const QFont &font);

Q_SIGNALS:
    void layoutReady(quint64 requestId, const m1::GraphLayout &layout);

private:
    QThreadPool m_worker;
    std::atomic<quint64> m_latest { 0 };
};

} // namespace m1
