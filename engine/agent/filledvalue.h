#pragma once

#include "agent/textspan.h"

#include <QJsonValue>
#include <QString>

namespace m1 {

// Where a parameter value came from, so replies can say so and the orchestrator can decide
// what still needs confirming.
enum class ValueSource { Message, Profile, History, Provider, Default };

QString valueSourceName(ValueSource source); // "message", "profile", "history", "provider", "default"

struct FilledValue
{
    QString name;      // the parameter's name ("from", "driver.id")
    QJsonValue value;  // typed as the parameter wants it (integers as numbers, dates as ISO strings)
    ValueSource source = ValueSource::Message;
    TextSpan span;     // for values from the message: where

    bool operator==(const FilledValue &) const = default;
};

} // namespace m1
