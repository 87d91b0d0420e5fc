#include "cli/replytimer.h"

#include <QStringList>

namespace m1 {

ReplyTimer::ReplyTimer(const QStringList &phones)
    : m_first(size_t(phones.size()), 0)
    , m_count(size_t(phones.size()), 0)
{
    m_index.reserve(phones.size());
    for (int i = 0; i < phones.size(); ++i)
        m_index.insert(phones.at(i), i);
}

void ReplyTimer::record(const QString &to, qint64 nowNs)
{
    const auto it = m_index.constFind(to); // read-only after construction: no lock needed
    QMutexLocker lock(&m_mutex);
    if (it == m_index.constEnd()) {
        ++m_stray;
        return;
    }
    ++m_count[size_t(*it)];
    qint64 &first = m_first[size_t(*it)];
    if (first == 0) {
        first = nowNs;
        ++m_replied;
    }
}

int ReplyTimer::replied() const
{
    QMutexLocker lock(&m_mutex);
    return m_replied;
}

std::vector<qint64> ReplyTimer::firstReplyNs() const
{
    QMutexLocker lock(&m_mutex);
    return m_first;
}

std::vector<int> ReplyTimer::replyCounts() const
{
    QMutexLocker lock(&m_mutex);
    return m_count;
}

int ReplyTimer::strayReplies() const
{
    QMutexLocker lock(&m_mutex);
    return m_stray;
}

} // namespace m1
