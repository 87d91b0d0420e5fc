#include "registry/refresolver.h"

#include "registry/jsonshape.h"
#include "registry/sourcelocation.h"

#include <QSet>

namespace m1 {

namespace {
constexpr int kMaxChain = 32;
const QString kRef = QStringLiteral("$ref");
} // namespace

RefResolver::RefResolver(std::shared_ptr<const SourceFetcher> fetcher, ErrorCollector &errors)
    : m_fetcher(std::move(fetcher))
    , m_errors(errors)
{
}

void RefResolver::addDocument(const QString &key, const QJsonValue &root)
{
    m_documents.insert(key, root);
}

bool RefResolver::isReference(const QJsonValue &value)
{
    return value.isObject() && value.toObject().contains(kRef);
}

std::optional<Located> RefResolver::deref(const Located &at)
{
    if (!isReference(at.value))
        return at;
    Located current = at;
    QSet<QString> visited;
    for (int step = 0; step < kMaxChain; ++step) {
        const Located refAt = current.member(kRef);
        if (visited.contains(current.key())) {
            m_errors.error(refAt.document, refAt.pointer,
                           QStringLiteral("$ref chain loops back to itself"));
            return std::nullopt;
        }
        visited.insert(current.key());
        const Hop &next = hop(current);
        if (!next.error.isEmpty()) {
            m_errors.error(refAt.document, refAt.pointer, next.error);
            return std::nullopt;
        }
        if (!isReference(next.target.value))
            return next.target;
        current = next.target;
    }
    const Located refAt = at.member(kRef);
    m_errors.error(refAt.document, refAt.pointer,
                   QStringLiteral("more than %1 $refs in a row").arg(kMaxChain));
    return std::nullopt;
}

RefResolver::Hop RefResolver::hop(const Located &ref)
{
    const QJsonValue raw = ref.value.toObject().value(kRef);
    if (!raw.isString())
        return Hop { {}, JsonShape::expected(QStringLiteral("a string (a URI reference)"), raw) };
    const QString reference = raw.toString();
    const QString cacheKey = ref.document + u'\n' + reference;
    const auto cached = m_hops.constFind(cacheKey);
    if (cached != m_hops.constEnd())
        return *cached;
    Hop result = resolveUncached(ref, reference);
    m_hops.insert(cacheKey, result);
    return result;
}

RefResolver::Hop RefResolver::resolveUncached(const Located &ref, const QString &reference)
{
    const qsizetype hash = reference.indexOf(u'#');
    const QString documentPart = hash < 0 ? reference : reference.left(hash);
    const QString fragment = hash < 0 ? QString() : reference.mid(hash + 1);
    if (!fragment.isEmpty() && !fragment.startsWith(u'/')) {
        return Hop { {},
                     QStringLiteral("cannot resolve '%1': only JSON-pointer fragments "
                                    "('#/...') are supported")
                         .arg(reference) };
    }
    const QString key = documentPart.isEmpty()
        ? ref.document
        : SourceLocation::resolve(ref.document, documentPart);
    QString error;
    const QJsonValue *root = document(key, &error);
    if (!root) {
        return Hop {
            {},
            QStringLiteral("cannot resolve '%1': cannot load '%2': %3").arg(reference, key, error)
        };
    }
    const QString pointer = JsonPointer::fromUriFragment(fragment);
    const std::optional<QJsonValue> target = JsonPointer::resolve(*root, pointer, &error);
    if (!target) {
        return Hop { {}, QStringLiteral("cannot resolve '%1': %2").arg(reference, error) };
    }
    return Hop { Located { *target, key, pointer }, QString() };
}

const QJsonValue *RefResolver::document(const QString &key, QString *error)
{
    const auto it = m_documents.constFind(key);
    if (it != m_documents.constEnd())
        return &it.value();
    const auto failed = m_documentErrors.constFind(key);
    if (failed != m_documentErrors.constEnd()) {
        *error = failed.value();
        return nullptr;
    }
    const FetchResult fetched = m_fetcher->fetch(key);
    if (!fetched.ok()) {
        m_documentErrors.insert(key, fetched.error);
        *error = fetched.error;
        return nullptr;
    }
    const DocumentReader::Result read = m_reader.read(fetched.data);
    if (!read.ok()) {
        m_documentErrors.insert(key, read.error);
        *error = read.error;
        return nullptr;
    }
    return &m_documents.insert(key, read.value).value();
}

} // namespace m1
