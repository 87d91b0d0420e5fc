#pragma once

// Everything `m1bot serve` runs with, from (lowest to highest precedence) built-in defaults, the
// config file's "serve" and "whatsapp" sections, the environment (M1_WHATSAPP_*, M1_GRAPH_API_*)
// and the command line. Problems are collected as one line each, naming the option, variable or
// JSON pointer, so the command can refuse to start with all of them at once.

#include "facade/engineconfig.h"
#include "facade/serveoptions.h"
#include "store/sqlurl.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <QStringList>

namespace m1 {

// The service itself (ServeOptions, shared with the console's webhook) plus what only the
// daemon has: the SQL database.
struct ServeSettings : ServeOptions
{
    // SQL persistence (users, message log, tool outcomes): the config's "database", then
    // M1_DATABASE_URL, then --database; parsed against the default SQLite file in the data folder.
    SqlUrl database;

    // The options this adds to `m1bot serve`.
    static void addOptions(QCommandLineParser &parser);
    // Empty `errors` → usable settings. `missing` gets the environment variables of required
    // WhatsApp settings that are not set anywhere (the app secret, the verify token, ...).
    static ServeSettings resolve(const QCommandLineParser &parser, const EngineConfig &config,
                                 const QProcessEnvironment &environment, QStringList *errors,
                                 QStringList *missing);
};

} // namespace m1
