#include "graph/keynormalizer.h"

#include <QSet>
#include <QVarLengthArray>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

using Segments = QVarLengthArray<QString, 6>;

// A dotted name ("data.driver.id", "items[].licencePlate") as snake segments, empty ones
// dropped.
Segments snakeSegments(QStringView name)
{
    Segments out;
    qsizetype start = 0;
    while (start <= name.size()) {
        qsizetype dot = name.indexOf(u'.', start);
        if (dot < 0)
            dot = name.size();
        QString segment = KeyNormalizer::snake(name.sliced(start, dot - start));
        if (!segment.isEmpty())
            out.append(std::move(segment));
        start = dot + 1;
    }
    return out;
}

// The non-envelope segments before the leaf: "data.driver.id" → ["driver"].
Segments ownersOf(const Segments &segments)
{
    Segments owners;
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        if (!KeyNormalizer::isEnvelope(segments[i]))
            owners.append(segments[i]);
    }
    return owners;
}

bool isLiteralSegment(QStringView segment)
{
    return !segment.isEmpty() && !segment.contains(u'{');
}

} // namespace

KeyNormalizer::KeyNormalizer(const QHash<QString, QString> &aliases)
{
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it) {
        const QString from = snake(it.key());
        const QString to = snake(it.value());
        if (!from.isEmpty() && !to.isEmpty() && from != to)
            m_aliases.insert(from, to);
    }
}

QString KeyNormalizer::snake(QStringView name)
{
    QString out;
    out.reserve(name.size() + 4);
    bool pendingSeparator = false;
    const qsizetype n = name.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = name[i];
        if (!c.isLetterOrNumber()) {
            pendingSeparator = true;
            continue;
        }
        bool boundary = false;
        if (i > 0 && c.isUpper()) {
            const QChar prev = name[i - 1];
            if (prev.isLower() || prev.isDigit()) {
                boundary = true; // vehicleId, v2Vehicles
            } else if (prev.isUpper() && i + 1 < n && name[i + 1].isLower()) {
                // The last capital of an acronym starts the next word (HTTPServer), unless
                // the acronym is only made plural (IDs, URLs).
                const bool pluralAcronym = name[i + 1] == u's' && (i + 2 >= n || !name[i + 2].isLower());
                boundary = !pluralAcronym;
            }
        }
        if ((pendingSeparator || boundary) && !out.isEmpty())
            out += u'_';
        pendingSeparator = false;
        out += c.toLower();
    }
    return out;
}

QString KeyNormalizer::singular(const QString &word)
{
    // Checked as suffixes so a prefixed word ("c17people", "salespeople") is handled too;
    // longer entries first where one ends with another (women / men).
    static const std::array<std::pair<QStringView, QStringView>, 9> irregular{{
        {u"people", u"person"}, {u"children", u"child"}, {u"women", u"woman"}, {u"men", u"man"},
        {u"criteria", u"criterion"}, {u"indices", u"index"}, {u"vertices", u"vertex"},
        {u"matrices", u"matrix"}, {u"caches", u"cache"}}};
    static const std::array<QStringView, 7> invariant{u"series", u"species", u"news", u"gas",
                                                      u"sms", u"status", u"data"};
    // Fast exit for the common case: every rule below needs one of these last letters.
    if (word.isEmpty())
        return word;
    const char16_t last = word.back().unicode();
    if (last != u's' && last != u'e' && last != u'n' && last != u'a')
        return word;
    for (const auto &[plural, single] : irregular) {
        if (word.endsWith(plural))
            return word.chopped(plural.size()) + single;
    }
    for (QStringView same : invariant) {
        if (word.endsWith(same))
            return word;
    }
    if (word.size() > 4 && word.endsWith(u"ies"))
        return word.chopped(3) + u'y'; // categories
    if (word.endsWith(u"sses") || word.endsWith(u"uses") || word.endsWith(u"xes")
        || word.endsWith(u"ches") || word.endsWith(u"shes") || word.endsWith(u"zzes"))
        return word.chopped(2); // addresses, statuses, boxes, batches
    if (word.size() > 2 && word.endsWith(u's') && !word.endsWith(u"ss") && !word.endsWith(u"us")
        && !word.endsWith(u"is"))
        return word.chopped(1); // vehicles, licences, ids
    return word;
}

QString KeyNormalizer::singularKey(const QString &snakeKey)
{
    const qsizetype cut = snakeKey.lastIndexOf(u'_');
    if (cut < 0)
        return singular(snakeKey);
    return snakeKey.left(cut + 1) + singular(snakeKey.mid(cut + 1));
}

bool KeyNormalizer::isGeneric(QStringView snakeKey)
{
    // Identifiers, and one-word fields nearly every resource has: a booking's status or
    // description says nothing about a vehicle's.
    static const std::array<QStringView, 33> generic{
        u"id", u"uuid", u"guid", u"code", u"key", u"slug", u"number",
        u"name", u"title", u"label", u"description", u"note", u"notes", u"comment", u"comments",
        u"status", u"state", u"type", u"kind", u"category", u"reason", u"purpose",
        u"date", u"from", u"to", u"start", u"end", u"amount", u"currency", u"quantity",
        u"count", u"total", u"message"};
    const auto isGenericWord = [](QStringView word) {
        if (word.size() < 2 || word.size() > 11)
            return false; // most words, without a single comparison
        for (QStringView g : generic) {
            if (word == g)
                return true;
        }
        return false;
    };
    // A key made only of such words ("amount_currency", "status_code") is just as ambiguous.
    if (snakeKey.isEmpty())
        return false;
    qsizetype start = 0;
    for (;;) {
        const qsizetype cut = snakeKey.indexOf(u'_', start);
        if (!isGenericWord(snakeKey.sliced(start, (cut < 0 ? snakeKey.size() : cut) - start)))
            return false;
        if (cut < 0)
            return true;
        start = cut + 1;
    }
}

