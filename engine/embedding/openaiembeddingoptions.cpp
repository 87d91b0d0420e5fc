#include "embedding/openaiembeddingoptions.h"

#include <QUrlQuery>

namespace m1 {

QUrl OpenAiEmbeddingOptions::endpoint() const
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (flavor == Flavor::Azure) {
        path += QStringLiteral("/openai/deployments/") + deployment + QStringLiteral("/embeddings");
        url.setPath(path);
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("api-version"));
        query.addQueryItem(QStringLiteral("api-version"), apiVersion);
        url.setQuery(query);
        return url;
    }
    if (path.endsWith(QStringLiteral("/embeddings")))
        return url;
    if (!path.endsWith(QStringLiteral("/v1")))
        path += QStringLiteral("/v1");
    url.setPath(path + QStringLiteral("/embeddings"));
    return url;
}

int OpenAiEmbeddingOptions::estimateTokens(const QString &text)
{
    qsizetype bytes = 0;
    for (QChar c : text)
        bytes += c.unicode() < 0x80 ? 1 : (c.unicode() < 0x800 ? 2 : 3);
    return int(bytes / 3) + 1;
}

} // namespace m1
