#include "cli/schedulingprobe.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

SchedulingProbe::~SchedulingProbe()
{
    stop();
}

QHash<qint64, SchedulingProbe::Times> SchedulingProbe::readThreads()
{
    QHash<qint64, Times> out;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + u"/schedstat"_s));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "<ns on a CPU> <ns runnable, waiting for one> <timeslices>"
        const QList<QByteArray> fields = stat.readAll().trimmed().split(' ');
        if (fields.size() < 2)
            continue;
        out.insert(tid.toLongLong(),
                   { fields.at(0).toDouble() / 1e6, fields.at(1).toDouble() / 1e6 });
    }
    return out;
}

void SchedulingProbe::start()
{
    stop();
    m_oversleepMs.clear();
    m_oversleepMs.reserve(120'000);
    m_stop = false;
    m_sleeper = std::thread([this] { sleepLoop(); });
    m_before = readThreads();
    m_runMs = m_waitMs = -1;
}

void SchedulingProbe::stop()
{
    if (!m_sleeper.joinable())
        return;
    const QHash<qint64, Times> after = readThreads();
    m_stop = true;
    m_sleeper.join();
    if (after.isEmpty())
        return;
    m_runMs = m_waitMs = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const Times before = m_before.value(it.key()); // a thread started since: from zero
        m_runMs += it->runMs - before.runMs;
        m_waitMs += it->waitMs - before.waitMs;
    }
}

void SchedulingProbe::sleepLoop()
{
    using Clock = std::chrono::steady_clock;
    constexpr auto period = std::chrono::milliseconds(1);
    while (!m_stop.load(std::memory_order_relaxed)) {
        const auto asked = Clock::now();
        std::this_thread::sleep_for(period);
        const double late
            = std::chrono::duration<double, std::milli>(Clock::now() - asked - period).count();
        m_oversleepMs.push_back(std::max(0.0, late));
    }
}

double SchedulingProbe::oversleepPercentileMs(double p) const
{
    if (m_oversleepMs.empty())
        return 0;
    std::vector<double> sorted = m_oversleepMs;
    const size_t rank = size_t(std::clamp(std::ceil(p / 100.0 * double(sorted.size())), 1.0,
                                          double(sorted.size())))
        - 1;
    std::nth_element(sorted.begin(), sorted.begin() + qsizetype(rank), sorted.end());
    return sorted[rank];
}

double SchedulingProbe::maxOversleepMs() const
{
    return m_oversleepMs.empty() ? 0
                                 : *std::max_element(m_oversleepMs.begin(), m_oversleepMs.end());
}

QJsonObject SchedulingProbe::toJson() const
{
    const auto round2 = [](double v) { return std::round(v * 100) / 100; };
    const auto over10 = std::count_if(m_oversleepMs.begin(), m_oversleepMs.end(),
                                      [](double v) { return v > 10; });
    return { { u"run_ms"_s, round2(m_runMs) },
             { u"runqueue_wait_ms"_s, round2(m_waitMs) },
             { u"oversleep_p99_ms"_s, round2(oversleepPercentileMs(99)) },
             { u"oversleep_max_ms"_s, round2(maxOversleepMs()) },
             { u"stalls_over_10ms"_s, double(over10) } };
}

} // namespace m1
