#pragma once

// A user's conversation state: one small value, stored as one compact JSON blob under
// m1:{phone}:state with the silence timeout as its time to live.

#include "conversation/conversationphase.h"
#include "conversation/filledparameter.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace m1 {

struct ConversationState
{
    static constexpr int kFormatVersion = 1;

    ConversationPhase phase = ConversationPhase::Idle;
    QStringList candidates; // tool ids offered to choose from
    QString toolId; // the chosen tool
    QMap<QString, FilledParameter> filled;
    QStringList missing; // required parameters still to ask for, in asking order
    QString confirmationPrompt; // what the user was asked to confirm
    qint64 updatedAtMs = 0;
    QString language; // "hr", "en", ... ; empty = not detected yet

    bool isIdle() const { return phase == ConversationPhase::Idle; }
    // Nothing worth storing: idle and no language learnt.
    bool isBlank() const { return isIdle() && language.isEmpty(); }

    // {"v":1,"p":"collecting","t":"...","c":[...],"f":{"name":{"v":..,"s":"message","d":".."}},
    //  "m":[...],"q":"...","u":1700000000000,"l":"hr"} — empty fields left out.
    QByteArray toJson() const;
    // nullopt and *error (with the JSON offset or field) when the blob is not a state.
    static std::optional<ConversationState> fromJson(const QByteArray &json,
                                                     QString *error = nullptr);

    bool operator==(const ConversationState &) const = default;
};

} // namespace m1
