#pragma once

// Turns parameter and output names into comparable keys, so that an output of one tool can be
// matched to an input of another. A key is lower-case words joined by '_':
// "vehicleID", "vehicle-id", "VehicleId", "vehicle_id" → "vehicle_id"; "HTTPServer" →
// "http_server"; "vehicleIDs" → "vehicle_ids"; digits stay with their word ("address2").
//
// Context rules (why: a bare "id" means nothing until we know whose id it is):
// - Generic names are qualified by their owner: identifiers (id, uuid, code, key, slug, number)
//   and one-word fields nearly every resource has (name, status, type, description, date,
//   from, to, amount, ... — a booking's status says nothing about a vehicle's), and keys made
//   only of such words ("amount_currency", "status_code"). A path parameter's
//   owner is the literal segment before it, singularised: /vehicles/{id} → "vehicle_id",
//   /pool-bookings/{id} → "pool_booking_id". Elsewhere the owner is the tool's resource, the
//   last literal path segment singularised (GET /vehicles, GET /vehicles/{vehicleId} →
//   "vehicle").
// - Envelope segments (data, items, results, content, records, ...) are see-through:
//   the output "items.id" of GET /vehicles is the vehicle's id.
// - Outputs at the top level provide their own key and the resource-qualified one
//   ("licencePlate" on GET /vehicles → "licence_plate" and "vehicle_licence_plate"); a generic
//   one only the qualified one ("id" → "vehicle_id", "status" → "vehicle_status").
// - Nested outputs provide "<parent>_<leaf>" ("driver.id" → "driver_id", "vehicle.name" →
//   "vehicle_name"), and the bare leaf too when it has two or more words
//   ("vehicle.licencePlate" → also "licence_plate"): a one-word leaf (name, status, email)
//   means different things under different parents, a two-word one rarely does.
// - Nested inputs mirror that: a one-word or generic leaf is "<parent>_<leaf>", a longer leaf
//   stands alone ("booking.vehicleId" → "vehicle_id").
// - The parent prefix is not doubled: "vehicle.vehicleId" → "vehicle_id".
// - Aliases (normalised key → canonical key, e.g. person_id → driver_id) apply last, to whole
//   keys and to owner words (so "person" → "driver" also turns /persons/{id} into driver_id).
// - Header and cookie parameters are never needs: the executor fills them, not other tools.

#include "registry/tooldefinition.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <span>

namespace m1 {

class KeyNormalizer
{
public:
    // Keys and values are normalised here, so "personId" → "driverId" works as written.
    explicit KeyNormalizer(const QHash<QString, QString> &aliases = {});

    // Words of `name`, lower case, joined by '_' (no aliases).
    static QString snake(QStringView name);
    // English plural → singular for one lower-case word: vehicles → vehicle, categories →
    // category, addresses → address, statuses → status, people → person; status, bus, class
    // stay as they are.
    static QString singular(const QString &word);
    // singular() applied to the last word of a snake key: pool_bookings → pool_booking.
    static QString singularKey(const QString &snakeKey);
    static bool isGeneric(QStringView snakeKey);
    static bool isEnvelope(QStringView snakeKey);
    // Generic or envelope: words the context rules give a meaning to.
    static bool isReserved(QStringView snakeKey) { return isGeneric(snakeKey) || isEnvelope(snakeKey); }
    static int wordCount(QStringView snakeKey);
    // The last literal path segment, snake and singular (no aliases); empty for "/".
    static QString resource(const QString &path);
    // The literal segment before "{param}", snake and singular; empty when there is none.
    static QString ownerOfPathParam(const QString &path, const QString &param);

    // snake() then aliases.
    QString normalize(QStringView name) const;
    QString applyAlias(const QString &snakeKey) const;

    // The key a required input of `tool` needs; empty when the parameter can never be
    // provided by another tool (headers, cookies).
    QString inputKey(const ToolDefinition &tool, const ToolParameter &param) const;
    // Every key `tool` provides through its outputs, without duplicates, in output order.
    QStringList providedKeys(const ToolDefinition &tool) const;
    // The keys one output key provides, given the tool's resource (see resource()).
    QStringList outputKeys(const QString &resource, const QString &outputKey) const;

    const QHash<QString, QString> &aliases() const { return m_aliases; }

private:
    QString qualify(const QString &owner, const QString &leaf) const;
    QString qualifyNested(std::span<const QString> owners, const QString &resourceName,
                          const QString &leaf) const;

    QHash<QString, QString> m_aliases;
};

} // namespace m1
