#include "search/tooldocumentation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace m1 {

namespace {

QString pointerEscape(QString key)
{
    return key.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

} // namespace

ToolDocumentation ToolDocumentation::fromJson(const QByteArray &json, const QString &sourceName,
                                              QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = sourceName + QStringLiteral(": ") + message;
        return ToolDocumentation {};
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not valid JSON (%1 at byte %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!doc.isObject())
        return fail(QStringLiteral("/ must be an object with \"version\" and \"tools\""));
    const QJsonObject root = doc.object();
    const int version = root.value(QStringLiteral("version")).toInt(1);
    if (version != 1)
        return fail(QStringLiteral("/version is %1; this build reads version 1").arg(version));
    const QJsonValue toolsValue = root.value(QStringLiteral("tools"));
    if (!toolsValue.isObject())
        return fail(QStringLiteral("/tools must be an object keyed by tool id"));
    ToolDocumentation out;
    const QJsonObject tools = toolsValue.toObject();
    for (auto it = tools.constBegin(); it != tools.constEnd(); ++it) {
        const QString pointer = QStringLiteral("/tools/") + pointerEscape(it.key());
        if (!it.value().isObject())
            return fail(
                pointer
                + QStringLiteral(" must be an object with \"examples\" and/or \"synonyms\""));
        ToolDocs docs;
        const QJsonObject entry = it.value().toObject();
        for (auto field = entry.constBegin(); field != entry.constEnd(); ++field) {
            QStringList *target = nullptr;
            if (field.key() == u"examples")
                target = &docs.examples;
            else if (field.key() == u"synonyms")
                target = &docs.synonyms;
            else
                continue; // room for later fields (notes, owners) without breaking old builds
            if (!field.value().isArray())
                return fail(pointer + u'/' + field.key()
                            + QStringLiteral(" must be an array of strings"));
            const QJsonArray values = field.value().toArray();
            for (qsizetype i = 0; i < values.size(); ++i) {
                if (!values[i].isString())
                    return fail(pointer + u'/' + field.key() + u'/' + QString::number(i)
                                + QStringLiteral(" must be a string"));
                const QString text = values[i].toString().trimmed();
                if (!text.isEmpty())
                    target->append(text);
            }
        }
        out.m_docs.insert(it.key(), std::move(docs));
    }
    if (error)
        error->clear();
    return out;
}

ToolDocumentation ToolDocumentation::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": cannot be read (") + file.errorString() + u')';
        return {};
    }
    return fromJson(file.readAll(), path, error);
}

const ToolDocs *ToolDocumentation::find(const QString &toolId) const
{
    const auto it = m_docs.constFind(toolId);
    return it == m_docs.constEnd() ? nullptr : &*it;
}

QHash<QString, QString> ToolDocumentation::extraText() const
{
    QHash<QString, QString> out;
    for (auto it = m_docs.constBegin(); it != m_docs.constEnd(); ++it)
        out.insert(it.key(), (it->synonyms + it->examples).join(QStringLiteral(". ")));
    return out;
}

} // namespace m1
