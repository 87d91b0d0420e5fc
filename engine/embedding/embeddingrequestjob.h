#pragma once

// One embed() call of the HTTP provider in flight: its requests, their retries and the merged
// result. Lives on the calling thread and deletes itself once it has reported.

#include "embedding/openaiembeddingprovider.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace m1 {

class EmbeddingRequestJob final : public QObject
{
    Q_OBJECT

public:
    EmbeddingRequestJob(std::shared_ptr<OpenAiEmbeddingProvider::Shared> shared,
                        QNetworkAccessManager *network, QStringList texts,
                        std::function<void(EmbeddingBatchResult)> done);
    void start();

private:
    struct Chunk
    {
        int first = 0;
        int count = 0;
        int attempts = 0;
        QPointer<QNetworkReply> reply;
    };

    void pump();
    void send(int chunkIndex);
    void onFinished(int chunkIndex, QNetworkReply *reply);
    QString parse(const Chunk &chunk, const QByteArray &body);
    void fail(const QString &error);
    void finish();

    std::shared_ptr<OpenAiEmbeddingProvider::Shared> m_shared;
    QNetworkAccessManager *m_network;
    QStringList m_texts;
    std::function<void(EmbeddingBatchResult)> m_done;
    QList<Chunk> m_chunks;
    int m_nextChunk = 0;
    int m_inFlight = 0; // requests sent or waiting for their retry timer
    int m_completed = 0;
    bool m_finished = false;
    EmbeddingBatchResult m_result;
};

} // namespace m1
