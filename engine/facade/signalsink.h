#pragma once

// The simulator's SendSink: delivers nothing and keeps nothing, only announces each message with
// a signal (emitted on the worker's thread; receivers elsewhere get it queued). Unlike
// CapturingSink it does not grow with every message, so long simulator sessions stay bounded.

#include "channel/sendsink.h"

#include <QObject>

#include <atomic>

namespace m1 {

class SignalSink : public QObject, public SendSink
{
    Q_OBJECT

public:
    explicit SignalSink(QObject *parent = nullptr);

    QFuture<SendResult> send(const OutboundMessage &message) override;

Q_SIGNALS:
    void sent(const m1::OutboundMessage &message);

private:
    std::atomic<quint64> m_sequence { 0 };
};

} // namespace m1
