#include "agent/providerrows.h"

#include "graph/keynormalizer.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

const QString kPrefix = u"pv|"_s;
constexpr qsizetype kMaxRowId = 200; // WhatsApp's limit for a list row id

// Snake-case field names a person knows an item by, best first.
const QStringList &titleKeys()
{
    static const QStringList keys { u"licence_plate"_s, u"license_plate"_s, u"plate"_s, u"registration"_s,
                                    u"registration_number"_s, u"display_name"_s, u"full_name"_s, u"name"_s,
                                    u"title"_s, u"label"_s, u"code"_s, u"number"_s };
    return keys;
}

const QStringList &detailKeys()
{
    static const QStringList keys { u"make"_s, u"model"_s, u"variant"_s, u"description"_s, u"type"_s,
                                    u"category"_s, u"status"_s, u"city"_s, u"address"_s, u"email"_s };
    return keys;
}

QString field(const QJsonObject &owner, const QString &snakeKey)
{
    for (auto it = owner.begin(); it != owner.end(); ++it) {
        if (KeyNormalizer::snake(it.key()) == snakeKey)
            return ProviderRows::text(it.value());
    }
    return {};
}

} // namespace

QString ProviderRows::text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

void ProviderRows::walk(const QJsonValue &node, const QStringList &path, int at, const QJsonObject &owner,
                        QList<Item> &out, QStringList &seen)
{
    if (out.size() >= kMaxValues)
        return;
    if (node.isArray()) {
        const QJsonArray items = node.toArray();
        for (const QJsonValue &item : items)
            walk(item, path, at, owner, out, seen);
        return;
    }
    if (at == path.size()) {
        const QString key = text(node);
        if (!key.isEmpty() && !seen.contains(key)) {
            seen.append(key);
            out.append({ node, owner });
        }
        return;
    }
    if (!node.isObject())
        return;
    const QJsonObject object = node.toObject();
    walk(object.value(path.at(at)), path, at + 1, object, out, seen);
}

QList<ProviderRows::Item> ProviderRows::collect(const QJsonValue &body, const QString &outputPath)
{
    QList<Item> out;
    QStringList seen;
    if (!outputPath.isEmpty())
        walk(body, outputPath.split(u'.'), 0, {}, out, seen);
    return out;
}

ReplyOption ProviderRows::row(const QString &providerId, const QString &param, const Item &item)
{
    const QString value = text(item.value);
    QString title;
    for (const QString &key : titleKeys()) {
        title = field(item.owner, key);
        if (!title.isEmpty())
            break;
    }
    if (title.isEmpty())
        title = value;
    QStringList details;
    for (const QString &key : detailKeys()) {
        const QString detail = field(item.owner, key);
        if (!detail.isEmpty() && detail != title && detail.size() <= 40)
            details.append(detail);
        if (details.size() == 3)
            break;
    }
    return { rowId(providerId, param, value), title, details.join(u" · "_s) };
}

QString ProviderRows::rowId(const QString &providerId, const QString &param, const QString &value)
{
    const QString id = kPrefix + providerId + u'|' + param + u'|' + value;
    return id.size() <= kMaxRowId ? id : QString();
}

std::optional<ProviderRows::Pick> ProviderRows::parseRowId(const QString &id)
{
    if (!id.startsWith(kPrefix))
        return std::nullopt;
    // The value may itself hold '|': only the first two separators count.
    const qsizetype first = id.indexOf(u'|', kPrefix.size());
    const qsizetype second = first < 0 ? -1 : id.indexOf(u'|', first + 1);
    if (second < 0)
        return std::nullopt;
    Pick pick { id.mid(kPrefix.size(), first - kPrefix.size()), id.mid(first + 1, second - first - 1),
                id.mid(second + 1) };
    if (pick.providerId.isEmpty() || pick.param.isEmpty() || pick.value.isEmpty())
        return std::nullopt;
    return pick;
}

} // namespace m1
