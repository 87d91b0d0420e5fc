// Bad input never crashes the loader and never makes tools vanish silently: every value of a
// spec is replaced in turn by a value of the wrong type, and the text is cut and garbled at
// many places (fixed seed, so a failure reproduces).

#include "registry/registryloader.h"
#include "registrytestfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

const char *const kSpec = R"({
  "openapi": "3.0.3",
  "info": {"title": "Fleet", "version": "1"},
  "servers": [{"url": "/{region}/api", "variables": {"region": {"default": "eu"}}}],
  "paths": {
    "/vehicles/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {"operationId": "getVehicle", "tags": ["vehicles"],
              "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Vehicle"}}}}}},
      "patch": {"operationId": "updateVehicle",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Vehicle"}}}},
                "responses": {"default": {"$ref": "#/components/responses/Plain"}}}
    },
    "/trips": {
      "get": {"parameters": [{"name": "from", "in": "query", "schema": {"type": ["string", "null"], "format": "date"}}],
              "responses": {"2XX": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Trip"}}}}}}}
    }
  },
  "components": {
    "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
    "responses": {"Plain": {"description": "ok"}},
    "schemas": {
      "Vehicle": {"type": "object", "required": ["plate"], "properties": {
        "plate": {"type": "string"}, "km": {"type": "integer", "nullable": true},
        "driver": {"allOf": [{"$ref": "#/components/schemas/Person"}, {"properties": {"since": {"type": "string"}}}]},
        "last": {"$ref": "#/components/schemas/Trip"}}},
      "Person": {"type": "object", "properties": {"name": {"type": "string"}, "manager": {"$ref": "#/components/schemas/Person"}}},
      "Trip": {"type": "object", "properties": {"vehicle": {"$ref": "#/components/schemas/Vehicle"},
        "kind": {"oneOf": [{"type": "string", "enum": ["private", "business"]}, {"type": "null"}]}}}
    }
  }
})";

// Every place in the document, as a list of keys/indexes from the root.
void collectPaths(const QJsonValue &value, QList<QVariantList> *out, const QVariantList &at)
{
    out->append(at);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            collectPaths(it.value(), out, at + QVariantList { it.key() });
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            collectPaths(array.at(i), out, at + QVariantList { i });
    }
}

QJsonValue replaced(const QJsonValue &value, const QVariantList &path, int depth,
                    const QJsonValue &with)
{
    if (depth == path.size())
        return with;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const QString key = path[depth].toString();
        object.insert(key, replaced(object.value(key), path, depth + 1, with));
        return object;
    }
    QJsonArray array = value.toArray();
    const int index = path[depth].toInt();
    array.replace(index, replaced(array.at(index), path, depth + 1, with));
    return array;
}

int errorsOf(const ToolRegistry &r)
{
    return r.errorCount(LoadError::Severity::Error);
}

} // namespace

class TestMalformedInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_fullSize = 0;

    ToolRegistry load(const QByteArray &bytes)
    {
        return RegistryLoader().load({ test::writeFile(m_dir, u"spec.json"_s, bytes) });
    }

private Q_SLOTS:
    void initTestCase()
    {
        const ToolRegistry full = load(kSpec);
        QVERIFY(full.errors().isEmpty());
        m_fullSize = full.size();
        QCOMPARE(m_fullSize, 3);
    }

    void everyValueWithAWrongType()
    {
        const QJsonValue root = QJsonDocument::fromJson(kSpec).object();
        QList<QVariantList> paths;
        collectPaths(root, &paths, {});
        const QJsonValue wrong[]
            = { QJsonValue(QJsonValue::Null), QJsonValue(7), QJsonValue(u"text"_s),
                QJsonValue(true), QJsonArray { 1, u"x"_s } };
        int runs = 0;
        for (const QVariantList &path : std::as_const(paths)) {
            if (path.isEmpty())
                continue;
            for (const QJsonValue &with : wrong) {
                const QJsonValue mutated = replaced(root, path, 0, with);
                const ToolRegistry r
                    = load(QJsonDocument(mutated.toObject()).toJson(QJsonDocument::Compact));
                ++runs;
                for (const LoadError &e : r.errors()) {
                    QVERIFY(!e.message.isEmpty());
                    QVERIFY(e.pointer.isEmpty() || e.pointer.startsWith(u'/'));
                }
                // A tool may only disappear with an error that says why.
                if (r.size() < m_fullSize && errorsOf(r) == 0) {
                    QString where;
                    for (const QVariant &p : path)
                        where += u'/' + p.toString();
                    QFAIL(qPrintable(
                        u"tool lost silently after replacing "_s + where + u" with "_s
                        + QString::fromUtf8(
                            QJsonDocument(QJsonArray { with }).toJson(QJsonDocument::Compact))));
                }
            }
        }
        qInfo() << runs << "mutated documents loaded";
    }

    void truncatedAndGarbledText()
    {
        const QByteArray text = QJsonDocument::fromJson(kSpec).toJson(QJsonDocument::Indented);
        // The same document as YAML-ish flow text too: every cut is a different parse error.
        for (qsizetype cut = 1; cut < text.size(); cut += 13) {
            const ToolRegistry r = load(text.left(cut));
            QVERIFY(r.size() <= m_fullSize);
            QVERIFY(!r.errors().isEmpty());
        }
        QRandomGenerator random(20240601);
        const QByteArray alphabet = "{}[]:,\"'$#/\\ \n\t-&*!|>%~0a";
        for (int round = 0; round < 300; ++round) {
            QByteArray garbled = round % 2 ? text : QByteArray(kSpec).replace('"', ' ');
            const int edits = 1 + int(random.bounded(6));
            for (int e = 0; e < edits; ++e)
                garbled[random.bounded(int(garbled.size()))]
                    = alphabet[random.bounded(int(alphabet.size()))];
            const ToolRegistry r = load(garbled);
            for (const LoadError &e : r.errors())
                QVERIFY(!e.message.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestMalformedInput)
#include "tst_malformedinput.moc"
