#pragma once

// Which part of the dependency graph to show: one tool's neighbourhood (n hops, following
// providers, consumers or both, at most so many tools), or every tool. A plain value.

#include <QString>

namespace m1 {

struct GraphScope
{
    enum class Direction { Both, Providers, Consumers };

    QString focusId;   // empty or unknown: every tool
    int hops = 1;
    Direction direction = Direction::Both;
    int maxNodes = 40; // the focus's nearest neighbours first; the rest are counted, not shown
    bool allTools = false;

    bool showsAll() const { return allTools || focusId.isEmpty(); }
};

} // namespace m1
