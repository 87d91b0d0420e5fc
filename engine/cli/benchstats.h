#pragma once

// Order statistics over a handful of benchmark runs (medians and p99 are what notes quote).

#include <QJsonObject>
#include <QList>

namespace m1 {

class BenchStats
{
public:
    explicit BenchStats(QList<double> samples);

    double median() const { return percentile(50); }
    double percentile(double p) const; // nearest-rank on the sorted samples
    double min() const;
    double max() const;
    int count() const { return int(m_sorted.size()); }
    // {median, p99, min, max, runs} with values rounded to 3 decimals.
    QJsonObject toJson() const;

private:
    QList<double> m_sorted;
};

} // namespace m1
