#pragma once

// Who is writing, as the user directory knows them; fills "my" parameters (person id, default
// vehicle, language) without asking.

#include <QString>

namespace m1 {

struct UserProfile
{
    QString phone;            // E.164 without '+', as WhatsApp sends it
    QString personId;
    QString tenant;
    QString name;
    QString defaultVehicleId;
    QString language;         // "en" or "hr"

    bool operator==(const UserProfile &) const = default;
};

} // namespace m1
