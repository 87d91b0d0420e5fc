#include "core/prometheustext.h"

#include <QLocale>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
           || u == u'_' || u == u':';
}

// Writes the HELP and TYPE lines, or a comment when the name was already used; false then.
bool beginFamily(QString &out, QSet<QString> &used, const QString &name, const QString &original,
                 const QString &help, QLatin1StringView type)
{
    if (used.contains(name)) {
        out += u"# m1: \"" + PrometheusText::escapeHelp(original) + u"\" not exported: its name "
               + name + u" is taken by another metric\n";
        return false;
    }
    used.insert(name);
    if (!help.isEmpty())
        out += u"# HELP " + name + u' ' + PrometheusText::escapeHelp(help) + u'\n';
    out += u"# TYPE " + name + u' ' + type + u'\n';
    return true;
}

} // namespace

QString PrometheusText::metricName(const QString &name, const QString &suffix)
{
    QString body = name;
    if (body.startsWith(u"m1.") || body.startsWith(u"m1_"))
        body = body.mid(3);
    QString out;
    out.reserve(body.size() + suffix.size() + 3);
    out += u"m1_";
    for (QChar c : body)
        out += isNameChar(c) ? c : u'_';
    if (!suffix.isEmpty() && !out.endsWith(suffix))
        out += suffix;
    return out;
}

QString PrometheusText::formatValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString PrometheusText::escapeHelp(const QString &help)
{
    QString out;
    out.reserve(help.size());
    for (QChar c : help) {
        if (c == u'\\')
            out += u"\\\\";
        else if (c == u'\n')
            out += u"\\n";
        else
            out += c;
    }
    return out;
}

QString PrometheusText::format(const MetricsSnapshot &snapshot)
{
    QString out;
    out.reserve(128 * (snapshot.counters.size() + snapshot.gauges.size())
                + 384 * snapshot.histograms.size());
    QSet<QString> used;
    for (const CounterSample &c : snapshot.counters) {
        const QString name = metricName(c.name, u"_total"_s);
        if (beginFamily(out, used, name, c.name, c.help, "counter"_L1))
            out += name + u' ' + QString::number(c.value) + u'\n';
    }
    for (const GaugeSample &g : snapshot.gauges) {
        const QString name = metricName(g.name);
        if (beginFamily(out, used, name, g.name, g.help, "gauge"_L1))
            out += name + u' ' + formatValue(g.value) + u'\n';
    }
    for (const HistogramSample &h : snapshot.histograms) {
        const QString name = metricName(h.name, u"_seconds"_s);
        if (!beginFamily(out, used, name, h.name, h.help, "summary"_L1))
            continue;
        const HistogramSnapshot &s = h.histogram;
        // An empty summary has no quantiles; Prometheus spells that NaN.
        const auto quantile = [&s](double ns) { return s.count == 0 ? NAN : ns / 1e9; };
        out += name + u"{quantile=\"0.5\"} " + formatValue(quantile(s.p50Ns)) + u'\n';
        out += name + u"{quantile=\"0.9\"} " + formatValue(quantile(s.p90Ns)) + u'\n';
        out += name + u"{quantile=\"0.99\"} " + formatValue(quantile(s.p99Ns)) + u'\n';
        out += name + u"_sum " + formatValue(s.sumNs / 1e9) + u'\n';
        out += name + u"_count " + QString::number(s.count) + u'\n';
    }
    return out;
}

} // namespace m1
