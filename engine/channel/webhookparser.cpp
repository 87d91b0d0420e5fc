#include "channel/webhookparser.h"

#include "channel/webhookchangereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace m1 {

int WebhookParser::nestingDepth(QByteArrayView json, int stopAbove)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > stopAbove)
                    return deepest;
            }
            break;
        case '}':
        case ']':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

WebhookBatch WebhookParser::parse(QByteArrayView body) const
{
    WebhookBatch batch;
    if (body.size() > m_limits.maxBytes) {
        batch.fatalError = u"body of "_s + QString::number(body.size())
            + u" bytes is over the limit of "_s + QString::number(m_limits.maxBytes);
        return batch;
    }
    // Bounding the depth first keeps a hostile body from driving the JSON reader into deep
    // recursion; Meta's own payloads are far below the limit.
    if (nestingDepth(body, m_limits.maxDepth) > m_limits.maxDepth) {
        batch.fatalError
            = u"JSON nested deeper than "_s + QString::number(m_limits.maxDepth) + u" levels"_s;
        return batch;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        batch.fatalError = u"body is not valid JSON: "_s + parseError.errorString()
            + u" at offset "_s + QString::number(parseError.offset);
        return batch;
    }
    if (!doc.isObject()) {
        batch.fatalError = u"body is JSON but not an object"_s;
        return batch;
    }
    const QJsonObject root = doc.object();
    WebhookChangeReader reader(batch, m_limits.maxProblems);

    const QJsonValue object = root.value("object"_L1);
    if (object.toString() != "whatsapp_business_account"_L1) {
        reader.problem(u"/object"_s,
                       object.isString() ? u"expected \"whatsapp_business_account\", found \""_s
                               + object.toString() + u"\"; nothing read"_s
                                         : u"expected \"whatsapp_business_account\", found "_s
                               + WebhookChangeReader::describe(object) + u"; nothing read"_s);
        reader.finish();
        return batch;
    }
    const QJsonValue entries = root.value("entry"_L1);
    if (!entries.isArray()) {
        reader.problem(u"/entry"_s,
                       u"expected an array of entries, found "_s
                           + WebhookChangeReader::describe(entries));
        reader.finish();
        return batch;
    }
    const QJsonArray entryList = entries.toArray();
    for (qsizetype i = 0; i < entryList.size(); ++i) {
        const QString at = u"/entry/"_s + QString::number(i);
        const QJsonValue entry = entryList.at(i);
        const QJsonValue changes = entry.toObject().value("changes"_L1);
        if (!entry.isObject() || !changes.isArray()) {
            reader.problem(entry.isObject() ? at + u"/changes"_s : at,
                           entry.isObject() ? u"expected an array of changes, found "_s
                                   + WebhookChangeReader::describe(changes)
                                            : u"expected an entry object, found "_s
                                   + WebhookChangeReader::describe(entry));
            continue;
        }
        const QJsonArray changeList = changes.toArray();
        for (qsizetype j = 0; j < changeList.size(); ++j)
            reader.readChange(changeList.at(j), at + u"/changes/"_s + QString::number(j));
    }
    reader.finish();
    return batch;
}

} // namespace m1
