// LicencePlateExtractor: Croatian plates in every spelling, foreign ones only in context.

#include "agent/licenceplateextractor.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestLicencePlateExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void single_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("plate");
        QTest::addColumn<QString>("spanText");
        QTest::addColumn<bool>("croatian");
        const auto row = [](const char *name, const QString &m, const QString &p, const QString &s, bool hr = true) {
            QTest::newRow(name) << m << p << s << hr;
        };
        row("canonical", u"prijavi štetu na vozilu ZG-1234-AB"_s, u"ZG-1234-AB"_s, u"ZG-1234-AB"_s);
        row("spaces", u"auto ZG 1234 AB"_s, u"ZG-1234-AB"_s, u"ZG 1234 AB"_s);
        row("lower glued", u"zg1234ab ima ogrebotinu"_s, u"ZG-1234-AB"_s, u"zg1234ab"_s);
        row("short", u"ST-123-A"_s, u"ST-123-A"_s, u"ST-123-A"_s);
        row("croatian suffix", u"RI 555 ŠŽ"_s, u"RI-555-ŠŽ"_s, u"RI 555 ŠŽ"_s);
        row("lower croatian suffix", u"os-1234-čć"_s, u"OS-1234-ČĆ"_s, u"os-1234-čć"_s);
        row("en dash", u"ZG–1234–AB"_s, u"ZG-1234-AB"_s, u"ZG–1234–AB"_s);
        row("area without diacritics", u"ck 123 ab"_s, u"ČK-123-AB"_s, u"ck 123 ab"_s);
        row("kz area", u"kz-1234-c"_s, u"KŽ-1234-C"_s, u"kz-1234-c"_s);
        row("mixed spacing", u"ZG 1234-AB"_s, u"ZG-1234-AB"_s, u"ZG 1234-AB"_s);
        row("km suffix with hyphen", u"DA-1234-KM"_s, u"DA-1234-KM"_s, u"DA-1234-KM"_s);
        row("with context word", u"registracija ZG-1234-AB"_s, u"ZG-1234-AB"_s, u"ZG-1234-AB"_s);
        row("foreign in context", u"registracija LJ 12-34A"_s, u"LJ-12-34A"_s, u"LJ 12-34A"_s, false);
        row("german in context", u"my plate is B MW 1234"_s, u"B-MW-1234"_s, u"B MW 1234"_s, false);
        row("glued foreign", u"tablica AB123CD"_s, u"AB123CD"_s, u"AB123CD"_s, false);
        row("unknown area in context", u"plate XY-1234-AB"_s, u"XY-1234-AB"_s, u"XY-1234-AB"_s, false);
        row("context after filler", u"reg. oznaka: W-12345B, hvala"_s, u"W-12345B"_s, u"W-12345B"_s, false);
    }

    void single()
    {
        QFETCH(QString, message);
        QFETCH(QString, plate);
        QFETCH(QString, spanText);
        QFETCH(bool, croatian);
        LicencePlateExtractor extractor;
        const QList<PlateMatch> found = extractor.extract(message);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().plate, plate);
        QCOMPARE(found.first().span.of(message), spanText);
        QCOMPARE(found.first().croatian, croatian);
    }

    void none_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("not an area") << u"DO 1234 KM"_s;
        QTest::newRow("quantity after area-like word") << u"na 1234 km"_s;
        QTest::newRow("unknown area") << u"XY-1234-AB"_s;
        QTest::newRow("foreign without context") << u"B MW 1234"_s;
        QTest::newRow("time") << u"u 8"_s;
        QTest::newRow("too many digits") << u"ZG-12345-AB"_s;
        QTest::newRow("inside word") << u"abcZG1234AB"_s;
        QTest::newRow("context but no plate") << u"what is my registration?"_s;
    }

    void none()
    {
        QFETCH(QString, message);
        LicencePlateExtractor extractor;
        const QList<PlateMatch> found = extractor.extract(message);
        QVERIFY2(found.isEmpty(), qPrintable(found.isEmpty() ? QString() : found.first().plate));
    }

    void twoPlates()
    {
        LicencePlateExtractor extractor;
        const QList<PlateMatch> found = extractor.extract(u"zamijeni ZG-1234-AB sa ST 567 C"_s);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).plate, u"ZG-1234-AB"_s);
        QCOMPARE(found.at(1).plate, u"ST-567-C"_s);
    }

    void normalize()
    {
        LicencePlateExtractor extractor;
        QCOMPARE(extractor.normalizeCroatian(u" zg 1234 ab "_s), u"ZG-1234-AB"_s);
        QCOMPARE(extractor.normalizeCroatian(u"pž-99-a"_s), QString());   // too few digits
        QCOMPARE(extractor.normalizeCroatian(u"pž-999-a"_s), u"PŽ-999-A"_s);
        QCOMPARE(extractor.normalizeCroatian(u"ZG-1234-AB and more"_s), QString());
        QVERIFY(extractor.mentionsPlate(u"Koja je moja registracija?"_s));
        QVERIFY(extractor.mentionsPlate(u"broj tablice"_s));
        QVERIFY(!extractor.mentionsPlate(u"book a car"_s));
    }
};

QTEST_GUILESS_MAIN(TestLicencePlateExtractor)
#include "tst_licenceplateextractor.moc"
