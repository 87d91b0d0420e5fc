#include "agent/llmplanneroptions.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace m1 {

QUrl LlmPlannerOptions::chatCompletionsUrl() const
{
    QUrl url = endpoint;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (flavor == Flavor::Azure) {
        url.setPath(path + u"/openai/deployments/"_s + deployment + u"/chat/completions"_s);
        QUrlQuery query(url);
        query.removeAllQueryItems(u"api-version"_s);
        query.addQueryItem(u"api-version"_s, apiVersion);
        url.setQuery(query);
        return url;
    }
    if (path.endsWith(u"/chat/completions"_s))
        return url;
    if (!path.endsWith(u"/v1"_s))
        path += u"/v1"_s;
    url.setPath(path + u"/chat/completions"_s);
    return url;
}

} // namespace m1
