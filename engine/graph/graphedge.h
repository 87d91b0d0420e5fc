#pragma once

// Edges and needs of the dependency graph, as plain values. Tools are referred to by their
// index in the list the graph was built from.

#include <QString>

namespace m1 {

// `from`'s output satisfies `to`'s required input `param`, both normalised to `key`.
struct GraphEdge
{
    int from = -1;
    int to = -1;
    QString key;   // normalised key ("vehicle_id")
    QString param; // the consumer's parameter name as written ("vehicleId", "driver.id")

    bool operator==(const GraphEdge &) const = default;
};

// A required input of a tool that another tool could provide.
struct GraphNeed
{
    QString param;
    QString key;

    bool operator==(const GraphNeed &) const = default;
};

} // namespace m1
