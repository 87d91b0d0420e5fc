#pragma once

// What asking a provider tool for one missing parameter gave: one value (use it), several
// (let the user pick from a list), or nothing (ask the user as usual).

#include "agent/replyoption.h"
#include "agent/userprofile.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace m1 {

// What the turn knows that a provider's own inputs can be filled from.
struct ProviderInputs
{
    QString message;     // the user's words (plates in them narrow a lookup)
    UserProfile profile;
    QJsonObject filled;  // the target tool's values so far, by parameter name
};

struct ProviderLookup
{
    enum class Kind { None, Value, Choice };

    Kind kind = Kind::None;
    QString providerId;     // the tool called (empty when none could be)
    QJsonValue value;       // Kind::Value
    QList<ReplyOption> rows; // Kind::Choice: at most 10, ids from ProviderRows::rowId()
    int found = 0;          // distinct values the provider returned
    QString note;           // what happened, for the trace
    qint64 executeUs = 0;
};

} // namespace m1
