#pragma once

// Large registries for benchmarks and scale tests, made from a small real one. Copy c of a tool
// has the marker "c<c>" woven into its id ("getVehicle_c17"), its path's literal segments
// ("/vehicles/{vehicleId}" → "/c17vehicles/{c17vehicle_id}") and every parameter and output
// name ("driver.licencePlate" → "c17driver.c17licence_plate"). The marker is glued to the
// first word so word counts and plural endings — what KeyNormalizer's rules look at — stay
// the same, and names the rules give a meaning to (id, code, data, items, ...) stay as they
// are; their owner carries the marker instead. So each copy links exactly like the base,
// and only within itself: with base edges E and B base tools, k·B tools have exactly k·E
// edges. (Graph aliases name base keys and do not reach the copies.)

#include "registry/tooldefinition.h"

#include <QList>
#include <QString>

namespace m1 {

class SyntheticToolFactory
{
public:
    // `count` tools: copy 0 of every base tool in order, then copy 1, ...; the last copy is
    // partial (the first count % base.size() base tools) when count is not a multiple.
    static QList<ToolDefinition> derive(const QList<ToolDefinition> &base, int count);
    static ToolDefinition copyOf(const ToolDefinition &tool, int copyIndex);
    // A parameter or output name, dotted segments marked one by one.
    static QString markName(const QString &name, int copyIndex);
    static QString markPath(const QString &path, int copyIndex);
};

} // namespace m1
