#pragma once
// A small blocking HTTP client for the end-to-end tests: one request, wait (spinning this
// thread's event loop, so in-process servers on it keep working), return status and body.
#include <QByteArray>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <utility>

namespace m1 {

class HttpProbe
{
public:
    struct Answer
    {
        int status = 0; // 0: no HTTP answer (connection refused, timeout)
        QByteArray body;
        QString error;
    };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    Answer get(const QUrl &url, int timeoutMs = 15'000)
    {
        return wait(m_nam.get(QNetworkRequest(url)), timeoutMs);
    }

    Answer post(const QUrl &url, const QByteArray &body, const Headers &headers = {},
                int timeoutMs = 15'000)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return wait(m_nam.post(request, body), timeoutMs);
    }

    // A POST signed the way Meta signs it.
    Answer postSigned(const QUrl &url, const QByteArray &body, const QByteArray &signature,
                      int timeoutMs = 15'000)
    {
        return post(url, body, { { QByteArrayLiteral("X-Hub-Signature-256"), signature } }, timeoutMs);
    }

    struct Post
    {
        QUrl url;
        QByteArray body;
        QByteArray signature;
    };
    // All at once (a burst), then the answers in the same order.
    QList<Answer> postMany(const QList<Post> &posts, int timeoutMs = 30'000)
    {
        QList<QNetworkReply *> replies;
        for (const Post &p : posts) {
            QNetworkRequest request(p.url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader(QByteArrayLiteral("X-Hub-Signature-256"), p.signature);
            replies.append(m_nam.post(request, p.body));
        }
        QList<Answer> answers;
        for (QNetworkReply *reply : replies)
            answers.append(wait(reply, timeoutMs));
        return answers;
    }

private:
    static Answer wait(QNetworkReply *reply, int timeoutMs)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Answer a;
        if (!reply->isFinished()) {
            reply->abort();
            a.error = QStringLiteral("timed out");
        } else {
            a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            a.body = reply->readAll();
            if (a.status == 0)
                a.error = reply->errorString();
        }
        reply->deleteLater();
        return a;
    }

    QNetworkAccessManager m_nam;
};

} // namespace m1
