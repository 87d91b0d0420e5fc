#pragma once

// Hand-written help for tools, from a JSON file (resources/config/tool-docs.json):
//   {"version": 1, "tools": {"<tool id or operationId>": {"examples": [...], "synonyms": [...]}}}
// Examples are messages people send for that tool; synonyms are the words they use for it.
// The scorer's documentation boost compares a query with them; extraText() can also be given to
// the registry loader so the tool's own text carries them.

#include <QHash>
#include <QString>
#include <QStringList>

namespace m1 {

struct ToolDocs
{
    QStringList examples;
    QStringList synonyms;
};

class ToolDocumentation
{
public:
    ToolDocumentation() = default;

    // Errors name the file and the JSON pointer; on error the returned object is empty.
    static ToolDocumentation fromJson(const QByteArray &json, const QString &sourceName,
                                      QString *error);
    static ToolDocumentation load(const QString &path, QString *error);

    bool isEmpty() const { return m_docs.isEmpty(); }
    int size() const { return int(m_docs.size()); }
    const ToolDocs *find(const QString &toolId) const;
    QStringList toolIds() const { return m_docs.keys(); }
    void insert(const QString &toolId, ToolDocs docs) { m_docs.insert(toolId, std::move(docs)); }
    // Examples and synonyms as one text per tool, for RegistryLoadOptions::extraDocumentation.
    QHash<QString, QString> extraText() const;

private:
    QHash<QString, ToolDocs> m_docs;
};

} // namespace m1
