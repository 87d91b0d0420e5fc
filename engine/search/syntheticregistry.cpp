#include "search/syntheticregistry.h"

#include "search/searchengine.h"

#include <QRandomGenerator>

#include <cmath>

namespace m1 {

namespace {

const char16_t *const kSyllables[]
    = { u"ka",  u"ro", u"mi", u"ve", u"lo", u"tra", u"sen", u"du", u"pol", u"an",
        u"ter", u"gi", u"bo", u"nu", u"fe", u"zar", u"ki",  u"me", u"sto", u"li" };
const char16_t *const kMethods[]
    = { u"GET", u"GET", u"GET", u"GET", u"POST", u"POST", u"PUT", u"PATCH", u"DELETE" };
const char16_t *const kVerbs[]
    = { u"show", u"show", u"show", u"show", u"create", u"create", u"update", u"change", u"cancel" };

QString word(QRandomGenerator &random)
{
    QString out;
    const int parts = 2 + int(random.bounded(2));
    for (int i = 0; i < parts; ++i)
        out += QString::fromUtf16(kSyllables[random.bounded(int(std::size(kSyllables)))]);
    return out;
}

void gaussianUnit(QRandomGenerator &random, float *out, int dim)
{
    double norm = 0;
    for (int d = 0; d < dim; ++d) {
        // Box-Muller; the quality of the normal does not matter here, only determinism.
        const double u1 = std::max(1e-12, random.generateDouble());
        const double u2 = random.generateDouble();
        out[d] = float(std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2));
        norm += double(out[d]) * out[d];
    }
    const float inv = float(1.0 / std::sqrt(std::max(norm, 1e-30)));
    for (int d = 0; d < dim; ++d)
        out[d] *= inv;
}

void mix(const float *base, const float *noise, float noiseWeight, float *out, int dim)
{
    double norm = 0;
    for (int d = 0; d < dim; ++d) {
        out[d] = base[d] + noiseWeight * noise[d];
        norm += double(out[d]) * out[d];
    }
    const float inv = float(1.0 / std::sqrt(std::max(norm, 1e-30)));
    for (int d = 0; d < dim; ++d)
        out[d] *= inv;
}

} // namespace

SyntheticRegistry SyntheticRegistry::generate(int toolCount, int dimension, int queryCount,
                                              quint64 seed)
{
    QRandomGenerator random(quint32(seed ^ (seed >> 32)));
    SyntheticRegistry r;
    r.dimension = dimension;
    r.userPhone = QStringLiteral("+385910000000");
    const int clusters = std::max(1, toolCount / 50);
    const size_t dim = size_t(dimension);
    std::vector<float> centres(size_t(clusters) * dim);
    std::vector<QStringList> clusterWords(static_cast<size_t>(clusters));
    for (int c = 0; c < clusters; ++c) {
        gaussianUnit(random, centres.data() + size_t(c) * dim, dimension);
        for (int w = 0; w < 12; ++w)
            clusterWords[size_t(c)].append(word(random));
    }
    QStringList common;
    for (int w = 0; w < 200; ++w)
        common.append(word(random));

    std::vector<float> noise(dim);
    r.vectors.resize(size_t(toolCount) * dim);
    r.tools.reserve(toolCount);
    for (int i = 0; i < toolCount; ++i) {
        const int c = int(random.bounded(clusters));
        const int m = int(random.bounded(int(std::size(kMethods))));
        ToolDefinition tool;
        tool.id = QStringLiteral("tool%1").arg(i);
        tool.operationId = tool.id;
        tool.method = QString::fromUtf16(kMethods[m]);
        tool.category = QStringLiteral("area%1").arg(c);
        tool.tags = { tool.category };
        tool.path = QStringLiteral("/%1/%2").arg(tool.category, tool.id);
        QStringList words;
        words.append(QString::fromUtf16(kVerbs[m]));
        for (int w = 0; w < 4; ++w)
            words.append(clusterWords[size_t(c)][random.bounded(12)]);
        for (int w = 0; w < 4; ++w)
            words.append(word(random)); // this tool's own words
        for (int w = 0; w < 6; ++w)
            words.append(common[random.bounded(200)]);
        tool.summary = words.mid(0, 6).join(u' ');
        tool.description = words.join(u' ');
        tool.embeddingText = tool.summary + QStringLiteral(". ") + tool.description;
        // People write examples for the tools they care about, not for 20,000: the first
        // kDocumentedTools tools have documentation, like a real hand-written file.
        if (i < kDocumentedTools)
            r.docs.insert(tool.id,
                          ToolDocs { { words.mid(0, 3).join(u' '), words.mid(5, 3).join(u' ') },
                                     { words[5] } });
        gaussianUnit(random, noise.data(), dimension);
        mix(centres.data() + size_t(c) * dim, noise.data(), 0.7f,
            r.vectors.data() + size_t(i) * dim, dimension);
        r.tools.append(tool);
    }

    std::vector<int> owners;
    SearchEngine::documentationTexts(r.tools, r.docs, &owners);
    r.docsVectors.resize(owners.size() * dim);
    for (size_t e = 0; e < owners.size(); ++e) {
        gaussianUnit(random, noise.data(), dimension);
        mix(r.vectors.data() + size_t(owners[e]) * dim, noise.data(), 0.8f,
            r.docsVectors.data() + e * dim, dimension);
    }

    r.queryVectors.resize(size_t(queryCount) * dim);
    for (int q = 0; q < queryCount && toolCount > 0; ++q) {
        const int target = int(random.bounded(toolCount));
        r.queryTargets.push_back(target);
        const QStringList words = r.tools[target].description.split(u' ');
        QStringList query { words.first() };
        for (int w = 0; w < 3; ++w)
            query.append(words[1 + random.bounded(int(words.size()) - 1)]);
        r.queryTexts.append(query.join(u' '));
        gaussianUnit(random, noise.data(), dimension);
        mix(r.vectors.data() + size_t(target) * dim, noise.data(), 0.9f,
            r.queryVectors.data() + size_t(q) * dim, dimension);
    }
    return r;
}

void SyntheticRegistry::fillUsage(UsageStats &stats, quint64 seed) const
{
    QRandomGenerator random(static_cast<quint32>(seed));
    if (tools.isEmpty())
        return;
    for (int i = 0; i < 20; ++i)
        stats.recordOutcome(userPhone, tools[random.bounded(int(tools.size()))].id, true);
    for (int i = 0; i < tools.size() / 10; ++i) {
        const QString &id = tools[random.bounded(int(tools.size()))].id;
        for (int k = 0; k < 6; ++k)
            stats.recordOutcome(QString(), id, random.bounded(4) != 0);
    }
}

} // namespace m1
