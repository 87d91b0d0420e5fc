#pragma once

// The values a provider tool returned for one key, and the list rows that let the user pick
// one. A row's id carries the provider, the parameter and the value
// ("pv|listVehicles|vehicleId|V-1001"), so a tap fills exactly that parameter even when it comes
// after another question; its title is what a person recognises the item by (plate, name,
// title, code), its description a few details (make, model, status, ...).

#include "agent/replyoption.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace m1 {

class ProviderRows
{
public:
    static constexpr int kMaxValues = 200; // values read from one answer, at most

    struct Item
    {
        QJsonValue value;
        QJsonObject owner; // the object the value was a field of
    };
    struct Pick
    {
        QString providerId;
        QString param;
        QString value;
    };

    // Distinct non-empty scalar values at `outputPath` (dotted, arrays walked through) in `body`.
    static QList<Item> collect(const QJsonValue &body, const QString &outputPath);
    static ReplyOption row(const QString &providerId, const QString &param, const Item &item);

    // Empty when the id would not fit WhatsApp's 200 characters.
    static QString rowId(const QString &providerId, const QString &param, const QString &value);
    static std::optional<Pick> parseRowId(const QString &id);
    static QString text(const QJsonValue &scalar);

private:
    static void walk(const QJsonValue &node, const QStringList &path, int at, const QJsonObject &owner,
                     QList<Item> &out, QStringList &seen);
};

} // namespace m1
