// NumberExtractor: numbers with units, Croatian and English separators.

#include "agent/numberextractor.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestNumberExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void single_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("spanText");
        const auto row = [](const char *name, const QString &m, double v, const QString &u, const QString &s) {
            QTest::newRow(name) << m << v << u << s;
        };
        row("hr thousands", u"stanje 45.000 km"_s, 45000, u"km"_s, u"45.000 km"_s);
        row("en thousands", u"odometer 45,000 km"_s, 45000, u"km"_s, u"45,000 km"_s);
        row("space thousands", u"45 000 km"_s, 45000, u"km"_s, u"45 000 km"_s);
        row("nbsp thousands", u"45\u00a0000 km"_s, 45000, u"km"_s, u"45\u00a0000 km"_s);
        row("glued unit", u"45000km"_s, 45000, u"km"_s, u"45000km"_s);
        row("hr decimal", u"natočio 45,5 l"_s, 45.5, u"l"_s, u"45,5 l"_s);
        row("en decimal", u"45.5 l"_s, 45.5, u"l"_s, u"45.5 l"_s);
        row("litara", u"38 litara"_s, 38, u"l"_s, u"38 litara"_s);
        row("liters", u"40 liters"_s, 40, u"l"_s, u"40 liters"_s);
        row("litres", u"40 litres"_s, 40, u"l"_s, u"40 litres"_s);
        row("hr money", u"1.234,56 EUR"_s, 1234.56, u"EUR"_s, u"1.234,56 EUR"_s);
        row("en money", u"1,234.56 €"_s, 1234.56, u"EUR"_s, u"1,234.56 €"_s);
        row("euro prefix", u"paid €45"_s, 45, u"EUR"_s, u"€45"_s);
        row("euro suffix", u"45€"_s, 45, u"EUR"_s, u"45€"_s);
        row("eura", u"67,30 eura"_s, 67.3, u"EUR"_s, u"67,30 eura"_s);
        row("kune", u"120 kn"_s, 120, u"HRK"_s, u"120 kn"_s);
        row("percent", u"battery 20 %"_s, 20, u"%"_s, u"20 %"_s);
        row("percent glued", u"20%"_s, 20, u"%"_s, u"20%"_s);
        row("posto", u"80 posto"_s, 80, u"%"_s, u"80 posto"_s);
        row("k multiplier", u"45k km"_s, 45000, u"km"_s, u"45k km"_s);
        row("leading zero decimal", u"0.750 l"_s, 0.75, u"l"_s, u"0.750 l"_s);
        row("kilometara", u"12 kilometara"_s, 12, u"km"_s, u"12 kilometara"_s);
        row("no unit", u"trebam 3 vozila"_s, 3, QString(), u"3"_s);
        row("plain big", u"stanje je 123456"_s, 123456, QString(), u"123456"_s);
        row("upper unit", u"45 KM"_s, 45, u"km"_s, u"45 KM"_s);
        row("lijepih is not litres", u"45 lijepih"_s, 45, QString(), u"45"_s);
    }

    void single()
    {
        QFETCH(QString, message);
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, spanText);
        NumberExtractor extractor;
        const QList<NumberMatch> found = extractor.extract(message);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().value, value);
        QCOMPARE(found.first().unit, unit);
        QCOMPARE(found.first().span.of(message), spanText);
    }

    void several()
    {
        NumberExtractor extractor;
        const QList<NumberMatch> found = extractor.extract(u"natočio 45,5 l za 67,30 EUR, stanje 123.456 km"_s);
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).unit, u"l"_s);
        QCOMPARE(found.at(1).value, 67.3);
        QCOMPARE(found.at(2).value, 123456.0);
        QVERIFY(found.at(2).isIntegral());
        QVERIFY(!found.at(0).isIntegral());
    }

    void none()
    {
        NumberExtractor extractor;
        QVERIFY(extractor.extract(u"ZG-1234-AB"_s).isEmpty());
        QVERIFY(extractor.extract(u"bez brojeva"_s).isEmpty());
        QVERIFY(extractor.extract(u"3rd"_s).isEmpty());
        QVERIFY(extractor.extract(u"8h"_s).isEmpty());
    }

    void parseNumber_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::newRow("int") << u"42"_s << 42.0;
        QTest::newRow("hr group") << u"1.500"_s << 1500.0;
        QTest::newRow("en group") << u"1,500"_s << 1500.0;
        QTest::newRow("two groups") << u"1.234.567"_s << 1234567.0;
        QTest::newRow("hr decimal") << u"3,75"_s << 3.75;
        QTest::newRow("en decimal") << u"3.75"_s << 3.75;
        QTest::newRow("both hr") << u"1.234,5"_s << 1234.5;
        QTest::newRow("both en") << u"1,234.5"_s << 1234.5;
        QTest::newRow("spaces") << u"12 345"_s << 12345.0;
    }

    void parseNumber()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        double parsed = -1;
        QVERIFY(NumberExtractor::parseNumber(text, &parsed));
        QCOMPARE(parsed, value);
        QVERIFY(!NumberExtractor::parseNumber(u"abc"_s, &parsed));
    }
};

QTEST_GUILESS_MAIN(TestNumberExtractor)
#include "tst_numberextractor.moc"
