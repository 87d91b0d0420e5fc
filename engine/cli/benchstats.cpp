#include "cli/benchstats.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {
namespace {

double rounded(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

BenchStats::BenchStats(QList<double> samples) : m_sorted(std::move(samples))
{
    std::sort(m_sorted.begin(), m_sorted.end());
}

double BenchStats::percentile(double p) const
{
    if (m_sorted.isEmpty())
        return 0;
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(m_sorted.size())));
    return m_sorted.at(std::clamp<qsizetype>(rank - 1, 0, m_sorted.size() - 1));
}

double BenchStats::min() const { return m_sorted.isEmpty() ? 0 : m_sorted.first(); }
double BenchStats::max() const { return m_sorted.isEmpty() ? 0 : m_sorted.last(); }

QJsonObject BenchStats::toJson() const
{
    return QJsonObject{{u"median"_s, rounded(median())},
                       {u"p99"_s, rounded(percentile(99))},
                       {u"min"_s, rounded(min())},
                       {u"max"_s, rounded(max())},
                       {u"runs"_s, count()}};
}

} // namespace m1
