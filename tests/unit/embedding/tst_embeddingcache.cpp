// EmbeddingCache: keys depend on provider, model, dimension and text; vectors survive a restart;
// appends add only new vectors; a torn or foreign file is reported and rebuilt, never fatal.

#include "embedding/embeddingcache.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestEmbeddingCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys();
    void persistsAcrossRestarts();
    void appendsOnlyNewVectors();
    void tornTailKeepsGoodRecords();
    void foreignFileIsRebuilt();
    void compactDropsStaleVectors();
};

void TestEmbeddingCache::keys()
{
    const QByteArray k = EmbeddingCache::makeKey(u"openai"_s, u"m"_s, 8, u"text"_s);
    QCOMPARE(k.size(), 32);
    QCOMPARE(EmbeddingCache::makeKey(u"openai"_s, u"m"_s, 8, u"text"_s), k);
    QVERIFY(EmbeddingCache::makeKey(u"azure"_s, u"m"_s, 8, u"text"_s) != k);
    QVERIFY(EmbeddingCache::makeKey(u"openai"_s, u"m2"_s, 8, u"text"_s) != k);
    QVERIFY(EmbeddingCache::makeKey(u"openai"_s, u"m"_s, 16, u"text"_s) != k);
    QVERIFY(EmbeddingCache::makeKey(u"openai"_s, u"m"_s, 8, u"text!"_s) != k);
}

void TestEmbeddingCache::persistsAcrossRestarts()
{
    QTemporaryDir dir;
    const QByteArray a = EmbeddingCache::makeKey(u"p"_s, u"m"_s, 3, u"a"_s);
    const QByteArray b = EmbeddingCache::makeKey(u"p"_s, u"m"_s, 3, u"b"_s);
    {
        EmbeddingCache cache(dir.path());
        QCOMPARE(cache.load(), 0);
        cache.insert(a, { 1.0f, 2.0f, 3.0f });
        cache.insert(b, { -1.0f, 0.5f, 0.25f });
        QVERIFY(cache.flush());
    }
    EmbeddingCache again(dir.path());
    QCOMPARE(again.load(), 2);
    QCOMPARE(again.find(a).value(), (std::vector<float> { 1.0f, 2.0f, 3.0f }));
    QCOMPARE(again.find(b).value(), (std::vector<float> { -1.0f, 0.5f, 0.25f }));
    QVERIFY(again.warnings().isEmpty());
}

void TestEmbeddingCache::appendsOnlyNewVectors()
{
    QTemporaryDir dir;
    EmbeddingCache cache(dir.path());
    cache.insert(EmbeddingCache::makeKey(u"p"_s, u"m"_s, 2, u"a"_s), { 1, 2 });
    QVERIFY(cache.flush());
    const qint64 first = QFileInfo(cache.filePath()).size();
    QVERIFY(cache.flush()); // nothing new: nothing written
    QCOMPARE(QFileInfo(cache.filePath()).size(), first);
    cache.insert(EmbeddingCache::makeKey(u"p"_s, u"m"_s, 2, u"b"_s), { 3, 4 });
    QVERIFY(cache.flush());
    const qint64 record = 32 + 4 + 2 * 4 + 8;
    QCOMPARE(QFileInfo(cache.filePath()).size(), first + record);
}

void TestEmbeddingCache::tornTailKeepsGoodRecords()
{
    QTemporaryDir dir;
    QString path;
    {
        EmbeddingCache cache(dir.path());
        for (int i = 0; i < 3; ++i)
            cache.insert(EmbeddingCache::makeKey(u"p"_s, u"m"_s, 4, QString::number(i)),
                         { float(i), 1, 2, 3 });
        QVERIFY(cache.flush());
        path = cache.filePath();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() - 5)); // a crash in the middle of the last append
    file.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged at byte"_s));
    EmbeddingCache cache(dir.path());
    QCOMPARE(cache.load(), 2);
    QCOMPARE(cache.warnings().size(), 1);
    QVERIFY(cache.warnings().first().contains(u"kept 2 vectors"_s));
    // The file was rewritten: a second load is clean.
    EmbeddingCache again(dir.path());
    QCOMPARE(again.load(), 2);
    QVERIFY(again.warnings().isEmpty());

    // A flipped byte inside a record is caught by its checksum.
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(16 + 40);
    file.write("\xff\xff", 2);
    file.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged at byte 16;"_s));
    EmbeddingCache flipped(dir.path());
    QCOMPARE(flipped.load(), 0);
}

void TestEmbeddingCache::foreignFileIsRebuilt()
{
    QTemporaryDir dir;
    EmbeddingCache probe(dir.path());
    QFile file(probe.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a cache file at all");
    file.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not a version-1 cache file"_s));
    EmbeddingCache cache(dir.path());
    QCOMPARE(cache.load(), 0);
    cache.insert(EmbeddingCache::makeKey(u"p"_s, u"m"_s, 1, u"a"_s), { 1 });
    QVERIFY(cache.flush());
    EmbeddingCache again(dir.path());
    QCOMPARE(again.load(), 1);
}

void TestEmbeddingCache::compactDropsStaleVectors()
{
    QTemporaryDir dir;
    const QByteArray keep = EmbeddingCache::makeKey(u"p"_s, u"m"_s, 1, u"keep"_s);
    EmbeddingCache cache(dir.path());
    cache.insert(keep, { 1 });
    cache.insert(EmbeddingCache::makeKey(u"p"_s, u"m"_s, 1, u"old"_s), { 2 });
    QVERIFY(cache.flush());
    QVERIFY(cache.compact({ keep }));
    QCOMPARE(cache.size(), 1);
    EmbeddingCache again(dir.path());
    QCOMPARE(again.load(), 1);
    QVERIFY(again.contains(keep));
}

QTEST_GUILESS_MAIN(TestEmbeddingCache)
#include "tst_embeddingcache.moc"
