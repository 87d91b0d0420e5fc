#pragma once

// --database for the commands that persist to SQL (`serve`, `chat`): the config file's
// "database", then M1_DATABASE_URL, then --database — the last one set wins and is named in the
// error when its URL is wrong; unset everywhere, SQLite in the data folder.

#include "facade/engineconfig.h"
#include "store/sqlurl.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace m1 {

class DatabaseOption
{
public:
    static void addTo(QCommandLineParser &parser);
    // nullopt with *error ("--database: …", "M1_DATABASE_URL: …", "config.json#/database: …").
    static std::optional<SqlUrl> resolve(const QCommandLineParser &parser,
                                         const EngineConfig &config,
                                         const QProcessEnvironment &environment, QString *error);
};

} // namespace m1
