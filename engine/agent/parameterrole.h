#pragma once

// What a tool parameter is about, read from its name, type and format, so the filler knows
// which extractor or profile field answers it. "startDate" → DateStart, "odometerKm" → Mileage,
// "driver.id" → PersonId, "licencePlate" → Plate, "description" → FreeText.

#include "registry/tooldefinition.h"

namespace m1 {

enum class ParameterRole {
    Other,
    PersonId,
    VehicleId,
    Tenant,
    Phone,
    Language,
    Plate,
    Date,      // a single date or date-time
    DateStart, // from / start / od / pickup
    DateEnd,   // to / end / do / return
    Mileage,   // km
    Litres,    // l
    Money,     // EUR / HRK
    Currency,  // the currency of a money amount ("amount.currency")
    Percent,   // %
    FreeText,  // description, comment, note, ...
    Enum,
};

class ParameterRoles
{
public:
    static ParameterRole roleOf(const ToolParameter &parameter);
    static bool isDateRole(ParameterRole role)
    {
        return role == ParameterRole::Date || role == ParameterRole::DateStart
            || role == ParameterRole::DateEnd;
    }
    // Whether the parameter wants a date-time (format date-time, or a time in its name)
    // rather than a plain date.
    static bool wantsDateTime(const ToolParameter &parameter);
    // The unit a numeric role is written in ("km", "l", "EUR", "%"); empty for others.
    static QString unitOf(ParameterRole role);
};

} // namespace m1
