// TextLimits: ellipsising titles and splitting long texts for WhatsApp.

#include "agent/textlimits.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestTextLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ellipsize()
    {
        QCOMPARE(TextLimits::ellipsize(u"Potvrdi"_s, 20), u"Potvrdi"_s);
        QCOMPARE(TextLimits::ellipsize(u"  two   spaces  "_s, 20), u"two spaces"_s);
        const QString cut = TextLimits::ellipsize(u"Technical inspection appointment"_s, 20);
        QVERIFY(cut.size() <= 20);
        QCOMPARE(cut, u"Technical inspectio…"_s); // the only word break is too early to use
        const QString wordCut = TextLimits::ellipsize(u"Promjena ulja i filtera zraka"_s, 20);
        QCOMPARE(wordCut, u"Promjena ulja i…"_s);
        QVERIFY(wordCut.size() <= 20);
        const QString hard = TextLimits::ellipsize(u"Supercalifragilisticexpialidocious"_s, 10);
        QCOMPARE(hard, u"Supercali…"_s);
        QCOMPARE(TextLimits::ellipsize(u"abc"_s, 1), u"…"_s);
        QCOMPARE(TextLimits::ellipsize(u"abc"_s, 0), QString());
        // An emoji (surrogate pair) is never cut in half.
        const QString emoji = u"aaaaaaaa🚗🚗🚗"_s; // 8 + 3×2 code units
        const QString e = TextLimits::ellipsize(emoji, 10);
        QVERIFY(e.size() <= 10);
        QVERIFY(!e.at(e.size() - 2).isHighSurrogate());
    }

    void shortTextIsOneChunk()
    {
        QCOMPARE(TextLimits::split(u"  hello  "_s), QStringList{u"hello"_s});
        QVERIFY(TextLimits::split(QString()).isEmpty());
    }

    void splitsAtParagraphs()
    {
        const QString para(3000, u'a');
        const QString text = para + u"\n\n"_s + para + u"\n\n"_s + para;
        const QStringList chunks = TextLimits::split(text);
        QCOMPARE(chunks.size(), 3);
        for (const QString &c : chunks)
            QCOMPARE(c, para);
    }

    void splitsAtSentences()
    {
        QString text;
        while (text.size() < 9000)
            text += u"This sentence has exactly some words in it. "_s;
        const QStringList chunks = TextLimits::split(text);
        QVERIFY(chunks.size() >= 3);
        for (const QString &c : chunks) {
            QVERIFY(c.size() <= TextLimits::kTextMessage);
            QVERIFY2(c.endsWith(u'.'), qPrintable(c.right(20)));
        }
        QCOMPARE(chunks.join(u' ').simplified(), text.simplified());
    }

    void splitsAtWordsThenAnywhere()
    {
        QString words;
        while (words.size() < 5000)
            words += u"riječ "_s;
        const QStringList a = TextLimits::split(words);
        QCOMPARE(a.size(), 2);
        QVERIFY(a.first().endsWith(u"riječ"_s));
        QCOMPARE(a.join(u' ').simplified(), words.simplified());

        const QString blob(10000, u'x');
        const QStringList b = TextLimits::split(blob);
        QCOMPARE(b.size(), 3);
        QCOMPARE(b.at(0).size(), 4096);
        QCOMPARE(b.join(QString()), blob);

        QString emojis;
        for (int i = 0; i < 3000; ++i)
            emojis += u"🚗"_s;
        const QStringList c = TextLimits::split(emojis, 4095);
        for (const QString &chunk : c) {
            QVERIFY(chunk.size() <= 4095);
            QVERIFY(!chunk.back().isHighSurrogate());
        }
        QCOMPARE(c.join(QString()), emojis);
    }

    void customLimit()
    {
        const QStringList chunks = TextLimits::split(u"Prva rečenica. Druga rečenica. Treća."_s, 20);
        QCOMPARE(chunks, (QStringList{u"Prva rečenica."_s, u"Druga rečenica."_s, u"Treća."_s}));
    }
};

QTEST_GUILESS_MAIN(TestTextLimits)
#include "tst_textlimits.moc"
