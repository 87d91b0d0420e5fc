#include "facade/enginestore.h"

#include <QDir>
#include <QStandardPaths>

namespace m1 {

QString EngineStore::dataDirPath(const EngineConfig &config)
{
    return config.dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                    : config.dataDir;
}

QString EngineStore::dataDir(const EngineConfig &config)
{
    const QString dir = dataDirPath(config);
    QDir().mkpath(dir);
    return dir;
}

std::unique_ptr<StoreBackend> EngineStore::open(const EngineConfig &config, const Clock &clock,
                                                MetricsRegistry &metrics, QThread *ioThread,
                                                QString *error)
{
    const std::optional<StoreUrl> url = StoreUrl::parse(config.store, error);
    if (!url)
        return nullptr;
    return StoreBackend::open(*url, StoreEnvironment{dataDir(config), clock, metrics, ioThread});
}

} // namespace m1
