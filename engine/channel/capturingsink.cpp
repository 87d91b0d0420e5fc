#include "channel/capturingsink.h"

#include <QMutexLocker>
#include <QPromise>

using namespace Qt::StringLiterals;

namespace m1 {

CapturingSink::CapturingSink(QObject *parent)
    : QObject(parent)
{
}

QFuture<SendResult> CapturingSink::send(const OutboundMessage &message)
{
    SendResult result;
    {
        QMutexLocker lock(&m_mutex);
        m_messages.append(message);
        if (!m_scripted.isEmpty()) {
            result = m_scripted.takeFirst();
        } else {
            result.ok = true;
            result.httpStatus = 200;
            if (message.kind != OutboundMessage::Kind::MarkRead)
                result.wamid = m_idPrefix + QString::number(++m_sequence);
        }
        result.attempts = qMax(result.attempts, 1);
    }
    Q_EMIT captured(message, result);
    QPromise<SendResult> promise;
    promise.start();
    promise.addResult(result);
    promise.finish();
    return promise.future();
}

void CapturingSink::setIdPrefix(const QString &prefix)
{
    QMutexLocker lock(&m_mutex);
    m_idPrefix = prefix;
}

QList<OutboundMessage> CapturingSink::messages() const
{
    QMutexLocker lock(&m_mutex);
    return m_messages;
}

qsizetype CapturingSink::count() const
{
    QMutexLocker lock(&m_mutex);
    return m_messages.size();
}

void CapturingSink::clear()
{
    QMutexLocker lock(&m_mutex);
    m_messages.clear();
}

void CapturingSink::queueResult(const SendResult &result)
{
    QMutexLocker lock(&m_mutex);
    m_scripted.append(result);
}

} // namespace m1
