#pragma once

// One parameter value the conversation has, and where it came from.

#include "conversation/parametersource.h"

#include <QJsonValue>
#include <QString>

namespace m1 {

struct FilledParameter
{
    QJsonValue value;
    ParameterSource source = ParameterSource::Message;
    QString detail; // e.g. the provider tool's id, or the profile field

    bool operator==(const FilledParameter &) const = default;
};

} // namespace m1
