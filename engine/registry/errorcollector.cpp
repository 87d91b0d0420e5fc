#include "registry/errorcollector.h"

#include <QStringList>

namespace m1 {

void ErrorCollector::setDisplayName(const QString &documentKey, const QString &name)
{
    m_names.insert(documentKey, name);
}

QString ErrorCollector::displayName(const QString &documentKey) const
{
    return m_names.value(documentKey, documentKey);
}

void ErrorCollector::error(const QString &document, const QString &pointer, const QString &message)
{
    report(document, pointer, message, LoadError::Severity::Error);
}

void ErrorCollector::warning(const QString &document, const QString &pointer,
                             const QString &message)
{
    report(document, pointer, message, LoadError::Severity::Warning);
}

void ErrorCollector::report(const QString &document, const QString &pointer, const QString &message,
                            LoadError::Severity severity)
{
    add(LoadError { displayName(document), pointer, message, severity });
}

void ErrorCollector::add(LoadError error)
{
    const QString identity = error.source + u'#' + error.pointer + u'\n' + error.message;
    if (m_seen.contains(identity))
        return;
    m_seen.insert(identity);
    int &count = m_perSource[error.source];
    if (count >= m_maxPerSource) {
        ++m_dropped[error.source];
        return;
    }
    ++count;
    m_errors.append(std::move(error));
}

QList<LoadError> ErrorCollector::take()
{
    QList<LoadError> out = std::move(m_errors);
    QStringList cut = m_dropped.keys();
    cut.sort();
    for (const QString &source : std::as_const(cut)) {
        out.append(LoadError { source, QString(),
                               QStringLiteral("%1 more problems in this source were not listed "
                                              "(only the first %2 are)")
                                   .arg(m_dropped.value(source))
                                   .arg(m_maxPerSource),
                               LoadError::Severity::Warning });
    }
    m_errors.clear();
    m_seen.clear();
    m_perSource.clear();
    m_dropped.clear();
    return out;
}

} // namespace m1
