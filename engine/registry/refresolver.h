#pragma once

// Follows `$ref`s: JSON pointers (with ~0/~1 and percent escapes) into any part of the
// document, and into other files or URLs relative to the document that holds the ref.
// Documents are cached by key and every resolved ref is remembered, so the 7,639 parameter
// refs of the kubernetes spec cost one lookup each after the first. Only values the parser
// treats as schemas, parameters, responses, bodies or path items are ever dereferenced:
// a property named "$ref" or a "$ref" inside an example is data, not a reference.

#include "registry/documentreader.h"
#include "registry/errorcollector.h"
#include "registry/located.h"
#include "registry/sourcefetcher.h"

#include <QHash>

#include <memory>
#include <optional>

namespace m1 {

class RefResolver
{
public:
    RefResolver(std::shared_ptr<const SourceFetcher> fetcher, ErrorCollector &errors);

    void addDocument(const QString &key, const QJsonValue &root);
    bool hasDocument(const QString &key) const { return m_documents.contains(key); }

    // An object with a "$ref" member (whatever its type; a non-string one is an error).
    static bool isReference(const QJsonValue &value);

    // `at` itself when it is not a reference; otherwise the end of its chain of refs. When a
    // target is missing, records an error at the failing "$ref" and returns nullopt.
    std::optional<Located> deref(const Located &at);

private:
    struct Hop
    {
        Located target;
        QString error;
    };
    Hop hop(const Located &ref);
    Hop resolveUncached(const Located &ref, const QString &reference);
    const QJsonValue *document(const QString &key, QString *error);

    std::shared_ptr<const SourceFetcher> m_fetcher;
    ErrorCollector &m_errors;
    DocumentReader m_reader;
    QHash<QString, QJsonValue> m_documents;
    QHash<QString, QString> m_documentErrors;
    QHash<QString, Hop> m_hops; // "<document>\n<$ref text>" -> where it leads
};

} // namespace m1
