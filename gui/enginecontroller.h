#pragma once

// The one bridge between widgets and the engine. The engine lives on its own thread; requests
// go in as queued calls that return at once, results come back as queued signals with values.
// The GUI thread never waits on the engine.

#include "facade/engineconfig.h"
#include "facade/enginesnapshot.h"

#include <QObject>
#include <QThread>

namespace m1 {

class Engine;

class EngineController : public QObject
{
    Q_OBJECT

public:
    explicit EngineController(EngineConfig config, QObject *parent = nullptr);
    ~EngineController() override;

    EngineSnapshotPtr snapshot() const { return m_snapshot; }

public Q_SLOTS:
    void start();
    void reload();
    void setSpecSources(const QStringList &sources);

Q_SIGNALS:
    void loadingStarted();
    void snapshotReady(m1::EngineSnapshotPtr snapshot);
    void storeChanged(const QString &description, const QString &error);

private:
    QThread m_thread;
    Engine *m_engine = nullptr; // owned by m_thread's lifetime; deleted there
    EngineSnapshotPtr m_snapshot;
};

} // namespace m1
