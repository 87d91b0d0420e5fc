#include "facade/signalsink.h"

#include <QPromise>

namespace m1 {

SignalSink::SignalSink(QObject *parent) : QObject(parent)
{
}

QFuture<SendResult> SignalSink::send(const OutboundMessage &message)
{
    SendResult result;
    result.ok = true;
    result.httpStatus = 200;
    result.attempts = 1;
    if (message.kind != OutboundMessage::Kind::MarkRead)
        result.wamid = QStringLiteral("wamid.simulator.") + QString::number(++m_sequence);
    Q_EMIT sent(message);
    QPromise<SendResult> promise;
    promise.start();
    promise.addResult(result);
    promise.finish();
    return promise.future();
}

} // namespace m1
