#pragma once

// A delivery status Meta reports for a message the business sent (sent, delivered, read,
// failed). Statuses arrive in the same webhook POSTs as user messages and are stored with them,
// so they have the same compact, exactly round-tripping JSON form.

#include "channel/grapherror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace m1 {

struct MessageStatus
{
    enum class State { Sent, Delivered, Read, Failed, Unknown };

    QString messageId; // the wamid of our outgoing message
    QString recipient; // recipient_id: the user's wa_id
    QString phoneNumberId; // the business number that sent it
    State status = State::Unknown;
    QString statusText; // Meta's string, kept for states this enum does not know ("played")
    qint64 timestampSec = 0;
    QList<GraphError> errors; // set for "failed" (and occasionally others)

    QByteArray toJson() const;
    static std::optional<MessageStatus> fromJson(QByteArrayView json, QString *error = nullptr);

    static QString stateName(State state);
    static State stateFromName(QStringView name); // Unknown for anything unrecognised

    bool operator==(const MessageStatus &) const = default;
};

} // namespace m1
