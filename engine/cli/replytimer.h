#pragma once

// Notes when the first reply to each benchmark user reaches the fake Graph API: the end of a
// message's journey in `m1bot bench --only e2e`. record() is called on the fake server's thread,
// the results are read on another, hence the lock.

#include <QHash>
#include <QMutex>
#include <QString>

#include <vector>

namespace m1 {

class ReplyTimer
{
public:
    // `phones[i]` is the sender of message i; every phone appears once.
    explicit ReplyTimer(const QStringList &phones);

    void record(const QString &to, qint64 nowNs);
    int replied() const;
    // 0 for messages not answered (yet).
    std::vector<qint64> firstReplyNs() const;

private:
    QHash<QString, int> m_index;
    mutable QMutex m_mutex;
    std::vector<qint64> m_first;
    int m_replied = 0;
};

} // namespace m1
