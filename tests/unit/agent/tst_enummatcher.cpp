// EnumMatcher: enum values from English and Croatian words, typos and stems; ties give nothing.

#include "agent/enummatcher.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestEnumMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        const QStringList fuel = {u"petrol"_s, u"diesel"_s, u"hybrid"_s, u"plug_in_hybrid"_s, u"electric"_s, u"lpg"_s};
        const QStringList damage = {u"scratch"_s, u"dent"_s, u"glass"_s, u"tyre_rim"_s, u"collision"_s,
                                    u"parking_damage"_s, u"vandalism"_s, u"theft"_s, u"hail"_s, u"animal"_s};
        const QStringList problems = {u"wont_start"_s, u"flat_tyre"_s, u"accident"_s, u"battery"_s,
                                      u"out_of_fuel"_s, u"other"_s};
        const QStringList seasons = {u"summer"_s, u"winter"_s, u"all_season"_s};
        QTest::newRow("dizel") << fuel << u"auto na dizel"_s << u"diesel"_s;
        QTest::newRow("benzin") << fuel << u"benzinac"_s << u"petrol"_s;
        QTest::newRow("struju (one letter off)") << fuel << u"na struju"_s << u"electric"_s;
        QTest::newRow("ELECTRIC upper") << fuel << u"ELECTRIC car"_s << u"electric"_s;
        QTest::newRow("plug-in hybrid phrase") << fuel << u"a plug in hybrid"_s << u"plug_in_hybrid"_s;
        QTest::newRow("ogrebotina") << damage << u"ogrebotina na vratima"_s << u"scratch"_s;
        QTest::newRow("tuča") << damage << u"oštećenje od tuče"_s << u"hail"_s;
        QTest::newRow("felga") << damage << u"oštećena felga"_s << u"tyre_rim"_s;
        QTest::newRow("parking phrase") << damage << u"parking damage"_s << u"parking_damage"_s;
        QTest::newRow("typo") << damage << u"vandalsim"_s << u"vandalism"_s;
        QTest::newRow("ne pali") << problems << u"auto ne pali"_s << u"wont_start"_s;
        QTest::newRow("probušena guma") << problems << u"probušena guma"_s << u"flat_tyre"_s;
        QTest::newRow("akumulator") << problems << u"prazan akumulator"_s << u"battery"_s;
        QTest::newRow("zimske") << seasons << u"zamjena na zimske"_s << u"winter"_s;
        QTest::newRow("all season") << seasons << u"cjelogodišnje gume"_s << u"all_season"_s;
    }

    void matches()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, message);
        QFETCH(QString, expected);
        EnumMatcher matcher;
        const auto m = matcher.match(values, message);
        QVERIFY2(m.has_value(), qPrintable(message));
        QCOMPARE(m->value, expected);
    }

    void noMatch()
    {
        EnumMatcher matcher;
        const QStringList fuel = {u"petrol"_s, u"diesel"_s};
        QVERIFY(!matcher.match(fuel, u"koliko km imam"_s));
        QVERIFY(!matcher.match({u"oil_change"_s, u"tire_change"_s}, u"change"_s)); // tie
        QVERIFY(!matcher.match({u"a"_s, u"b"_s}, u"a car"_s));                      // stop words never match
        QVERIFY(!matcher.match({u"yes"_s, u"no"_s}, u"dan"_s));                     // short words only exactly
    }

    void spanPointsAtTheWords()
    {
        EnumMatcher matcher;
        const QString message = u"treba mi promjena ulja"_s;
        const auto m = matcher.match({u"oil_change"_s, u"tire_change"_s}, message);
        QVERIFY(m);
        QCOMPARE(m->span.of(message), u"promjena ulja"_s);
        QCOMPARE(m->score, 3);
        QVERIFY(matcher.variants(u"oil_change"_s).contains(u"promjena ulja"_s));
    }
};

QTEST_GUILESS_MAIN(TestEnumMatcher)
#include "tst_enummatcher.moc"
