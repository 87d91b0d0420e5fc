#include "cli/parsebench.h"

#include "cli/benchstats.h"
#include "registry/registryloader.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace m1 {
namespace {

struct ParseMeasurement
{
    BenchStats stats;
    int tools = 0;
    int errors = 0;
};

ParseMeasurement measure(const QStringList &sources, int runs)
{
    QList<double> samples;
    int tools = 0;
    int errors = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const ToolRegistry registry = RegistryLoader().load(sources);
        samples.append(timer.nsecsElapsed() / 1e6);
        tools = registry.size();
        errors = int(registry.errors().size());
    }
    return {BenchStats(samples), tools, errors};
}

} // namespace

bool ParseBench::run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx)
{
    QJsonArray files;
    const QStringList configured = settings.config.effectiveSpecSources();
    const ParseMeasurement configuredRun = measure(configured, settings.repeat);
    files.append(QJsonObject{{u"source"_s, configured.join(u", ")},
                             {u"tools"_s, configuredRun.tools},
                             {u"errors"_s, configuredRun.errors},
                             {u"ms"_s, configuredRun.stats.toJson()}});

    for (const QString &file : settings.parseFiles) {
        if (!QFileInfo::exists(file)) {
            ctx.err << ctx.program << QStringLiteral(" bench: --parse-file '") << file << QStringLiteral("' does not exist") << Qt::endl;
            return false;
        }
        // Large files are parsed fewer times: the run is about the order of magnitude.
        const int runs = QFileInfo(file).size() > 1'000'000 ? std::min(settings.repeat, 3) : settings.repeat;
        const ParseMeasurement m = measure({file}, runs);
        files.append(QJsonObject{{u"source"_s, QFileInfo(file).fileName()},
                                 {u"bytes"_s, QFileInfo(file).size()},
                                 {u"tools"_s, m.tools},
                                 {u"errors"_s, m.errors},
                                 {u"ms"_s, m.stats.toJson()}});
    }
    report.insert(u"parse"_s, files);

    QJsonObject startup = report.value(u"startup_ms"_s).toObject();
    startup.insert(u"parse"_s, configuredRun.stats.median());
    report.insert(u"startup_ms"_s, startup);
    return true;
}

} // namespace m1
