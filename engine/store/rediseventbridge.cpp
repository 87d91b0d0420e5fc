#include "store/rediseventbridge.h"

#include <QSocketNotifier>

#include <hiredis/async.h>

namespace m1 {

RedisEventBridge::RedisEventBridge(redisAsyncContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    const qintptr fd = context->c.fd;
    m_read = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    m_write = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    connect(m_read, &QSocketNotifier::activated, this, [this] {
        if (m_context)
            redisAsyncHandleRead(m_context);
    });
    connect(m_write, &QSocketNotifier::activated, this, [this] {
        if (m_context)
            redisAsyncHandleWrite(m_context);
    });
    context->ev.data = this;
    context->ev.addRead = &RedisEventBridge::addRead;
    context->ev.delRead = &RedisEventBridge::delRead;
    context->ev.addWrite = &RedisEventBridge::addWrite;
    context->ev.delWrite = &RedisEventBridge::delWrite;
    context->ev.cleanup = &RedisEventBridge::cleanup;
}

RedisEventBridge::~RedisEventBridge()
{
    if (m_context)
        m_context->ev.data = nullptr;
}

void RedisEventBridge::addRead(void *self)
{
    if (auto *b = static_cast<RedisEventBridge *>(self); b && b->m_context)
        b->m_read->setEnabled(true);
}

void RedisEventBridge::delRead(void *self)
{
    if (auto *b = static_cast<RedisEventBridge *>(self))
        b->m_read->setEnabled(false);
}

void RedisEventBridge::addWrite(void *self)
{
    if (auto *b = static_cast<RedisEventBridge *>(self); b && b->m_context)
        b->m_write->setEnabled(true);
}

void RedisEventBridge::delWrite(void *self)
{
    if (auto *b = static_cast<RedisEventBridge *>(self))
        b->m_write->setEnabled(false);
}

void RedisEventBridge::cleanup(void *self)
{
    if (auto *b = static_cast<RedisEventBridge *>(self)) {
        b->m_read->setEnabled(false);
        b->m_write->setEnabled(false);
        b->m_context = nullptr;
    }
}

} // namespace m1
