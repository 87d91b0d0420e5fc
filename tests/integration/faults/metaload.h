#pragma once
// Plays Meta for the fault and security tests: delivers signed webhook POSTs, one message each,
// at a steady pace, and — as Meta does with a delivery it did not see answered 200 — delivers
// again whatever got a 503, another error or no answer at all, after a short wait, until it is
// accepted. Every answer is counted by status (0: no HTTP answer, e.g. connection refused).
// Runs on this thread's event loop; waits spin it, so servers living on this thread keep working.
#include "cli/spinuntil.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace m1 {

class MetaLoad
{
public:
    struct Delivery
    {
        QString messageId;
        QString phone;
        QByteArray body;
        QByteArray signature;
        int attempts = 0;
        bool accepted = false;
        qint64 firstPostMs = -1; // on this object's clock (ms since construction)
        qint64 acceptedMs = -1;
    };

    explicit MetaLoad(QByteArray appSecret)
        : m_secret(std::move(appSecret))
    {
        m_clock.start();
        m_pacer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_pacer, &QTimer::timeout, &m_context, [this] { postNext(); });
    }

    void setUrl(const QUrl &webhook) { m_url = webhook; }
    // Times (firstPostMs, acceptedMs, elapsedMs) on this clock instead of the load's own, so
    // they compare with times taken elsewhere in the test. It must outlive the load.
    void setClock(const QElapsedTimer *clock) { m_external = clock; }
    // How long a refused delivery waits before it is made again.
    void setRetryMs(int ms) { m_retryMs = ms; }
    // Called once per delivery when it is first answered 200.
    void setAcceptedHandler(std::function<void(int index)> handler) { m_onAccepted = std::move(handler); }

    // A text message in Meta's shape, signed with the app secret. Returns its index.
    int addText(const QString &phone, const QString &text, const QString &messageId)
    {
        WebhookPayloadBuilder payload;
        payload.text(phone, text, messageId);
        return addSigned(phone, messageId, payload.sign(m_secret));
    }
    int addSigned(const QString &phone, const QString &messageId, const WebhookPayloadBuilder::Signed &s)
    {
        m_deliveries.append({ messageId, phone, s.body, s.signature });
        return int(m_deliveries.size() - 1);
    }

    // Starts delivering the messages not yet posted, one every `intervalMs` (0: all at once).
    void start(int intervalMs)
    {
        if (intervalMs <= 0) {
            while (m_next < m_deliveries.size())
                postNext();
            return;
        }
        m_pacer.start(intervalMs);
    }
    bool allPosted() const { return m_next >= m_deliveries.size(); }

    bool waitUntilAccepted(int timeoutMs)
    {
        return spinUntil([this] { return allPosted() && m_accepted == m_deliveries.size(); }, timeoutMs);
    }
    // Spins the loop until `index` messages were first posted.
    bool waitUntilPosted(int count, int timeoutMs)
    {
        return spinUntil([this, count] { return m_next >= count; }, timeoutMs);
    }

    const QList<Delivery> &deliveries() const { return m_deliveries; }
    qsizetype acceptedCount() const { return m_accepted; }
    // Answers by HTTP status over every attempt; 0 = no HTTP answer.
    const QMap<int, int> &statuses() const { return m_statuses; }
    int answers(int status) const { return m_statuses.value(status); }
    qint64 elapsedMs() const { return m_external ? m_external->elapsed() : m_clock.elapsed(); }

private:
    void postNext()
    {
        if (m_next >= m_deliveries.size()) {
            m_pacer.stop();
            return;
        }
        const int index = int(m_next++);
        m_deliveries[index].firstPostMs = elapsedMs();
        post(index);
    }

    void post(int index)
    {
        Delivery &d = m_deliveries[index];
        ++d.attempts;
        QNetworkRequest request(m_url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArrayLiteral("X-Hub-Signature-256"), d.signature);
        request.setTransferTimeout(20'000);
        QNetworkReply *reply = m_nam.post(request, d.body);
        QObject::connect(reply, &QNetworkReply::finished, &m_context, [this, reply, index] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++m_statuses[status];
            Delivery &delivery = m_deliveries[index];
            if (status == 200) {
                if (!delivery.accepted) {
                    delivery.accepted = true;
                    delivery.acceptedMs = elapsedMs();
                    ++m_accepted;
                    if (m_onAccepted)
                        m_onAccepted(index);
                }
                return;
            }
            QTimer::singleShot(m_retryMs, &m_context, [this, index] { post(index); });
        });
    }

    QByteArray m_secret;
    QUrl m_url;
    int m_retryMs = 250;
    QNetworkAccessManager m_nam;
    QTimer m_pacer;
    QElapsedTimer m_clock;
    const QElapsedTimer *m_external = nullptr;
    QList<Delivery> m_deliveries;
    qsizetype m_next = 0;
    qsizetype m_accepted = 0;
    QMap<int, int> m_statuses;
    std::function<void(int)> m_onAccepted;
    QObject m_context; // last: destroyed first, so no callback outlives the members it uses
};

} // namespace m1
