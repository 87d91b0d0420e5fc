#pragma once

// A SendSink that delivers nothing: it records every message and announces it with a signal.
// The console's simulator and `m1bot chat` show what the bot would have sent; tests assert on
// it. Results can be scripted (queueResult) to exercise failure handling upstream.

#include "channel/sendsink.h"

#include <QList>
#include <QMutex>
#include <QObject>

namespace m1 {

class CapturingSink : public QObject, public SendSink
{
    Q_OBJECT

public:
    explicit CapturingSink(QObject *parent = nullptr);

    // Thread-safe. Finishes at once: with the next queued result, or ok with a made-up wamid
    // ("wamid.capture.N").
    QFuture<SendResult> send(const OutboundMessage &message) override;
    // What the made-up wamids start with instead of "wamid.capture." (ids that must stay unique
    // beyond this object, e.g. in a message log that outlives the process).
    void setIdPrefix(const QString &prefix);

    QList<OutboundMessage> messages() const;
    qsizetype count() const;
    void clear();
    // The next send() returns `result` instead of success (first queued, first used).
    void queueResult(const SendResult &result);

Q_SIGNALS:
    // Emitted from the calling thread; connect queued to cross into the GUI.
    void captured(const m1::OutboundMessage &message, const m1::SendResult &result);

private:
    mutable QMutex m_mutex;
    QList<OutboundMessage> m_messages;
    QList<SendResult> m_scripted;
    quint64 m_sequence = 0;
    QString m_idPrefix = QStringLiteral("wamid.capture.");
};

} // namespace m1
