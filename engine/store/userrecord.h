#pragma once

// One row of the users table: who writes from a phone number, as the company's directory
// knows them. Empty strings mean "unknown".

#include <QString>

namespace m1 {

struct UserRecord
{
    QString phone; // E.164 without '+', as WhatsApp sends it; unique
    QString personId;
    QString tenant;
    QString name;
    QString defaultVehicleId;
    QString language; // "en", "hr", …
    qint64 createdAtMs = 0; // set by the repository
    qint64 updatedAtMs = 0;

    bool sameProfile(const UserRecord &other) const
    {
        return phone == other.phone && personId == other.personId && tenant == other.tenant
            && name == other.name && defaultVehicleId == other.defaultVehicleId
            && language == other.language;
    }
};

} // namespace m1
