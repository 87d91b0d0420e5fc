#include "registry/sourcelocation.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace m1 {

bool SourceLocation::isHttpUrl(const QString &location)
{
    return location.startsWith(u"http://", Qt::CaseInsensitive)
        || location.startsWith(u"https://", Qt::CaseInsensitive);
}

bool SourceLocation::isFileUrl(const QString &location)
{
    return location.startsWith(u"file:", Qt::CaseInsensitive);
}

QString SourceLocation::localPath(const QString &location)
{
    if (isFileUrl(location))
        return QUrl(location).toLocalFile();
    return location;
}

QString SourceLocation::documentKey(const QString &location)
{
    if (isHttpUrl(location)) {
        QUrl url(location);
        url.setFragment(QString());
        return url.toString();
    }
    const QString path = localPath(location);
    if (isResource(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString SourceLocation::resolve(const QString &baseKey, const QString &reference)
{
    if (reference.isEmpty())
        return baseKey;
    if (isHttpUrl(reference) || isFileUrl(reference))
        return documentKey(reference);
    if (isHttpUrl(baseKey))
        return documentKey(QUrl(baseKey).resolved(QUrl(reference)).toString());
    const QString path = QDir::fromNativeSeparators(
        QString::fromUtf8(QByteArray::fromPercentEncoding(reference.toUtf8())));
    if (QDir::isAbsolutePath(path) || isResource(path))
        return documentKey(path);
    const QString folder = QFileInfo(baseKey).path();
    return QDir::cleanPath(folder + u'/' + path);
}

} // namespace m1
