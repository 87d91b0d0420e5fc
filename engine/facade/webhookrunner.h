#pragma once

// Runs one BotServer on the thread this object lives on (the engine's webhook thread): builds
// and starts it, and later shuts it down gracefully and destroys it there. Every call is queued
// in from the engine's thread and answered with a signal; starting waits for the store, which
// is why this is not the thread the store's replies arrive on.

#include "facade/botserverparts.h"
#include "facade/enginesnapshot.h"
#include "facade/serveoptions.h"
#include "pipeline/workerpool.h"

#include <QObject>

#include <memory>

namespace m1 {

class BotServer;

class WebhookRunner : public QObject
{
    Q_OBJECT

public:
    explicit WebhookRunner(QObject *parent = nullptr);
    ~WebhookRunner() override;

    // `snapshot` keeps alive the tools and search `parts` point into. started() follows.
    void start(quint64 generation, const m1::BotServerParts &parts, const m1::ServeOptions &options,
               m1::EngineSnapshotPtr snapshot, m1::TraceHandler traces);
    // No new connections, tool calls in flight cancelled, the lanes finish what they hold;
    // stopped() follows (at once when nothing runs).
    void stop();

Q_SIGNALS:
    // error empty: listening at url.
    void started(quint64 generation, const QString &error, const QString &url);
    void stopped();

private:
    void release();

    std::unique_ptr<BotServer> m_server;
    EngineSnapshotPtr m_snapshot;
};

} // namespace m1
