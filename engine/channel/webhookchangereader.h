#pragma once

// Reads one entry[].changes[] object of a WhatsApp webhook into a WebhookBatch: the messages
// and statuses in its value, each decoded on its own so one odd message never costs the others.
// Used by WebhookParser, which handles the envelope around it.

#include "channel/webhookbatch.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace m1 {

class WebhookChangeReader
{
public:
    WebhookChangeReader(WebhookBatch &batch, int maxProblems);

    void readChange(const QJsonValue &change, const QString &pointer);
    // Records a problem, or counts it once the limit is reached.
    void problem(const QString &pointer, const QString &message);
    // Appends the "N more problems" line, if any were dropped.
    void finish();

    // "a string", "an object", ... for messages about what was found instead.
    static QString describe(const QJsonValue &value);

private:
    struct ValueContext
    {
        QString phoneNumberId;
        QHash<QString, QString> profileNames; // wa_id → profile name
        QString firstProfileName;
    };

    void readValue(const QJsonObject &value, const QString &pointer);
    std::optional<InboundMessage> readMessage(const QJsonValue &item, const QString &pointer,
                                              const ValueContext &context);
    std::optional<MessageStatus> readStatus(const QJsonValue &item, const QString &pointer,
                                            const ValueContext &context);
    void readContent(const QJsonObject &message, const QString &pointer, InboundMessage &m);
    void readInteractive(const QJsonObject &message, const QString &pointer, InboundMessage &m);
    QList<GraphError> readErrors(const QJsonValue &errors, const QString &pointer);

    // Typed member access that records a problem when the member has the wrong type (or is
    // missing and `required`). Numbers are accepted where Meta documents digit strings.
    QString string(const QJsonObject &object, QLatin1StringView key, const QString &pointer,
                   bool required);
    std::optional<QJsonObject> object(const QJsonObject &parent, QLatin1StringView key,
                                      const QString &pointer, bool required);
    qint64 timestamp(const QJsonObject &object, const QString &pointer);
    double coordinate(const QJsonObject &object, QLatin1StringView key, const QString &pointer);

    WebhookBatch &m_batch;
    int m_maxProblems;
    int m_droppedProblems = 0;
};

} // namespace m1
