#include "search/scoringconfig.h"

#include <QFile>
#include <QJsonDocument>

#include <variant>
#include <vector>

namespace m1 {

namespace {

struct Field
{
    const char16_t *section;
    const char16_t *key;
    std::variant<float *, int *, qint64 *, QString *, quint64 *> target;
    double min;
    double max;
};

std::vector<Field> fieldsOf(ScoringConfig &c)
{
    constexpr double big = 1e12;
    return {
        { u"fusion", u"method", &c.fusion, 0, 0 },
        { u"fusion", u"dense", &c.denseWeight, 0, 10 },
        { u"fusion", u"lexical", &c.lexicalWeight, 0, 10 },
        { u"fusion", u"rrf_k", &c.rrfK, 1, 10000 },
        { u"fusion", u"candidates", &c.candidates, 1, 10000 },
        { u"method", u"match", &c.methodMatch, -10, 10 },
        { u"method", u"write_family", &c.methodWriteFamily, -10, 10 },
        { u"method", u"mismatch", &c.methodMismatch, -10, 10 },
        { u"user", u"weight", &c.userWeight, -10, 10 },
        { u"user", u"saturation", &c.userSaturation, 1, 1e6 },
        { u"category", u"share_weight", &c.categoryShareWeight, -10, 10 },
        { u"category", u"top", &c.categoryTop, 1, 1000 },
        { u"category", u"min_share", &c.categoryMinShare, 0, 1 },
        { u"category", u"name_match", &c.categoryNameMatch, -10, 10 },
        { u"docs", u"weight", &c.docsWeight, -10, 10 },
        { u"docs", u"dense_weight", &c.docsDenseWeight, -10, 10 },
        { u"docs", u"dense_hits", &c.docsDenseHits, 0, 100000 },
        { u"docs", u"dense_ann_min", &c.docsDenseAnnMin, 0, 1e9 },
        { u"docs", u"classifier_weight", &c.docsClassifierWeight, -10, 10 },
        { u"docs", u"classifier_top", &c.docsClassifierTop, 0, 1000 },
        { u"eval", u"weight", &c.evalWeight, -10, 10 },
        { u"eval", u"min_observations", &c.evalMinObservations, 1, 1e9 },
        { u"thresholds", u"candidate", &c.candidateThreshold, -10, 10 },
        { u"thresholds", u"act", &c.actThreshold, -10, 10 },
        { u"thresholds", u"abstain", &c.abstainThreshold, -10, 10 },
        { u"thresholds", u"margin", &c.actMargin, 0, 10 },
        { u"thresholds", u"max_candidates", &c.maxCandidates, 0, 1000 },
        { u"local", u"idf", &c.localIdf, 0, 1 },
        { u"ann", u"min_tools", &c.annMinTools, 0, 1e9 },
        { u"ann", u"m", &c.hnsw.m, 2, 256 },
        { u"ann", u"ef_construction", &c.hnsw.efConstruction, 1, 100000 },
        { u"ann", u"ef_search", &c.hnsw.efSearch, 1, 100000 },
        { u"ann", u"seed", &c.hnsw.seed, 0, big },
        { u"lexical", u"k1", &c.bm25.k1, 0, 100 },
        { u"lexical", u"b", &c.bm25.b, 0, 1 },
        { u"query_cache", u"capacity", &c.queryCacheCapacity, 0, 1e9 },
        { u"query_cache", u"ttl_ms", &c.queryCacheTtlMs, 0, big },
    };
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace

bool ScoringConfig::apply(const QJsonObject &json, const QString &sourceName, QString *error,
                          const QString &pointerPrefix)
{
    ScoringConfig next = *this;
    const std::vector<Field> fields = fieldsOf(next);
    auto fail = [&](const QString &pointer, const QString &message) {
        if (error)
            *error = sourceName + QStringLiteral(": ") + pointerPrefix + pointer + u' ' + message;
        return false;
    };
    for (auto section = json.constBegin(); section != json.constEnd(); ++section) {
        if (section.key() == u"version" || section.key() == u"$comment")
            continue;
        const QString sectionPointer = u'/' + section.key();
        bool knownSection = false;
        for (const Field &f : fields)
            knownSection = knownSection || section.key() == QStringView(f.section);
        if (!knownSection)
            return fail(
                sectionPointer,
                QStringLiteral("is not a scoring setting (known: fusion, method, user, category, "
                               "docs, eval, thresholds, local, ann, lexical, query_cache)"));
        if (!section.value().isObject())
            return fail(sectionPointer,
                        QStringLiteral("must be an object, not ") + typeName(section.value()));
        const QJsonObject values = section.value().toObject();
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            const QString pointer = sectionPointer + u'/' + it.key();
            const Field *field = nullptr;
            for (const Field &f : fields) {
                if (section.key() == QStringView(f.section) && it.key() == QStringView(f.key))
                    field = &f;
            }
            if (!field)
                return fail(pointer, QStringLiteral("is not a known setting"));
            if (auto *text = std::get_if<QString *>(&field->target)) {
                if (!it.value().isString())
                    return fail(pointer,
                                QStringLiteral("must be a string, not ") + typeName(it.value()));
                **text = it.value().toString();
                continue;
            }
            if (!it.value().isDouble())
                return fail(pointer,
                            QStringLiteral("must be a number, not ") + typeName(it.value()));
            const double v = it.value().toDouble();
            if (v < field->min || v > field->max)
                return fail(pointer,
                            QStringLiteral("is %1; expected a value from %2 to %3")
                                .arg(v)
                                .arg(field->min)
                                .arg(field->max));
            const bool integral = !std::holds_alternative<float *>(field->target);
            if (integral && v != double(qint64(v)))
                return fail(pointer, QStringLiteral("is %1; expected a whole number").arg(v));
            std::visit(
                [v](auto *target) {
                    using T = std::remove_pointer_t<decltype(target)>;
                    if constexpr (!std::is_same_v<T, QString>)
                        *target = T(v);
                },
                field->target);
        }
    }
    if (next.fusion != u"linear" && next.fusion != u"rrf")
        return fail(QStringLiteral("/fusion/method"),
                    QStringLiteral("is \"%1\"; expected \"linear\" or \"rrf\"").arg(next.fusion));
    if (next.abstainThreshold > next.actThreshold)
        return fail(QStringLiteral("/thresholds/abstain"),
                    QStringLiteral("(%1) must not be above /thresholds/act (%2)")
                        .arg(next.abstainThreshold)
                        .arg(next.actThreshold));
    *this = next;
    if (error)
        error->clear();
    return true;
}

bool ScoringConfig::load(const QString &path, ScoringConfig *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": cannot be read (") + file.errorString() + u')';
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = path
                + QStringLiteral(": not a JSON object (%1 at byte %2)")
                      .arg(parseError.errorString())
                      .arg(parseError.offset);
        return false;
    }
    return out->apply(doc.object(), path, error);
}

QJsonObject ScoringConfig::toJson() const
{
    ScoringConfig copy = *this;
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    for (const Field &f : fieldsOf(copy)) {
        const QString section = QString::fromUtf16(f.section);
        QJsonObject object = root.value(section).toObject();
        std::visit(
            [&](auto *target) {
                using T = std::remove_pointer_t<decltype(target)>;
                if constexpr (std::is_same_v<T, QString>)
                    object.insert(QString::fromUtf16(f.key), *target);
                else
                    object.insert(QString::fromUtf16(f.key), double(*target));
            },
            f.target);
        root.insert(section, object);
    }
    return root;
}

} // namespace m1
