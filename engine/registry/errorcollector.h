#pragma once

// Gathers the problems of one load: the same problem reached through many operations (a
// dangling ref in a shared schema) is listed once, and a hopeless file stops adding after a
// limit so the list stays readable.

#include "registry/loaderror.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace m1 {

class ErrorCollector
{
public:
    explicit ErrorCollector(int maxPerSource = 200)
        : m_maxPerSource(maxPerSource)
    {
    }

    // Errors are filed under the name the user knows a document by (the path as given).
    void setDisplayName(const QString &documentKey, const QString &name);
    QString displayName(const QString &documentKey) const;

    void error(const QString &document, const QString &pointer, const QString &message);
    void warning(const QString &document, const QString &pointer, const QString &message);
    void add(LoadError error);

    int count() const { return int(m_errors.size()); }
    // Everything so far plus one line per source whose list was cut short.
    QList<LoadError> take();

private:
    void report(const QString &document, const QString &pointer, const QString &message,
                LoadError::Severity severity);

    int m_maxPerSource;
    QHash<QString, QString> m_names;
    QList<LoadError> m_errors;
    QSet<QString> m_seen;
    QHash<QString, int> m_perSource;
    QHash<QString, int> m_dropped;
};

} // namespace m1
