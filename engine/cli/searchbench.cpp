#include "cli/searchbench.h"

#include "core/clock.h"
#include "facade/searchfactory.h"
#include "registry/registryloader.h"
#include "search/searchbenchmark.h"

using namespace Qt::StringLiterals;

namespace m1 {

bool SearchBench::run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx)
{
    // Start-up's embed and index phases on the configured registry, as the engine runs them.
    const ToolRegistry registry = RegistryLoader().load(settings.config.effectiveSpecSources());
    SystemClock clock;
    const SearchSetup setup = SearchFactory::build(settings.config, registry, clock);
    if (!setup.engine) {
        ctx.err << ctx.program << u" bench: search could not be built: "_s << setup.error << Qt::endl;
        return false;
    }
    QJsonObject startup = report.value(u"startup_ms"_s).toObject();
    startup.insert(u"embed"_s, setup.engine->info().embedMs);
    startup.insert(u"index"_s, setup.engine->info().indexMs);
    report.insert(u"startup_ms"_s, startup);

    SearchBenchOptions options;
    options.tools = settings.tools;
    options.dim = settings.dim;
    const SearchBenchmark benchmark(setup.engine->config());
    const QJsonObject search = benchmark.runSearch(options);
    for (auto it = search.begin(); it != search.end(); ++it)
        report.insert(it.key(), it.value());

    // The HTTP provider's start-up against a local server adding 50 ms per request.
    const QJsonObject embedding = benchmark.runStartup(options);
    QJsonObject http;
    for (auto it = embedding.begin(); it != embedding.end(); ++it) {
        if (it.key() == u"embed_requests")
            report.insert(it.key(), it.value());
        else
            http.insert(it.key(), it.value());
    }
    report.insert(u"http_embedding_startup"_s, http);
    return true;
}

} // namespace m1
