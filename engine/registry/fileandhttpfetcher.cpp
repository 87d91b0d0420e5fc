#include "registry/fileandhttpfetcher.h"

#include "registry/sourcelocation.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace m1 {

FetchResult FileAndHttpFetcher::fetch(const QString &location) const
{
    if (SourceLocation::isHttpUrl(location))
        return fetchHttp(location);
    return fetchFile(SourceLocation::localPath(location));
}

FetchResult FileAndHttpFetcher::fetchFile(const QString &path) const
{
    FetchResult result;
    QFile file(path);
    if (!file.exists()) {
        result.error = QStringLiteral("file not found");
        return result;
    }
    if (QFileInfo(path).isDir()) {
        result.error = QStringLiteral("is a folder, not a file");
        return result;
    }
    if (file.size() > m_maxBytes) {
        result.error = QStringLiteral("file is %1 bytes, more than the limit of %2")
                           .arg(file.size())
                           .arg(m_maxBytes);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot open: ") + file.errorString();
        return result;
    }
    result.data = file.readAll();
    return result;
}

FetchResult FileAndHttpFetcher::fetchHttp(const QString &url) const
{
    FetchResult result;
    // One manager per fetch: a manager belongs to the thread that made it, and the loader may
    // run on any worker.
    QNetworkAccessManager manager;
    QNetworkRequest request { QUrl(url) };
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = manager.get(request);

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    bool tooLarge = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&timedOut, reply] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop,
                     [this, reply, &tooLarge](qint64 received, qint64) {
                         if (received > m_maxBytes) {
                             tooLarge = true;
                             reply->abort();
                         }
                     });
    deadline.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    deadline.stop();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (tooLarge) {
        result.error = QStringLiteral("response larger than %1 bytes").arg(m_maxBytes);
    } else if (timedOut || reply->error() == QNetworkReply::OperationCanceledError
               || reply->error() == QNetworkReply::TimeoutError) {
        result.error
            = QStringLiteral("no complete answer within %1 ms (timed out)").arg(m_timeoutMs);
    } else if (status >= 400) {
        const QString reason
            = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        result.error = QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
    } else if (reply->error() != QNetworkReply::NoError) {
        result.error = QStringLiteral("network error: ") + reply->errorString();
    } else {
        result.data = reply->readAll();
    }
    delete reply;
    return result;
}

} // namespace m1
