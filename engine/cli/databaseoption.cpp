#include "cli/databaseoption.h"

#include "facade/enginestore.h"

using namespace Qt::StringLiterals;

namespace m1 {

void DatabaseOption::addTo(QCommandLineParser &parser)
{
    parser.addOption({ u"database"_s,
                       u"Where users, the message log and tool outcomes live: sqlite:///PATH or "
                       u"postgres://USER@HOST/DB (default: SQLite in the data folder; also "
                       u"M1_DATABASE_URL or the config's \"database\")."_s,
                       u"URL"_s });
}

std::optional<SqlUrl> DatabaseOption::resolve(const QCommandLineParser &parser,
                                              const EngineConfig &config,
                                              const QProcessEnvironment &environment,
                                              QString *error)
{
    QString text = config.database;
    QString source
        = (config.sourceFile.isEmpty() ? u"config"_s : config.sourceFile) + u"#/database"_s;
    if (environment.contains(u"M1_DATABASE_URL"_s)) {
        text = environment.value(u"M1_DATABASE_URL"_s);
        source = u"M1_DATABASE_URL"_s;
    }
    if (parser.isSet(u"database"_s)) {
        text = parser.value(u"database"_s);
        source = u"--database"_s;
    }
    QString problem;
    std::optional<SqlUrl> url = SqlUrl::parse(
        text, SqlUrl::defaultSqlitePath(EngineStore::dataDirPath(config)), &problem);
    if (!url)
        *error = source + u": "_s + problem;
    return url;
}

} // namespace m1
