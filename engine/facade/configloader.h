#pragma once

// Reads an EngineConfig from a JSON file, or a YAML one (.yaml/.yml: the same keys, and room for
// comments, which is why the shipped example is YAML). Every problem is reported with the file, the JSON
// pointer and what was expected; unknown keys are errors too, because a misspelt key that is
// silently ignored is worse than a refusal.

#include "facade/engineconfig.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace m1 {

class ConfigLoader
{
public:
    struct Result
    {
        EngineConfig config;
        QStringList errors; // "file#/pointer: message"
        bool ok() const { return errors.isEmpty(); }
    };

    // YAML when the name ends in .yaml or .yml, JSON otherwise.
    static Result loadFile(const QString &path);
    static bool isYamlPath(const QString &path);
    static Result fromJson(const QJsonObject &root, const QString &sourceName, const QString &baseDir);
};

} // namespace m1
