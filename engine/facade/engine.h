#pragma once

// The one facade the fronts see. It owns the engine's services and their threads; requests go
// in as plain calls that return at once, results come back as queued signals carrying values.

#include "core/clock.h"
#include "core/metricsregistry.h"
#include "core/startupphases.h"
#include "facade/engineconfig.h"
#include "facade/enginesnapshot.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace m1 {

class StoreBackend;

class Engine : public QObject
{
    Q_OBJECT

public:
    // clock may be null: the engine then uses the system clock.
    explicit Engine(EngineConfig config, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~Engine() override;

    const EngineConfig &config() const { return m_config; }
    MetricsRegistry &metrics() { return m_metrics; }
    const StartupPhases &startupPhases() const { return m_phases; }
    EngineSnapshotPtr snapshot() const { return m_snapshot; }
    bool isLoading() const { return m_loading; }

    // Opens the configured store (on the engine's thread) and loads the sources.
    void start();
    QString storeDescription() const;

    // Parses the sources and builds the graph on a worker; snapshotReady() follows.
    // A reload requested while one runs is queued behind it, never run in parallel.
    void reload();
    void setSpecSources(const QStringList &sources);

Q_SIGNALS:
    void loadingStarted();
    void snapshotReady(m1::EngineSnapshotPtr snapshot);
    // error is empty when the store is usable; description says which store it is.
    void storeChanged(const QString &description, const QString &error);

private:
    void startLoad();
    void finishLoad(EngineSnapshotPtr snapshot);

    EngineConfig m_config;
    std::unique_ptr<Clock> m_ownedClock;
    const Clock &m_clock;
    MetricsRegistry m_metrics;
    StartupPhases m_phases;
    QThreadPool m_workers;
    std::unique_ptr<StoreBackend> m_store;
    EngineSnapshotPtr m_snapshot;
    bool m_loading = false;
    bool m_reloadQueued = false;
};

} // namespace m1
