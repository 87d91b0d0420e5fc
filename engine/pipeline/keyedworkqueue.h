#pragma once
// The work queue the worker pool's lanes share. Every item has a key (the sender's phone):
// items of one key come out in the order they went in and never two at once — the next one
// only after done(key) for the previous — while items of different keys go to whichever worker
// asks first. So a slow turn holds up only its own user's later messages. (Lanes chosen by a
// hash of the phone hold up everyone hashed to the same lane: under load one lane falls behind
// while the others idle, and its users wait for the whole backlog.)
//
//   queue.push(phone, entry);                       // reader thread
//   while (auto item = queue.take()) {              // each worker thread
//       process(item->value);
//       queue.done(item->key);
//   }
//   queue.close();                                  // take() ends once everything queued is out
#include <QHash>
#include <QString>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace m1 {

template<typename T> class KeyedWorkQueue
{
public:
    struct Item
    {
        QString key;
        T value;
    };

    void push(const QString &key, T value)
    {
        {
            std::lock_guard lock(m_mutex);
            Key &k = m_keys[key];
            k.waiting.push_back(std::move(value));
            ++m_queued;
            if (k.busy || k.waiting.size() > 1)
                return; // already ready, or its turn comes with done()
            m_ready.push_back(key);
        }
        m_changed.notify_one();
    }

    // Blocks until an item whose key is not busy is there (its key is busy from now until
    // done(key)), or nullopt once the queue is closed and holds nothing more.
    std::optional<Item> take()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty() || (m_closed && m_queued == 0); });
        if (m_ready.empty())
            return std::nullopt;
        Item item { m_ready.front(), {} };
        m_ready.pop_front();
        Key &k = m_keys[item.key];
        item.value = std::move(k.waiting.front());
        k.waiting.pop_front();
        k.busy = true;
        if (--m_queued == 0 && m_closed) {
            lock.unlock();
            m_changed.notify_all(); // the others can stop waiting
        }
        return item;
    }

    // The item of `key` that take() handed out is finished: the key's next item may go.
    void done(const QString &key)
    {
        {
            std::lock_guard lock(m_mutex);
            const auto it = m_keys.find(key);
            if (it == m_keys.end())
                return;
            it->busy = false;
            if (it->waiting.empty()) {
                m_keys.erase(it);
                return;
            }
            m_ready.push_back(key);
        }
        m_changed.notify_one();
    }

    // take() hands out what is still queued, then returns nullopt instead of blocking.
    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_changed.notify_all();
    }

    // Items pushed and not yet taken.
    int queued() const
    {
        std::lock_guard lock(m_mutex);
        return m_queued;
    }

private:
    struct Key
    {
        std::deque<T> waiting;
        bool busy = false;
    };

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QHash<QString, Key> m_keys; // keys with an item waiting or being worked on
    std::deque<QString> m_ready; // keys with an item waiting and none worked on, oldest first
    int m_queued = 0;
    bool m_closed = false;
};

} // namespace m1
