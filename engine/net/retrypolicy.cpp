#include "net/retrypolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace m1 {

RetryPolicy::RetryPolicy(RetryOptions options, std::function<double()> uniform)
    : m_options(options)
    , m_uniform(std::move(uniform))
{
    if (!m_uniform)
        m_uniform = [] { return QRandomGenerator::global()->generateDouble(); };
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
}

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 0 || httpStatus == 408 || httpStatus == 425 || httpStatus == 429
        || (httpStatus >= 500 && httpStatus <= 599 && httpStatus != 501);
}

bool RetryPolicy::shouldRetry(int attempt, int httpStatus) const
{
    return attempt < m_options.maxAttempts && isRetryableStatus(httpStatus);
}

qint64 RetryPolicy::delayMs(int attempt, std::optional<qint64> retryAfterMs) const
{
    if (retryAfterMs)
        return std::clamp<qint64>(*retryAfterMs, 0, m_options.maxRetryAfterMs);
    const int shift = std::clamp(attempt - 1, 0, 30);
    const qint64 ceiling = std::min<qint64>(m_options.maxDelayMs, m_options.baseDelayMs << shift);
    const double u = std::clamp(m_uniform(), 0.0, 1.0);
    return static_cast<qint64>(u * static_cast<double>(ceiling));
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok)
        return seconds < 0 ? 0 : static_cast<qint64>(seconds * 1000.0);
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"; the names are English whatever the locale.
    const QString text = QString::fromLatin1(trimmed);
    QDateTime when
        = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, when.toMSecsSinceEpoch() - nowMs);
}

} // namespace m1
