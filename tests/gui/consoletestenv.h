#pragma once

// What every console test starts with: settings and engine data in a temporary folder of its
// own, so tests neither read nor change the user's console settings, nor share a Redis server.

#include "facade/engineconfig.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace m1::test {

class ConsoleTestEnv
{
public:
    explicit ConsoleTestEnv(const QString &name)
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MobilityOneTest"));
        QCoreApplication::setApplicationName(name);
        QStandardPaths::setTestModeEnabled(true);
        // Unix keeps "native" settings as INI files; both formats point into the temporary folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    }

    bool isValid() const { return m_dir.isValid(); }

    // "memory" needs nothing; "managed" starts a redis-server in the temporary folder.
    EngineConfig config(const QString &store = QStringLiteral("memory")) const
    {
        EngineConfig c;
        c.store = store;
        c.dataDir = m_dir.filePath(QStringLiteral("data"));
        return c;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

} // namespace m1::test
