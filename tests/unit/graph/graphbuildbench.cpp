// Prints how long DependencyGraph::build takes on synthetic registries made from the
// hand-made fleet base (24 tools). Usage: graphbuildbench [sizes...] (default 200 20000 200000).
// Not a test: timings are for people, `m1bot bench` is the supported measurement.

#include "graph/dependencygraph.h"
#include "graph/synthetictoolfactory.h"

#include "fleettools.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace m1;

namespace {
// CPU time of this thread: on a shared, busy machine wall time mostly measures the neighbours.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &arg : app.arguments().mid(1))
        sizes.append(arg.toInt());
    if (sizes.isEmpty())
        sizes = {200, 20'000, 200'000};

    const QList<ToolDefinition> base = test::fleetTools();
    std::printf("base: %d tools, %lld edges\n", int(base.size()),
                static_cast<long long>(DependencyGraph::build(base).edgeCount()));
    std::printf("%10s %10s %10s %10s %10s %10s %12s\n", "tools", "edges", "derive_ms", "wall_ms",
                "cpu_ms", "min_cpu_ms", "cpu_us/tool");
    for (int size : sizes) {
        QElapsedTimer timer;
        timer.start();
        const QList<ToolDefinition> tools = SyntheticToolFactory::derive(base, size);
        const double deriveMs = timer.nsecsElapsed() / 1e6;
        const int runs = size >= 100'000 ? 3 : 7;
        QList<double> wall;
        QList<double> cpu;
        qsizetype edges = 0;
        for (int i = 0; i < runs; ++i) {
            timer.restart();
            const double cpuStart = threadCpuMs();
            const DependencyGraph g = DependencyGraph::build(tools);
            cpu.append(threadCpuMs() - cpuStart);
            wall.append(timer.nsecsElapsed() / 1e6);
            edges = g.edgeCount();
        }
        const double cpuMedian = median(cpu);
        std::printf("%10d %10lld %10.2f %10.2f %10.2f %10.2f %12.2f\n", size,
                    static_cast<long long>(edges), deriveMs, median(wall), cpuMedian,
                    *std::min_element(cpu.cbegin(), cpu.cend()), cpuMedian * 1000.0 / size);
    }
    return 0;
}
