#pragma once

// The text the embedder and the lexical index see for a tool, built once at load: summary,
// description (HTML stripped), method and path, the words hidden in identifiers
// (listCoreV1Namespace -> list core v1 namespace), tags, parameters and any extra
// documentation the operator wrote for the tool.

#include "registry/tooldefinition.h"

#include <QRegularExpression>

namespace m1 {

class EmbeddingTextBuilder
{
public:
    EmbeddingTextBuilder();

    QString build(const ToolDefinition &tool, const QString &extraDocumentation) const;

    // Lower-case words of an identifier or path: camelCase, snake_case, kebab-case, {braces}.
    static QStringList words(QStringView identifier);

private:
    QString plain(const QString &text, int maxChars) const;

    QRegularExpression m_tags; // compiled once per builder, not per tool
};

} // namespace m1
