#include "facade/configloader.h"

#include "embedding/embeddingsettings.h"
#include "registry/yamltojson.h"
#include "search/scoringconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace m1 {
namespace {

class ConfigReader
{
public:
    ConfigReader(QString source, QString baseDir, QStringList *errors)
        : m_source(std::move(source)), m_baseDir(std::move(baseDir)), m_errors(errors)
    {
    }

    void error(const QString &pointer, const QString &message)
    {
        m_errors->append(m_source + u'#' + pointer + u": " + message);
    }


    // A path relative to the config file's folder; URLs and Qt resources stay as they are.
    QString resolvePath(const QString &value) const
    {
        if (value.startsWith(u":/") || QUrl(value).scheme().startsWith(u"http"))
            return value;
        return QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(value));
    }

    bool string(const QJsonObject &obj, const QString &key, const QString &pointer, QString *out)
    {
        const QJsonValue v = obj.value(key);
        if (v.isUndefined())
            return false;
        if (!v.isString()) {
            error(pointer + u'/' + key, QStringLiteral("expected a string"));
            return false;
        }
        *out = v.toString();
        return true;
    }

private:
    QString m_source;
    QString m_baseDir;
    QStringList *m_errors;
};

void readGraph(const QJsonValue &value, ConfigReader &reader, EngineConfig *config)
{
    if (!value.isObject()) {
        reader.error(QStringLiteral("/graph"), QStringLiteral("expected an object"));
        return;
    }
    const QJsonObject graph = value.toObject();
    for (auto it = graph.begin(); it != graph.end(); ++it) {
        const QString pointer = u"/graph/" + it.key();
        if (it.key() == u"aliases") {
            if (!it.value().isObject()) {
                reader.error(pointer, QStringLiteral("expected an object of key → canonical key"));
                continue;
            }
            const QJsonObject aliases = it.value().toObject();
            for (auto a = aliases.begin(); a != aliases.end(); ++a) {
                if (a.value().isString())
                    config->graphAliases.insert(a.key(), a.value().toString());
                else
                    reader.error(pointer + u'/' + a.key(), QStringLiteral("expected a string"));
            }
        } else if (it.key() == u"readOnlyProviders") {
            if (it.value().isBool())
                config->graphReadOnlyProviders = it.value().toBool();
            else
                reader.error(pointer, QStringLiteral("expected true or false"));
        } else if (it.key() == u"lookupKeys") {
            const QJsonArray keys = it.value().toArray();
            if (!it.value().isArray())
                reader.error(pointer, QStringLiteral("expected an array of key names"));
            for (qsizetype i = 0; i < keys.size(); ++i) {
                if (keys.at(i).isString())
                    config->graphLookupKeys.append(keys.at(i).toString());
                else
                    reader.error(pointer + u'/' + QString::number(i), QStringLiteral("expected a string"));
            }
        } else {
            reader.error(pointer,
                         QStringLiteral("unknown key (expected aliases, readOnlyProviders, lookupKeys)"));
        }
    }
}

// Checked here, against the defaults, so a typo is reported when the file is read, with its
// pointer, rather than when the search is built.
void readSearchSection(const QString &key, const QJsonValue &value, ConfigReader &reader,
                       EngineConfig *config)
{
    const QString pointer = u'/' + key;
    if (!value.isObject()) {
        reader.error(pointer, QStringLiteral("expected an object"));
        return;
    }
    // The sections' own checks say ": /pointer message"; reported in this file's format.
    QString problem;
    const QJsonObject object = value.toObject();
    if (key == u"scoring") {
        ScoringConfig scoring;
        if (scoring.apply(object, QString(), &problem, pointer))
            config->scoring = object;
    } else {
        EmbeddingSettings settings;
        if (settings.apply(object, QString(), pointer, &problem))
            config->embedding = object;
    }
    if (problem.isEmpty())
        return;
    const QString detail = problem.mid(2); // "/scoring/docs/weight must be a number, not a string"
    const qsizetype space = detail.indexOf(u' ');
    reader.error(detail.left(space), detail.mid(space + 1));
}

