// Tokenizer: diacritic folding, case, separators, camelCase and letter/digit splits, stop words,
// and the light English/Croatian suffix stripping that makes inflected forms meet.

#include "embedding/tokenizer.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folding();
    void splitting();
    void stopWords();
    void markedPassDeliversStopWordsMarked();
    void inflectedFormsMeet_data();
    void inflectedFormsMeet();
    void unrelatedWordsStayApart();
    void foldForPatterns();
};

void TestTokenizer::folding()
{
    QCOMPARE(Tokenizer::foldChar(u'Č'), u'c');
    QCOMPARE(Tokenizer::foldChar(u'ć'), u'c');
    QCOMPARE(Tokenizer::foldChar(u'Đ'), u'd');
    QCOMPARE(Tokenizer::foldChar(u'š'), u's');
    QCOMPARE(Tokenizer::foldChar(u'Ž'), u'z');
    QCOMPARE(Tokenizer::foldChar(u'é'), u'e');
    QCOMPARE(Tokenizer::foldChar(u'-'), char16_t(0));
    Tokenizer::Options raw;
    raw.stem = false;
    raw.dropStopWords = false;
    QCOMPARE(Tokenizer(raw).tokens(u"Šteta ĐAKOVO čćžšđ"),
             QStringList({ u"steta"_s, u"dakovo"_s, u"cczsd"_s }));
}

void TestTokenizer::splitting()
{
    Tokenizer::Options raw;
    raw.stem = false;
    raw.dropStopWords = false;
    const Tokenizer t(raw);
    QCOMPARE(t.tokens(u"getVehicleMileage"), QStringList({ u"get"_s, u"vehicle"_s, u"mileage"_s }));
    QCOMPARE(t.tokens(u"ZG-1234-AB"), QStringList({ u"zg"_s, u"1234"_s, u"ab"_s }));
    QCOMPARE(t.tokens(u"pool_booking/{id}"), QStringList({ u"pool"_s, u"booking"_s, u"id"_s }));
    QCOMPARE(t.tokens(u"ZG1234"), QStringList({ u"zg"_s, u"1234"_s }));
    QVERIFY(t.tokens(u"  ,;  ").isEmpty());
}

void TestTokenizer::stopWords()
{
    const Tokenizer t;
    QCOMPARE(t.tokens(u"show me the km of my car"), QStringList({ u"show"_s, u"km"_s, u"car"_s }));
    QCOMPARE(t.tokens(u"koliko je to za moj auto"), QStringList({ u"kolik"_s, u"aut"_s }));
}

void TestTokenizer::markedPassDeliversStopWordsMarked()
{
    // One marked pass gives what a stop-word-keeping tokenizer gives, and the unmarked tokens
    // are exactly what the dropping tokenizer gives.
    const Tokenizer dropping;
    const Tokenizer keeping(Tokenizer::Options { true, false, true });
    for (const QString &text : { u"show me the km of my car"_s, u"koliko je to za moj auto"_s,
                                 u"Otkaži mi rezervaciju za sutra, molim"_s, QString() }) {
        QStringList all, kept;
        QList<bool> marks;
        dropping.forEachTokenMarked(text, [&](std::u16string_view token, bool stopWord) {
            const QString word(reinterpret_cast<const QChar *>(token.data()),
                               qsizetype(token.size()));
            all.append(word);
            marks.append(stopWord);
            if (!stopWord)
                kept.append(word);
        });
        QCOMPARE(all, keeping.tokens(text));
        QCOMPARE(kept, dropping.tokens(text));
    }
    QList<bool> marks;
    dropping.forEachTokenMarked(u"show me the car", [&](std::u16string_view, bool stopWord) {
        marks.append(stopWord);
    });
    QCOMPARE(marks, QList<bool>({ false, true, true, false }));
}

void TestTokenizer::inflectedFormsMeet_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("hr noun cases") << u"vozilo"_s << u"vozilima"_s;
    QTest::newRow("hr -ija") << u"rezervacija"_s << u"rezervacijom"_s;
    QTest::newRow("hr plural -ije") << u"rezervacije"_s << u"rezervaciju"_s;
    QTest::newRow("hr verb") << u"prijavi"_s << u"prijaviti"_s;
    QTest::newRow("hr ije/je") << u"promijeni"_s << u"promjeni"_s;
    QTest::newRow("hr past participle") << u"promijenilo"_s << u"promijeniti"_s;
    QTest::newRow("hr past participle m") << u"potvrdio"_s << u"potvrditi"_s;
    QTest::newRow("hr past participle f") << u"rezervirala"_s << u"rezervirati"_s;
    QTest::newRow("hr first person plural") << u"platimo"_s << u"platiti"_s;
    QTest::newRow("hr diacritics") << u"otkaži"_s << u"otkazi"_s;
    QTest::newRow("en plural") << u"bookings"_s << u"booking"_s;
    QTest::newRow("en -ing") << u"booking"_s << u"book"_s;
    QTest::newRow("en -ed doubled") << u"cancelled"_s << u"cancel"_s;
    QTest::newRow("en -ies") << u"companies"_s << u"company"_s;
    QTest::newRow("en -es/-e") << u"vehicles"_s << u"vehicle"_s;
}

void TestTokenizer::inflectedFormsMeet()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    const Tokenizer t;
    QCOMPARE(t.tokens(a), t.tokens(b));
    QCOMPARE(t.tokens(a).size(), 1);
}

void TestTokenizer::unrelatedWordsStayApart()
{
    const Tokenizer t;
    QVERIFY(t.tokens(u"status") != t.tokens(u"stat")); // no plural s after u
    QVERIFY(t.tokens(u"vozilo") != t.tokens(u"gorivo"));
    QVERIFY(t.tokens(u"card") != t.tokens(u"car"));
}

void TestTokenizer::foldForPatterns()
{
    const Tokenizer t;
    QCOMPARE(t.fold(u"Otkaži  rezervaciju, MOLIM!"), u" otkazi rezervaciju molim "_s);
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
