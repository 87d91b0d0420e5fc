#pragma once

// Valid-looking arguments for every parameter of a tool, from its types, formats, enums,
// defaults and names (dates near today, "licencePlate" → a Croatian plate, ids with the
// resource's prefix). For the console's "try it", dry runs and the test that sends every demo
// operation to a validating mock server. Deterministic for a given seed.

#include "agent/schemaexamplegenerator.h"

#include "registry/tooldefinition.h"

namespace m1 {

class ExampleArguments
{
public:
    explicit ExampleArguments(const SchemaExampleGenerator &generator) : m_generator(generator) {}

    // All: every parameter except optional arrays (ToolParameter does not say what an array
    // holds; required ones get strings).
    enum class Coverage { RequiredOnly, All };
    QJsonObject build(const ToolDefinition &tool, Coverage coverage = Coverage::All, quint64 salt = 0) const;

    // The JSON Schema ToolParameter stands for (type, format, enum, default).
    static QJsonObject schemaOf(const ToolParameter &parameter);

private:
    const SchemaExampleGenerator &m_generator;
};

} // namespace m1
