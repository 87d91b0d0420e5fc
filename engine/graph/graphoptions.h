#pragma once

// How a DependencyGraph links tools; comes from the engine config's "graph" section.

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace m1 {

struct GraphOptions
{
    // Normalised key → canonical key ("person_id" → "driver_id"); names are normalised on use.
    QHash<QString, QString> aliases;
    // Providers are tools called to look a value up, so by default only read-only ones
    // (GET, HEAD, OPTIONS) qualify: a lookup must never change data.
    bool readOnlyProviders = true;
    // Only identifiers are looked up through other tools: a required "vehicleId" or
    // "licencePlate" can come from listVehicles, but a start time, an odometer reading or a
    // purpose comes from the user. A key is an identifier when its last word is one of
    // these; more whole keys can be named in lookupKeys.
    QStringList lookupKeyWords{QStringLiteral("id"), QStringLiteral("ids"), QStringLiteral("uuid"),
                               QStringLiteral("guid"), QStringLiteral("code"), QStringLiteral("number"),
                               QStringLiteral("plate"), QStringLiteral("vin")};
    QSet<QString> lookupKeys; // normalised keys, e.g. "period"
    bool linkEveryKey = false; // link any matching key, identifiers or not

    bool isLookupKey(const QString &normalisedKey) const;
};

} // namespace m1
