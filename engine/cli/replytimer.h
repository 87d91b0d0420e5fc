#pragma once

// Notes when the first reply to each benchmark user reaches the fake Graph API: the end of a
// message's journey in `m1bot bench --only e2e` and `--load`, and how many replies each user got
// (more than one is a message answered twice). record() is called on the fake server's thread,
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
    // Replies each message's user got.
    std::vector<int> replyCounts() const;
    // Replies to phones that are not in the list.
    int strayReplies() const;

private:
    QHash<QString, int> m_index;
    mutable QMutex m_mutex;
    std::vector<qint64> m_first;
    std::vector<int> m_count;
    int m_replied = 0;
    int m_stray = 0;
};

} // namespace m1
