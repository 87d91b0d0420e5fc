#pragma once

// A loopback HTTP server that speaks the documented OpenAI and Azure OpenAI embeddings formats,
// for tests and for the start-up benchmark:
//   POST /v1/embeddings                                        (Authorization: Bearer KEY)
//   POST /openai/deployments/{name}/embeddings?api-version=V   (api-key: KEY)
// Vectors are deterministic (the local embedder's, so search over them still makes sense).
// It can add latency to every answer, answer scripted failures (429 with Retry-After, 500s) or
// never answer (for timeouts), and counts requests and inputs. Minimal HTTP/1.1 with keep-alive;
// lives on the thread that created it.

#include "embedding/localembedder.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace m1 {

class FakeOpenAiServer final : public QObject
{
    Q_OBJECT

public:
    struct Failure
    {
        int status = 500; // HTTP status to answer with; 0 = never answer (hang)
        QByteArray retryAfter; // Retry-After header value, empty for none
    };

    explicit FakeOpenAiServer(QObject *parent = nullptr);
    ~FakeOpenAiServer() override;

    bool listen(); // 127.0.0.1, a free port
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    quint16 port() const;

    void setApiKey(const QString &key) { m_apiKey = key; } // empty: any or no key accepted
    void setDimension(int dimension);
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    void setMaxInputsPerRequest(int n) { m_maxInputs = n; } // more → 400, as OpenAI does
    // The next requests answer these, in order, before normal service resumes.
    void queueFailure(Failure failure) { m_failures.append(failure); }
    void queueFailures(int count, Failure failure);
    // Every request fails with this status until set back to 0.
    void setAlwaysFail(int status) { m_alwaysFail = status; }

    int requestCount() const { return m_requests; } // embedding requests received
    int inputCount() const { return m_inputs; } // inputs in successful answers
    QList<int> batchSizes() const { return m_batchSizes; } // inputs per successful request
    QList<qint64> requestTimesMs() const { return m_requestTimesMs; } // arrival, ms since listen()
    QString lastPath() const { return m_lastPath; }
    QByteArray lastBody() const { return m_lastBody; }
    int maxConcurrent() const { return m_maxConcurrent; } // most requests being served at once
    void resetCounters();

    // The vector the server answers for a text.
    std::vector<float> vectorFor(const QString &text) const;

private:
    struct Connection
    {
        QByteArray buffer;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                const QHash<QByteArray, QByteArray> &headers, const QByteArray &body);
    void respond(QTcpSocket *socket, int status, const QByteArray &body,
                 const QByteArray &extraHeaders = {});
    void respondLater(QTcpSocket *socket, int status, const QByteArray &body,
                      const QByteArray &extraHeaders = {});

    QTcpServer m_server;
    QHash<QTcpSocket *, Connection> m_connections;
    std::unique_ptr<LocalEmbedder> m_embedder;
    QString m_apiKey;
    int m_dimension = 64;
    int m_latencyMs = 0;
    int m_maxInputs = 2048;
    int m_alwaysFail = 0;
    QList<Failure> m_failures;
    int m_requests = 0;
    int m_inputs = 0;
    int m_concurrent = 0;
    int m_maxConcurrent = 0;
    QList<int> m_batchSizes;
    QList<qint64> m_requestTimesMs;
    qint64 m_startedMs = 0;
    QString m_lastPath;
    QByteArray m_lastBody;
};

} // namespace m1
