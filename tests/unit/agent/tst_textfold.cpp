// TextFold: folding keeps offsets, identifier splitting, edit distance.

#include "agent/textfold.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestTextFold : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold()
    {
        QCOMPARE(TextFold::fold(u"Šteta na ČETVRTAK, Đuro žuri – ćao"_s), u"steta na cetvrtak, duro zuri - cao"_s);
        const QString in = u"Ožujak 2026 €"_s;
        QCOMPARE(TextFold::fold(in).size(), in.size()); // offsets stay valid
        QCOMPARE(TextFold::fold(u"45\u00a0000"_s), u"45 000"_s);
        QCOMPARE(TextFold::fold(u"🚗 OK"_s), u"🚗 ok"_s);
    }

    void words()
    {
        const auto w = TextFold::words(u"sutra, u 8h!"_s);
        QCOMPARE(w.size(), 3);
        QCOMPARE(w.at(0).text, u"sutra"_s);
        QCOMPARE(w.at(2).text, u"8h"_s);
        QCOMPARE(w.at(2).start, 9);
    }

    void identifierWords_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("camel") << u"licencePlate"_s << QStringList{u"licence"_s, u"plate"_s};
        QTest::newRow("snake") << u"fuel_type"_s << QStringList{u"fuel"_s, u"type"_s};
        QTest::newRow("kebab") << u"Idempotency-Key"_s << QStringList{u"idempotency"_s, u"key"_s};
        QTest::newRow("trailing acronym") << u"vehicleID"_s << QStringList{u"vehicle"_s, u"id"_s};
        QTest::newRow("leading acronym") << u"HTTPStatus"_s << QStringList{u"http"_s, u"status"_s};
        QTest::newRow("single letter") << u"co2EmissionsGPerKm"_s
                                       << QStringList{u"co2"_s, u"emissions"_s, u"g"_s, u"per"_s, u"km"_s};
        QTest::newRow("dotted") << u"driver.id"_s << QStringList{u"driver"_s, u"id"_s};
        QTest::newRow("enum") << u"PARKING_DAMAGE"_s << QStringList{u"parking"_s, u"damage"_s};
        QTest::newRow("croatian") << u"datumOčitanja"_s << QStringList{u"datum"_s, u"ocitanja"_s};
    }

    void identifierWords()
    {
        QFETCH(QString, identifier);
        QFETCH(QStringList, words);
        QCOMPARE(TextFold::identifierWords(identifier), words);
    }

    void editDistance()
    {
        QCOMPARE(TextFold::editDistance(u"tomorrow"_s, u"tomorrow"_s, 2), 0);
        QCOMPARE(TextFold::editDistance(u"tomorow"_s, u"tomorrow"_s, 2), 1);
        QCOMPARE(TextFold::editDistance(u"wendesday"_s, u"wednesday"_s, 2), 1); // transposition
        QCOMPARE(TextFold::editDistance(u"abc"_s, u"xyz"_s, 1), 2);             // stops past the limit
        QCOMPARE(TextFold::editDistance(u"a"_s, u"abcdef"_s, 2), 3);
    }
};

QTEST_GUILESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
