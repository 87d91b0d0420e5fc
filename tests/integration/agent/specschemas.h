#pragma once

// The demo spec's own schemas for an operation's parameters and request body, with local
// $refs inlined (bounded depth): lets the Prism test make arguments that also satisfy what
// ToolParameter does not carry (array item types, minimum/maximum, patterns).

#include "registry/documentreader.h"
#include "registry/tooldefinition.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

class SpecSchemas
{
public:
    bool load(const QString &path, QString *error)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return false;
        }
        const m1::DocumentReader::Result r = m1::DocumentReader().read(file.readAll());
        *error = r.error;
        m_root = r.value.toObject();
        return r.ok();
    }

    // Schema of a path/query/header/cookie parameter, or of a dotted body field.
    QJsonObject schemaFor(const m1::ToolDefinition &tool, const m1::ToolParameter &p) const
    {
        const QJsonObject op = resolve(m_root.value(QStringLiteral("paths")).toObject().value(tool.path).toObject()
                                           .value(tool.method.toLower()), 0).toObject();
        if (p.location != m1::ParamLocation::Body) {
            const QJsonObject pathItem = m_root.value(QStringLiteral("paths")).toObject().value(tool.path).toObject();
            for (const QJsonArray &list : {op.value(QStringLiteral("parameters")).toArray(),
                                           pathItem.value(QStringLiteral("parameters")).toArray()}) {
                for (const QJsonValue &v : list) {
                    const QJsonObject param = resolve(v, 0).toObject();
                    if (param.value(QStringLiteral("name")).toString() == p.name)
                        return resolve(param.value(QStringLiteral("schema")), 0).toObject();
                }
            }
            return {};
        }
        const QJsonObject content = resolve(op.value(QStringLiteral("requestBody")), 0).toObject()
                                        .value(QStringLiteral("content")).toObject();
        QJsonObject schema = resolve(content.value(QStringLiteral("application/json")).toObject()
                                         .value(QStringLiteral("schema")), 0).toObject();
        for (const QString &segment : p.name.split(u'.')) {
            schema = propertyOf(schema, segment);
            if (schema.isEmpty())
                break;
        }
        return schema;
    }

private:
    static QJsonObject propertyOf(const QJsonObject &schema, const QString &name)
    {
        const QJsonObject direct = schema.value(QStringLiteral("properties")).toObject().value(name).toObject();
        if (!direct.isEmpty())
            return direct;
        for (const QJsonValue &part : schema.value(QStringLiteral("allOf")).toArray()) {
            const QJsonObject found = propertyOf(part.toObject(), name);
            if (!found.isEmpty())
                return found;
        }
        return {};
    }

    // `depth` counts $refs followed on the way down, so a recursive schema stops.
    QJsonValue resolve(const QJsonValue &value, int depth) const
    {
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue &v : value.toArray())
                out.append(resolve(v, depth));
            return out;
        }
        if (!value.isObject())
            return value;
        QJsonObject o = value.toObject();
        const QString ref = o.value(QStringLiteral("$ref")).toString();
        if (ref.startsWith(QStringLiteral("#/")) && depth < 24) {
            QJsonValue target = m_root;
            for (const QString &part : ref.mid(2).split(u'/'))
                target = target.toObject().value(QString(part).replace(QStringLiteral("~1"), QStringLiteral("/"))
                                                     .replace(QStringLiteral("~0"), QStringLiteral("~")));
            return resolve(target, depth + 1);
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = resolve(it.value(), depth);
        return o;
    }

    QJsonObject m_root;
};
