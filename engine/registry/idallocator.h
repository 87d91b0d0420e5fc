#pragma once

// Tool ids unique across every source of a load. The first owner keeps an id; a later tool
// asking for a taken id gets a deterministic suffix (_2, _3, ...) so ids only depend on the
// order of the sources, never on timing.

#include <QHash>
#include <QString>

namespace m1 {

class IdAllocator
{
public:
    struct Allocation
    {
        QString id;
        QString takenBy; // source of the earlier tool when `id` had to be suffixed, else empty
    };

    Allocation allocate(const QString &preferred, const QString &source);
    bool contains(const QString &id) const { return m_owners.contains(id); }

    // get_products_id for GET /products/{id}
    static QString slug(const QString &method, const QString &path);
    // An operationId usable as a function name (LLM tool calling, CLI arguments): runs of
    // characters other than letters, digits, '_', '-' and '.' become one '_'.
    // "find pet by id" -> "find_pet_by_id"
    static QString sanitize(const QString &operationId);

private:
    QHash<QString, QString> m_owners; // id -> source
};

} // namespace m1
