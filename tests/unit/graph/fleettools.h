#pragma once

// A hand-made fleet API of 24 tools, shaped like the real backend: list and detail lookups,
// pool bookings, damage reports, fuel cards, nested and enveloped outputs, generic {id} path
// parameters, money objects made only of ambiguous words, a required header. The base of the scale test and of graphbuildbench.

#include "toolbuilder.h"

namespace m1::test {

inline QList<ToolDefinition> fleetTools()
{
    using namespace Qt::StringLiterals;
    using S = QStringList;
    const ToolParameter tenant = headerParam(QStringLiteral("X-Tenant-Id"));
    return {
        tool(u"listVehicles"_s, u"GET"_s, u"/vehicles"_s, {queryParam(u"status"_s, false), tenant},
             S{u"items.id"_s, u"items.licencePlate"_s, u"items.make"_s, u"items.model"_s,
               u"items.status"_s, u"items.driver.id"_s, u"total"_s}),
        tool(u"getVehicle"_s, u"GET"_s, u"/vehicles/{vehicleId}"_s, {pathParam(u"vehicleId"_s), tenant},
             S{u"id"_s, u"licencePlate"_s, u"make"_s, u"model"_s, u"mileageKm"_s, u"driver.id"_s,
               u"driver.name"_s, u"costCenter.id"_s, u"status"_s}),
        tool(u"getVehicleMileage"_s, u"GET"_s, u"/vehicles/{vehicleId}/mileage"_s,
             {pathParam(u"vehicleId"_s)}, S{u"currentKm"_s, u"lastReadingAt"_s}),
        tool(u"updateMileage"_s, u"PUT"_s, u"/vehicles/{vehicleId}/mileage"_s,
             {pathParam(u"vehicleId"_s), bodyParam(u"currentKm"_s)}, S{u"currentKm"_s}),
        tool(u"listTrips"_s, u"GET"_s, u"/vehicles/{vehicleId}/trips"_s,
             {pathParam(u"vehicleId"_s), queryParam(u"from"_s, false), queryParam(u"to"_s, false)},
             S{u"items.id"_s, u"items.distanceKm"_s, u"items.driver.id"_s}),
        tool(u"getTrip"_s, u"GET"_s, u"/trips/{tripId}"_s, {pathParam(u"tripId"_s)},
             S{u"id"_s, u"distanceKm"_s, u"vehicle.id"_s, u"driver.id"_s}),
        tool(u"listDrivers"_s, u"GET"_s, u"/drivers"_s, {queryParam(u"email"_s, false)},
             S{u"items.id"_s, u"items.name"_s, u"items.email"_s, u"items.phone"_s}),
        tool(u"getDriver"_s, u"GET"_s, u"/drivers/{id}"_s, {pathParam(u"id"_s)},
             S{u"id"_s, u"name"_s, u"email"_s, u"phone"_s, u"costCenterId"_s, u"defaultVehicle.id"_s}),
        tool(u"getMe"_s, u"GET"_s, u"/me"_s, {tenant},
             S{u"driverId"_s, u"name"_s, u"email"_s}),
        tool(u"listFuelCards"_s, u"GET"_s, u"/drivers/{driverId}/fuel-cards"_s, {pathParam(u"driverId"_s)},
             S{u"items.id"_s, u"items.cardNumber"_s, u"items.vehicleId"_s}),
        tool(u"blockFuelCard"_s, u"POST"_s, u"/fuel-cards/{id}/block"_s, {pathParam(u"id"_s)},
             S{u"status"_s}),
        tool(u"listPoolVehicles"_s, u"GET"_s, u"/pool-vehicles"_s,
             {queryParam(u"from"_s), queryParam(u"to"_s), queryParam(u"locationId"_s, false)},
             S{u"items.id"_s, u"items.vehicleId"_s, u"items.location.id"_s}),
        tool(u"getPoolVehicle"_s, u"GET"_s, u"/pool-vehicles/{id}"_s, {pathParam(u"id"_s)},
             S{u"id"_s, u"vehicleId"_s, u"location.id"_s, u"location.name"_s}),
        tool(u"createPoolBooking"_s, u"POST"_s, u"/pool-bookings"_s,
             {bodyParam(u"poolVehicleId"_s), bodyParam(u"driverId"_s), bodyParam(u"from"_s),
              bodyParam(u"to"_s), bodyParam(u"note"_s, false)},
             S{u"id"_s, u"status"_s}),
        tool(u"getPoolBooking"_s, u"GET"_s, u"/pool-bookings/{id}"_s, {pathParam(u"id"_s)},
             S{u"id"_s, u"poolVehicleId"_s, u"driverId"_s, u"from"_s, u"to"_s, u"status"_s}),
        tool(u"cancelPoolBooking"_s, u"DELETE"_s, u"/pool-bookings/{id}"_s, {pathParam(u"id"_s)},
             S{u"status"_s}),
        tool(u"listLocations"_s, u"GET"_s, u"/locations"_s, {},
             S{u"data.items.id"_s, u"data.items.name"_s, u"data.items.address"_s}),
        tool(u"getLocation"_s, u"GET"_s, u"/locations/{locationId}"_s, {pathParam(u"locationId"_s)},
             S{u"id"_s, u"name"_s, u"address"_s}),
        tool(u"reportDamage"_s, u"POST"_s, u"/damage-reports"_s,
             {bodyParam(u"vehicleId"_s), bodyParam(u"driverId"_s), bodyParam(u"description"_s),
              bodyParam(u"location.id"_s, false), tenant},
             S{u"id"_s}),
        tool(u"getDamageReport"_s, u"GET"_s, u"/damage-reports/{id}"_s, {pathParam(u"id"_s)},
             S{u"id"_s, u"vehicleId"_s, u"status"_s, u"description"_s}),
        tool(u"getCostCenter"_s, u"GET"_s, u"/cost-centers/{costCenterId}"_s,
             {pathParam(u"costCenterId"_s)}, S{u"id"_s, u"name"_s, u"code"_s}),
        tool(u"listExpenses"_s, u"GET"_s, u"/expenses"_s, {},
             S{u"items.id"_s, u"items.amount.amount"_s, u"items.amount.currency"_s, u"items.statusCode"_s}),
        tool(u"createExpense"_s, u"POST"_s, u"/expenses"_s,
             {bodyParam(u"amount.amount"_s), bodyParam(u"amount.currency"_s), bodyParam(u"category"_s)},
             S{u"id"_s, u"statusCode"_s}),
        tool(u"assignVehicle"_s, u"POST"_s, u"/drivers/{driverId}/vehicle"_s,
             {pathParam(u"driverId"_s), bodyParam(u"vehicle.licencePlate"_s)},
             S{u"vehicle.id"_s, u"vehicle.licencePlate"_s}),
    };
}

} // namespace m1::test