void readLog(const QJsonValue &value, ConfigReader &reader, EngineConfig *config)
{
    if (!value.isObject()) {
        reader.error(QStringLiteral("/log"), QStringLiteral("expected an object"));
        return;
    }
    const QJsonObject log = value.toObject();
    for (auto it = log.begin(); it != log.end(); ++it) {
        const QString pointer = u"/log/" + it.key();
        if (it.key() == u"format") {
            const QString format = it.value().toString();
            if (format == u"text")
                config->logFormat = EngineConfig::LogFormat::Text;
            else if (format == u"json")
                config->logFormat = EngineConfig::LogFormat::Json;
            else
                reader.error(pointer, QStringLiteral("expected \"text\" or \"json\""));
        } else if (it.key() == u"file") {
            if (it.value().isString())
                config->logFile = reader.resolvePath(it.value().toString());
            else
                reader.error(pointer, QStringLiteral("expected a file path"));
        } else {
            reader.error(pointer, QStringLiteral("unknown key (expected format, file)"));
        }
    }
}

} // namespace

ConfigLoader::Result ConfigLoader::fromJson(const QJsonObject &root, const QString &sourceName,
                                            const QString &baseDir)
{
    Result result;
    result.config.sourceFile = sourceName;
    ConfigReader reader(sourceName, baseDir, &result.errors);
    EngineConfig &config = result.config;

    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString &key = it.key();
        const QString pointer = u'/' + key;
        if (key == u"specs") {
            if (!it.value().isArray()) {
                reader.error(pointer, QStringLiteral("expected an array of file paths, folders or URLs"));
                continue;
            }
            const QJsonArray specs = it.value().toArray();
            for (qsizetype i = 0; i < specs.size(); ++i) {
                if (specs.at(i).isString() && !specs.at(i).toString().isEmpty())
                    config.specSources.append(reader.resolvePath(specs.at(i).toString()));
                else
                    reader.error(pointer + u'/' + QString::number(i),
                                 QStringLiteral("expected a non-empty string"));
            }
        } else if (key == u"store") {
            reader.string(root, key, QString(), &config.store);
        } else if (key == u"database") {
            reader.string(root, key, QString(), &config.database);
        } else if (key == u"dataDir") {
            if (reader.string(root, key, QString(), &config.dataDir))
                config.dataDir = reader.resolvePath(config.dataDir);
        } else if (key == u"documentation") {
            if (reader.string(root, key, QString(), &config.documentationFile))
                config.documentationFile = reader.resolvePath(config.documentationFile);
        } else if (key == u"graph") {
            readGraph(it.value(), reader, &config);
        } else if (key == u"log") {
            readLog(it.value(), reader, &config);
        } else if (key == u"scoring" || key == u"embedding") {
            readSearchSection(key, it.value(), reader, &config);
        } else if (key == u"planner") {
            config.planner = PlannerConfig::fromJson(
                    it.value(), pointer, [&reader](const QString &at, const QString &message) { reader.error(at, message); });
        } else if (key == u"whatsapp" || key == u"serve") {
            if (!it.value().isObject())
                reader.error(pointer, QStringLiteral("expected an object"));
            else
                (key == u"whatsapp" ? config.whatsapp : config.serve) = it.value().toObject();
        } else if (key == u"$schema" || key == u"version") {
            // informative keys
        } else {
            reader.error(pointer, QStringLiteral("unknown key (expected specs, store, database, "
                                                 "dataDir, documentation, scoring, embedding, graph, log, "
                                                 "planner, whatsapp, serve)"));
        }
    }
    return result;
}

bool ConfigLoader::isYamlPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"yaml" || suffix == u"yml";
}

ConfigLoader::Result ConfigLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.errors.append(path + u": cannot read the configuration file: " + file.errorString());
        return result;
    }
    const QByteArray text = file.readAll();
    const QString baseDir = QFileInfo(path).absolutePath();
    if (isYamlPath(path)) {
        // YAML so that a shipped configuration can carry its own explanations as comments; it
        // becomes the same JSON object, so every check and pointer below is shared.
        const YamlToJson::Result yaml = YamlToJson::convert(text);
        if (!yaml.ok() || !(yaml.value.isObject() || yaml.value.isNull())) {
            Result result;
            result.errors.append(path + (yaml.ok() ? u": expected a YAML mapping of settings at the top"_s
                                                   : u": not valid YAML (" + yaml.error + u')'));
            return result;
        }
        // An empty file, or one that is all comments, is the empty configuration.
        return fromJson(yaml.value.toObject(), path, baseDir);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        Result result;
        result.errors.append(path + u": not a JSON object"
                             + (parseError.error != QJsonParseError::NoError
                                    ? u" (" + parseError.errorString() + u" at byte "
                                          + QString::number(parseError.offset) + u')'
                                    : QString()));
        return result;
    }
    return fromJson(doc.object(), path, baseDir);
}

} // namespace m1
