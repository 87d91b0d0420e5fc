#pragma once

#include "agent/filledvalue.h"
#include "agent/userprofile.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace m1 {

// What the filler knows besides the message: the user, values from earlier turns or from
// provider tools, and which parameter the bot just asked for (so "8" or "broken mirror" is
// read as the answer to it).
struct FillContext
{
    UserProfile profile;
    QList<FilledValue> known; // source History or Provider
    QString answering;        // name of the parameter the previous question asked for
};

struct FillResult
{
    QList<FilledValue> values; // in the tool's parameter order
    QStringList missing;       // required parameters still without a value, in spec order
    // Things recognised in the message that no parameter took, by kind: "licencePlate",
    // "date", "number", so the orchestrator can look for a provider tool that turns them into ids.
    QJsonObject unused;

    bool isComplete() const { return missing.isEmpty(); }
    const FilledValue *value(const QString &name) const
    {
        for (const FilledValue &v : values) {
            if (v.name == name)
                return &v;
        }
        return nullptr;
    }
    QJsonObject arguments() const
    {
        QJsonObject out;
        for (const FilledValue &v : values)
            out.insert(v.name, v.value);
        return out;
    }
};

} // namespace m1
