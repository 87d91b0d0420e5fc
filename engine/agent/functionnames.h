#pragma once

// Tool ids as function names. OpenAI and Azure accept only ^[a-zA-Z0-9_-]{1,64}$, while tool ids
// may hold dots, slashes, spaces or be longer ("fleet.v2/listVehicles"). Each id gets a name that
// fits (other characters become '_', long ids are cut and end in a short hash) and is unique
// within one request; the map turns the name the model answers with back into the id.

#include <QHash>
#include <QString>

namespace m1 {

class FunctionNames
{
public:
    static constexpr int kMaxLength = 64;

    // A valid name for `toolId` on its own (not yet made unique).
    static QString sanitize(const QString &toolId);
    static bool isValid(const QString &name);

    // The function name for `toolId`, unique among the names added so far.
    QString add(const QString &toolId);
    // The tool a name stands for; empty when the model made it up.
    QString toolFor(const QString &functionName) const { return m_toolByName.value(functionName); }
    QString nameFor(const QString &toolId) const { return m_nameByTool.value(toolId); }
    int size() const { return int(m_toolByName.size()); }

private:
    QHash<QString, QString> m_toolByName;
    QHash<QString, QString> m_nameByTool;
};

} // namespace m1
