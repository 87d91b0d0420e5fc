// ToolEmbedder: duplicate texts embedded once, everything missing sent as one batch, cached
// vectors reused: a warm start asks the provider for nothing and a changed text re-embeds alone.

#include "embedding/toolembedder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

// A remote-like provider that counts what it is asked.
class CountingProvider final : public EmbeddingProvider
{
public:
    QString id() const override { return u"counting"_s; }
    QString model() const override { return u"count-1"_s; }
    int dimension() const override { return 4; }
    bool isLocal() const override { return false; }
    QFuture<EmbeddingBatchResult> embed(const QStringList &texts) override
    {
        return QtFuture::makeReadyFuture(embedSync(texts));
    }
    EmbeddingBatchResult embedSync(const QStringList &texts) override
    {
        ++calls;
        inputs += int(texts.size());
        EmbeddingBatchResult out;
        out.requests = 1;
        if (fail) {
            out.error = u"service down"_s;
            return out;
        }
        for (const QString &t : texts)
            out.vectors.push_back({ float(t.size()), 1, 0, 0 });
        return out;
    }
    int calls = 0;
    int inputs = 0;
    bool fail = false;
};

} // namespace

class TestToolEmbedder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicatesAndBatching();
    void warmStartAndChangedTool();
    void providerErrorIsReported();
};

void TestToolEmbedder::duplicatesAndBatching()
{
    CountingProvider provider;
    const EmbeddedTexts out = ToolEmbedder(provider, nullptr).embed({ u"a"_s, u"bb"_s, u"a"_s });
    QVERIFY(out.ok());
    QCOMPARE(provider.calls, 1);
    QCOMPARE(provider.inputs, 2);
    QCOMPARE(out.stats.unique, 2);
    QCOMPARE(out.dimension, 4);
    QCOMPARE(out.row(0)[0], 1.0f);
    QCOMPARE(out.row(1)[0], 2.0f);
    QCOMPARE(out.row(2)[0], 1.0f);
}

void TestToolEmbedder::warmStartAndChangedTool()
{
    QTemporaryDir dir;
    const QStringList tools { u"list vehicles"_s, u"book a pool car"_s, u"report damage"_s };
    {
        CountingProvider provider;
        EmbeddingCache cache(dir.path());
        cache.load();
        const EmbeddedTexts cold = ToolEmbedder(provider, &cache).embed(tools);
        QVERIFY(cold.ok());
        QCOMPARE(provider.inputs, 3);
        QCOMPARE(cold.stats.cacheHits, 0);
    }
    {
        CountingProvider provider;
        EmbeddingCache cache(dir.path());
        QCOMPARE(cache.load(), 3);
        const EmbeddedTexts warm = ToolEmbedder(provider, &cache).embed(tools);
        QVERIFY(warm.ok());
        QCOMPARE(provider.calls, 0);
        QCOMPARE(warm.stats.cacheHits, 3);
        QCOMPARE(warm.stats.requests, 0);
    }
    {
        CountingProvider provider;
        EmbeddingCache cache(dir.path());
        cache.load();
        QStringList changed = tools;
        changed[1] = u"book a pool car (edited)"_s;
        const EmbeddedTexts out = ToolEmbedder(provider, &cache).embed(changed);
        QVERIFY(out.ok());
        QCOMPARE(provider.calls, 1);
        QCOMPARE(provider.inputs, 1);
        QCOMPARE(out.row(1)[0], float(changed[1].size()));
    }
}

void TestToolEmbedder::providerErrorIsReported()
{
    CountingProvider provider;
    provider.fail = true;
    const EmbeddedTexts out = ToolEmbedder(provider, nullptr).embed({ u"x"_s });
    QVERIFY(!out.ok());
    QCOMPARE(out.error, u"service down"_s);
}

QTEST_GUILESS_MAIN(TestToolEmbedder)
#include "tst_toolembedder.moc"
