#pragma once

// Turns what a `m1bot bench --load` run observed into its report: the `load` object of
// `--json` (fields listed in the README's bench text) and the same numbers as text for people.
//
//   lost        accepted messages (a 200 from some process) with no reply and no record of why
//   duplicated  messages whose user got more than one reply
//
// Each message is sent by its own user and every turn of the bench's mix answers with one
// message, so replies are matched to messages by phone number.

#include <QJsonObject>
#include <QString>

namespace m1 {

struct LoadRunData;

class LoadReport
{
public:
    static QJsonObject toJson(const LoadRunData &run);
    static QString toText(const QJsonObject &load);
    // The run kept its promise: nothing lost, nothing answered twice, the queue drained.
    static bool passed(const QJsonObject &load);
};

} // namespace m1
