#pragma once

// Drives one hiredis async context from the Qt event loop of the thread it lives on: hiredis
// asks for read/write readiness through its ev hooks, we answer with QSocketNotifiers. Written
// here rather than using hiredis' adapters/qt.h because that header needs moc on a system header
// and uses the `slots` keyword this project compiles without. Notifiers are only ever disabled,
// never deleted, while hiredis may be on the stack (it frees contexts from inside a read).

#include <QObject>

struct redisAsyncContext;
class QSocketNotifier;

namespace m1 {

class RedisEventBridge final : public QObject
{
public:
    // Installs the ev hooks on `context`, which must not have an event library attached yet.
    RedisEventBridge(redisAsyncContext *context, QObject *parent = nullptr);
    ~RedisEventBridge() override;

    // hiredis called cleanup: the context is about to be freed.
    bool isDetached() const { return m_context == nullptr; }

private:
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    redisAsyncContext *m_context;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
};

} // namespace m1
