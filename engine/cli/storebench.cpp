#include "cli/storebench.h"

#include "conversation/turnstorebenchmark.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "facade/enginestore.h"

#include <QEventLoop>
#include <QJsonValue>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

bool StoreBench::run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx)
{
    SystemClock clock;
    MetricsRegistry metrics(clock);
    QString error;
    std::unique_ptr<StoreBackend> backend = EngineStore::open(settings.config, clock, metrics, nullptr, &error);
    if (!backend) {
        ctx.err << ctx.program << QStringLiteral(" bench: --store: ") << error << Qt::endl;
        return false;
    }
    // A managed server starts asynchronously (QProcess on this thread): wait for it here,
    // before any measurement, with a bound so a broken redis-server cannot hang the bench.
    QEventLoop loop;
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    backend->ready().then(&loop, [&loop](const QString &) { loop.quit(); });
    if (!backend->ready().isFinished())
        loop.exec();
    if (!backend->ready().isFinished() || !backend->ready().result().isEmpty()) {
        ctx.err << ctx.program << QStringLiteral(" bench: the store did not start: ")
                << (backend->ready().isFinished() ? backend->ready().result() : u"timed out after 30 s"_s)
                << Qt::endl;
        return false;
    }

    TurnStoreBenchmark::Options options;
    options.turns = std::max(200, settings.repeat * 400);
    TurnStoreBenchmark benchmark(backend->store(), clock, metrics);
    const QJsonObject measured = benchmark.run(options);
    for (auto it = measured.begin(); it != measured.end(); ++it)
        report.insert(it.key(), it.value());
    report.insert(u"store"_s, backend->description());
    return true;
}

} // namespace m1
