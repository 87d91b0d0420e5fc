// DateExtractor: absolute and relative dates in English and Croatian, relative to a fixed
// Wednesday (2 December 2026, 10:00 in Zagreb).

#include "agent/dateextractor.h"
#include "core/clock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {
constexpr qint64 kWednesday = 1'796'202'000'000; // 2026-12-02T10:00:00+01:00
}

class TestDateExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void todayComesFromTheClockInTheZone()
    {
        // 23:30 UTC on 1 December is already 2 December in Zagreb.
        ManualClock clock(kWednesday - 9LL * 3600 * 1000 - 30LL * 60 * 1000);
        DateExtractor utc(clock, QTimeZone::utc());
        DateExtractor zagreb(clock);
        QCOMPARE(utc.today(), QDate(2026, 12, 1));
        QCOMPARE(zagreb.today(), QDate(2026, 12, 2));
        QCOMPARE(zagreb.extract(u"danas"_s).value(0).date, QDate(2026, 12, 2));
    }

    void single_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QDate>("expected");
        QTest::addColumn<QString>("spanText");
        const auto row = [](const char *name, const QString &msg, QDate d, const QString &span) {
            QTest::newRow(name) << msg << d << span;
        };
        // absolute
        row("iso", u"booking for 2026-12-03 please"_s, QDate(2026, 12, 3), u"2026-12-03"_s);
        row("hr full", u"rezervacija 3.12.2026. molim"_s, QDate(2026, 12, 3), u"3.12.2026."_s);
        row("hr full spaced", u"dana 3. 12. 2026. u jutro"_s, QDate(2026, 12, 3), u"3. 12. 2026."_s);
        row("hr no year", u"trebam auto 3.12."_s, QDate(2026, 12, 3), u"3.12."_s);
        row("hr no trailing dot", u"od 24.12.2026 nadalje"_s, QDate(2026, 12, 24), u"24.12.2026"_s);
        row("slashes", u"on 03/12/2026"_s, QDate(2026, 12, 3), u"03/12/2026"_s);
        row("slashes short year", u"on 4/12/26"_s, QDate(2026, 12, 4), u"4/12/26"_s);
        row("en ordinal of", u"the 3rd of December"_s, QDate(2026, 12, 3), u"3rd of December"_s);
        row("en month first", u"December 3rd, 2026"_s, QDate(2026, 12, 3), u"December 3rd, 2026"_s);
        row("en short month", u"on 5 Jan"_s, QDate(2027, 1, 5), u"5 Jan"_s);
        row("hr genitive", u"3. prosinca"_s, QDate(2026, 12, 3), u"3. prosinca"_s);
        row("hr nominative", u"3 prosinac"_s, QDate(2026, 12, 3), u"3 prosinac"_s);
        row("hr diacritics", u"15. siječnja"_s, QDate(2027, 1, 15), u"15. siječnja"_s);
        row("hr without diacritics", u"15. sijecnja"_s, QDate(2027, 1, 15), u"15. sijecnja"_s);
        row("hr with year", u"1. ožujka 2027."_s, QDate(2027, 3, 1), u"1. ožujka 2027."_s);
        row("recent past stays this year", u"20. studenoga"_s, QDate(2026, 11, 20), u"20. studenoga"_s);
        row("older past rolls to next year", u"15.1."_s, QDate(2027, 1, 15), u"15.1."_s);
        // relative words
        row("today", u"Today please"_s, QDate(2026, 12, 2), u"Today"_s);
        row("danas", u"može danas?"_s, QDate(2026, 12, 2), u"danas"_s);
        row("tomorrow", u"book a car for tomorrow"_s, QDate(2026, 12, 3), u"tomorrow"_s);
        row("sutra", u"Trebam auto sutra u 8"_s, QDate(2026, 12, 3), u"sutra"_s);
        row("SUTRA upper", u"SUTRA"_s, QDate(2026, 12, 3), u"SUTRA"_s);
        row("prekosutra", u"prekosutra ujutro"_s, QDate(2026, 12, 4), u"prekosutra"_s);
        row("day after tomorrow", u"the day after tomorrow"_s, QDate(2026, 12, 4), u"day after tomorrow"_s);
        row("yesterday", u"I scratched it yesterday"_s, QDate(2026, 12, 1), u"yesterday"_s);
        row("jučer", u"oštećenje jučer navečer"_s, QDate(2026, 12, 1), u"jučer"_s);
        row("jucer", u"jucer"_s, QDate(2026, 12, 1), u"jucer"_s);
        row("prekjučer", u"prekjučer"_s, QDate(2026, 11, 30), u"prekjučer"_s);
        // counts
        row("in 3 days", u"in 3 days"_s, QDate(2026, 12, 5), u"in 3 days"_s);
        row("za 3 dana", u"za 3 dana"_s, QDate(2026, 12, 5), u"za 3 dana"_s);
        row("za tri dana", u"za tri dana"_s, QDate(2026, 12, 5), u"za tri dana"_s);
        row("in two weeks", u"in two weeks"_s, QDate(2026, 12, 16), u"in two weeks"_s);
        row("za 2 tjedna", u"za 2 tjedna"_s, QDate(2026, 12, 16), u"za 2 tjedna"_s);
        row("za tjedan dana", u"vraćam za tjedan dana"_s, QDate(2026, 12, 9), u"za tjedan dana"_s);
        row("in a week", u"in a week"_s, QDate(2026, 12, 9), u"in a week"_s);
        row("5 days from now", u"5 days from now"_s, QDate(2026, 12, 7), u"5 days from now"_s);
        row("next week", u"sometime next week"_s, QDate(2026, 12, 7), u"next week"_s);
        row("sljedeći tjedan", u"sljedeći tjedan"_s, QDate(2026, 12, 7), u"sljedeći tjedan"_s);
        row("iduceg tjedna", u"iduceg tjedna"_s, QDate(2026, 12, 7), u"iduceg tjedna"_s);
        row("sljedeci mjesec", u"sljedeci mjesec"_s, QDate(2027, 1, 1), u"sljedeci mjesec"_s);
        // weekdays (today is Wednesday)
        row("next monday", u"next Monday"_s, QDate(2026, 12, 7), u"next Monday"_s);
        row("sljedeći ponedjeljak", u"sljedeći ponedjeljak"_s, QDate(2026, 12, 7), u"sljedeći ponedjeljak"_s);
        row("iduci pon", u"iduci pon"_s, QDate(2026, 12, 7), u"iduci pon"_s);
        row("do ponedjeljka", u"do ponedjeljka"_s, QDate(2026, 12, 7), u"ponedjeljka"_s);
        row("friday", u"on Friday"_s, QDate(2026, 12, 4), u"Friday"_s);
        row("u petak", u"u petak"_s, QDate(2026, 12, 4), u"petak"_s);
        row("petka", u"od petka"_s, QDate(2026, 12, 4), u"petka"_s);
        row("bare wednesday is today", u"u srijedu"_s, QDate(2026, 12, 2), u"srijedu"_s);
        row("next wednesday skips today", u"next wednesday"_s, QDate(2026, 12, 9), u"next wednesday"_s);
        row("sljedeću srijedu", u"sljedeću srijedu"_s, QDate(2026, 12, 9), u"sljedeću srijedu"_s);
        row("četvrtak", u"četvrtak"_s, QDate(2026, 12, 3), u"četvrtak"_s);
        row("cetvrtak", u"cetvrtak"_s, QDate(2026, 12, 3), u"cetvrtak"_s);
        row("ČETVRTAK", u"ČETVRTAK"_s, QDate(2026, 12, 3), u"ČETVRTAK"_s);
        row("subotu", u"za subotu"_s, QDate(2026, 12, 5), u"subotu"_s);
        row("subota", u"subota"_s, QDate(2026, 12, 5), u"subota"_s);
        row("nedjelju", u"u nedjelju"_s, QDate(2026, 12, 6), u"nedjelju"_s);
        row("nedjelja", u"nedjelja"_s, QDate(2026, 12, 6), u"nedjelja"_s);
        row("utorak", u"utorak"_s, QDate(2026, 12, 8), u"utorak"_s);
        row("utorka", u"do utorka"_s, QDate(2026, 12, 8), u"utorka"_s);
        row("srijeda", u"srijeda"_s, QDate(2026, 12, 2), u"srijeda"_s);
        row("ponedjeljak", u"ponedjeljak"_s, QDate(2026, 12, 7), u"ponedjeljak"_s);
        row("short with qualifier", u"next fri"_s, QDate(2026, 12, 4), u"next fri"_s);
        row("last friday", u"last Friday"_s, QDate(2026, 11, 27), u"last Friday"_s);
        row("prošli petak", u"prošli petak"_s, QDate(2026, 11, 27), u"prošli petak"_s);
        // typos
        row("tomorow", u"tomorow at 9"_s, QDate(2026, 12, 3), u"tomorow"_s);
        row("tommorow", u"tommorow"_s, QDate(2026, 12, 3), u"tommorow"_s);
        row("wendesday", u"next wendesday"_s, QDate(2026, 12, 9), u"next wendesday"_s);
        row("thursady", u"thursady"_s, QDate(2026, 12, 3), u"thursady"_s);
        row("ponedjeljek", u"ponedjeljek"_s, QDate(2026, 12, 7), u"ponedjeljek"_s);
        row("ponedeljak ekavian", u"ponedeljak"_s, QDate(2026, 12, 7), u"ponedeljak"_s);
    }

    void single()
    {
        QFETCH(QString, message);
        QFETCH(QDate, expected);
        QFETCH(QString, spanText);
        ManualClock clock(kWednesday);
        DateExtractor extractor(clock);
        const QList<DateMatch> found = extractor.extract(message);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().date, expected);
        QCOMPARE(found.first().span.of(message), spanText);
    }

    void noDate_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("mileage") << u"imam 45.000 km"_s;
        QTest::newRow("time with u") << u"u 8.30"_s;
        QTest::newRow("time with u and dot") << u"dođi u 8.30."_s;
        QTest::newRow("plate") << u"ZG-1234-AB"_s;
        QTest::newRow("pet is five") << u"pet dana godišnjeg"_s;
        QTest::newRow("sun") << u"the sun is out"_s;
        QTest::newRow("sat") << u"I sat in the car"_s;
        QTest::newRow("litres decimal") << u"natočio 45,5 l"_s;
        QTest::newRow("decimal dot") << u"1.5 l"_s;
        QTest::newRow("time range") << u"8-12"_s;
        QTest::newRow("dana alone") << u"koliko dana"_s;
        QTest::newRow("jutra is not sutra") << u"do 8 jutra"_s;
        QTest::newRow("invalid date") << u"31.02.2026."_s;
        QTest::newRow("empty") << QString();
    }

    void noDate()
    {
        QFETCH(QString, message);
        ManualClock clock(kWednesday);
        DateExtractor extractor(clock);
        const QList<DateMatch> found = extractor.extract(message);
        QVERIFY2(found.isEmpty(), qPrintable(found.isEmpty() ? QString() : found.first().date.toString(Qt::ISODate)));
    }

    void rangeOfTwoDates()
    {
        ManualClock clock(kWednesday);
        DateExtractor extractor(clock);
        const QString message = u"od 3.12. do 5.12."_s;
        const QList<DateMatch> found = extractor.extract(message);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).date, QDate(2026, 12, 3));
        QCOMPARE(found.at(1).date, QDate(2026, 12, 5));
        QCOMPARE(found.at(0).span.of(message), u"3.12."_s);
        QCOMPARE(found.at(1).span.of(message), u"5.12."_s);
        QVERIFY(found.at(0).span.start < found.at(1).span.start);
    }

    void mixedLanguagesInOneMessage()
    {
        ManualClock clock(kWednesday);
        DateExtractor extractor(clock);
        const QList<DateMatch> found = extractor.extract(u"sutra or friday, not 2026-12-24"_s);
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).date, QDate(2026, 12, 3));
        QCOMPARE(found.at(1).date, QDate(2026, 12, 4));
        QCOMPARE(found.at(2).date, QDate(2026, 12, 24));
        QVERIFY(found.at(0).relative);
        QVERIFY(!found.at(2).relative);
    }

    void weekdaysAcrossTheWeek()
    {
        // On a Sunday, "next Monday" is the next day and a bare "nedjelja" is today.
        ManualClock clock(kWednesday + 4LL * 86'400'000);
        DateExtractor extractor(clock);
        QCOMPARE(extractor.today(), QDate(2026, 12, 6));
        QCOMPARE(extractor.extract(u"next monday"_s).value(0).date, QDate(2026, 12, 7));
        QCOMPARE(extractor.extract(u"nedjelja"_s).value(0).date, QDate(2026, 12, 6));
        QCOMPARE(extractor.extract(u"sljedeći tjedan"_s).value(0).date, QDate(2026, 12, 7));
        QCOMPARE(extractor.extract(u"u subotu"_s).value(0).date, QDate(2026, 12, 12));
    }
};

QTEST_GUILESS_MAIN(TestDateExtractor)
#include "tst_dateextractor.moc"
