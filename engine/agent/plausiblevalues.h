#pragma once

// Numbers and strings that read like fleet data, chosen by a field's name, format and bounds:
// "licencePlate" → "ZG-4821-KT", "vehicleId" → "veh_104233", "fuelLevelPercent" → 20..95,
// "odometerKm" → thousands of km, dates near today, e-mails, uuids, patterns tried against a
// few usual shapes. One instance per value; the random source is the caller's (seeded).

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>

namespace m1 {

class PlausibleValues
{
public:
    PlausibleValues(QRandomGenerator &rng, QDate today);

    QJsonValue number(const QJsonObject &schema, const QString &name, bool integer);
    QJsonValue string(const QJsonObject &schema, const QString &name);

private:
    int pick(int n);
    int between(int lo, int hi);

    QRandomGenerator &m_rng;
    QDate m_today;
};

} // namespace m1