bool KeyNormalizer::isEnvelope(QStringView snakeKey)
{
    static const std::array<QStringView, 16> envelope{
        u"data", u"items", u"results", u"result", u"content", u"records", u"rows", u"list",
        u"entries", u"elements", u"payload", u"response", u"value", u"values", u"embedded",
        u"objects"};
    if (snakeKey.size() < 4 || snakeKey.size() > 8 || snakeKey.contains(u'_'))
        return false;
    for (QStringView e : envelope) {
        if (snakeKey == e)
            return true;
    }
    return false;
}

int KeyNormalizer::wordCount(QStringView snakeKey)
{
    return snakeKey.isEmpty() ? 0 : int(snakeKey.count(u'_')) + 1;
}

QString KeyNormalizer::resource(const QString &path)
{
    const QList<QStringView> segments = QStringView(path).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = segments.size() - 1; i >= 0; --i) {
        if (isLiteralSegment(segments[i]))
            return singularKey(snake(segments[i]));
    }
    return {};
}

QString KeyNormalizer::ownerOfPathParam(const QString &path, const QString &param)
{
    const QList<QStringView> segments = QStringView(path).split(u'/', Qt::SkipEmptyParts);
    const QString placeholder = u'{' + param + u'}';
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (segments[i] != placeholder)
            continue;
        for (qsizetype j = i - 1; j >= 0; --j) {
            if (isLiteralSegment(segments[j]))
                return singularKey(snake(segments[j]));
        }
        return {};
    }
    return {};
}

QString KeyNormalizer::applyAlias(const QString &snakeKey) const
{
    if (m_aliases.isEmpty())
        return snakeKey;
    return m_aliases.value(snakeKey, snakeKey);
}

QString KeyNormalizer::normalize(QStringView name) const
{
    return applyAlias(snake(name));
}

QString KeyNormalizer::qualify(const QString &owner, const QString &leaf) const
{
    const QString o = applyAlias(owner);
    if (leaf == o || (leaf.startsWith(o) && leaf.size() > o.size() && leaf[o.size()] == u'_'))
        return leaf;
    return o + u'_' + leaf;
}

QString KeyNormalizer::inputKey(const ToolDefinition &tool, const ToolParameter &param) const
{
    if (param.location == ParamLocation::Header || param.location == ParamLocation::Cookie)
        return {};
    const Segments segments = snakeSegments(param.name);
    if (segments.isEmpty())
        return {};
    const QString &leaf = segments.last();
    const Segments owners = ownersOf(segments);
    if (owners.isEmpty()) {
        if (!isReserved(leaf))
            return applyAlias(leaf);
        QString owner;
        if (param.location == ParamLocation::Path)
            owner = ownerOfPathParam(tool.path, param.name);
        if (owner.isEmpty())
            owner = resource(tool.path);
        return applyAlias(owner.isEmpty() ? leaf : qualify(owner, leaf));
    }
    if (isReserved(leaf) || wordCount(leaf) == 1)
        return applyAlias(qualifyNested({owners.data(), size_t(owners.size())}, resource(tool.path), leaf));
    return applyAlias(leaf);
}

QString KeyNormalizer::qualifyNested(std::span<const QString> owners, const QString &resourceName,
                                     const QString &leaf) const
{
    // "amount.amount" is still just an amount: keep climbing until the key says whose it is.
    QString key = qualify(singularKey(owners.back()), leaf);
    for (qsizetype i = qsizetype(owners.size()) - 2; i >= 0 && isGeneric(key); --i)
        key = qualify(singularKey(owners[i]), key);
    if (isGeneric(key) && !resourceName.isEmpty())
        key = qualify(resourceName, key);
    return key;
}

QStringList KeyNormalizer::outputKeys(const QString &resourceName, const QString &outputKey) const
{
    const Segments segments = snakeSegments(outputKey);
    if (segments.isEmpty())
        return {};
    const QString &leaf = segments.last();
    const Segments owners = ownersOf(segments);
    QStringList keys;
    if (owners.isEmpty()) {
        if (isReserved(leaf)) {
            keys.append(applyAlias(resourceName.isEmpty() ? leaf : qualify(resourceName, leaf)));
            return keys;
        }
        keys.append(applyAlias(leaf));
        if (!resourceName.isEmpty()) {
            const QString qualified = applyAlias(qualify(resourceName, leaf));
            if (qualified != keys.first())
                keys.append(qualified);
        }
        return keys;
    }
    keys.append(applyAlias(qualifyNested({owners.data(), size_t(owners.size())}, resourceName, leaf)));
    if (!isReserved(leaf) && wordCount(leaf) >= 2) {
        const QString bare = applyAlias(leaf);
        if (bare != keys.first())
            keys.append(bare);
    }
    return keys;
}

QStringList KeyNormalizer::providedKeys(const ToolDefinition &tool) const
{
    const QString resourceName = resource(tool.path);
    QStringList keys;
    keys.reserve(tool.outputKeys.size() * 2);
    // Most tools have a handful of outputs: a linear scan beats hashing until they do not.
    const bool large = tool.outputKeys.size() > 32;
    QSet<QString> seen;
    for (const QString &outputKey : tool.outputKeys) {
        for (QString &key : outputKeys(resourceName, outputKey)) {
            const bool duplicate = large ? seen.contains(key) : keys.contains(key);
            if (duplicate)
                continue;
            if (large)
                seen.insert(key);
            keys.append(std::move(key));
        }
    }
    return keys;
}

} // namespace m1
