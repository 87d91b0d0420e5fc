// TimeExtractor: times of day and ranges in English and Croatian; quantities are not hours.

#include "agent/timeextractor.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestTimeExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void single_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");
        QTest::addColumn<QString>("spanText");
        const auto row = [](const char *name, const QString &m, QTime s, QTime e, const QString &span) {
            QTest::newRow(name) << m << s << e << span;
        };
        const QTime none;
        row("u 8", u"sutra u 8"_s, QTime(8, 0), none, u"u 8"_s);
        row("at 8", u"at 8 please"_s, QTime(8, 0), none, u"at 8"_s);
        row("oko 9", u"oko 9"_s, QTime(9, 0), none, u"oko 9"_s);
        row("8h", u"dolazim 8h"_s, QTime(8, 0), none, u"8h"_s);
        row("8 h", u"dolazim 8 h"_s, QTime(8, 0), none, u"8 h"_s);
        row("8:30", u"sastanak 8:30"_s, QTime(8, 30), none, u"8:30"_s);
        row("08.30", u"polazak 08.30"_s, QTime(8, 30), none, u"08.30"_s);
        row("8am", u"8am"_s, QTime(8, 0), none, u"8am"_s);
        row("8 pm", u"pick up 8 pm"_s, QTime(20, 0), none, u"8 pm"_s);
        row("8:30pm", u"8:30pm"_s, QTime(20, 30), none, u"8:30pm"_s);
        row("8 a.m.", u"at 8 a.m."_s, QTime(8, 0), none, u"at 8 a.m."_s);
        row("12am", u"12am"_s, QTime(0, 0), none, u"12am"_s);
        row("12pm", u"12pm"_s, QTime(12, 0), none, u"12pm"_s);
        row("u 8.30. at sentence end", u"Dođi u 8.30."_s, QTime(8, 30), none, u"u 8.30"_s);
        row("u 17 sati", u"u 17 sati"_s, QTime(17, 0), none, u"u 17 sati"_s);
        row("od 8 do 12", u"od 8 do 12"_s, QTime(8, 0), QTime(12, 0), u"od 8 do 12"_s);
        row("8-12", u"sutra 8-12"_s, QTime(8, 0), QTime(12, 0), u"8-12"_s);
        row("8 - 12h", u"8 - 12h"_s, QTime(8, 0), QTime(12, 0), u"8 - 12h"_s);
        row("from 8 to 12", u"from 8 to 12"_s, QTime(8, 0), QTime(12, 0), u"from 8 to 12"_s);
        row("between 8 and 12", u"between 8 and 12"_s, QTime(8, 0), QTime(12, 0), u"between 8 and 12"_s);
        row("između 8 i 12", u"između 8 i 12"_s, QTime(8, 0), QTime(12, 0), u"između 8 i 12"_s);
        row("od 8h do 12h", u"od 8h do 12h"_s, QTime(8, 0), QTime(12, 0), u"od 8h do 12h"_s);
        row("9:00–17:00 en dash", u"9:00–17:00"_s, QTime(9, 0), QTime(17, 0), u"9:00–17:00"_s);
        row("od 8 do 4 is a day", u"od 8 do 4"_s, QTime(8, 0), QTime(16, 0), u"od 8 do 4"_s);
        row("1-5pm", u"1-5pm"_s, QTime(13, 0), QTime(17, 0), u"1-5pm"_s);
        row("od 2 do 5 popodne", u"od 2 do 5 popodne"_s, QTime(14, 0), QTime(17, 0), u"od 2 do 5 popodne"_s);
        row("od 8 do podne", u"od 8 do podne"_s, QTime(8, 0), QTime(12, 0), u"od 8 do podne"_s);
        row("u podne", u"u podne"_s, QTime(12, 0), none, u"u podne"_s);
        row("noon", u"at noon"_s, QTime(12, 0), none, u"at noon"_s);
        row("u ponoć", u"u ponoć"_s, QTime(0, 0), none, u"u ponoć"_s);
        row("do podne", u"do podne"_s, none, QTime(12, 0), u"do podne"_s);
        row("u 5 popodne", u"u 5 popodne"_s, QTime(17, 0), none, u"u 5 popodne"_s);
        row("7 in the evening", u"at 7 in the evening"_s, QTime(19, 0), none, u"at 7 in the evening"_s);
        row("u 8 navečer", u"u 8 navečer"_s, QTime(20, 0), none, u"u 8 navečer"_s);
        row("u 8 ujutro", u"u 8 ujutro"_s, QTime(8, 0), none, u"u 8 ujutro"_s);
        row("do 12", u"treba mi do 12"_s, none, QTime(12, 0), u"do 12"_s);
        row("od 8", u"od 8"_s, QTime(8, 0), none, u"od 8"_s);
        row("until 17:30", u"until 17:30"_s, none, QTime(17, 30), u"until 17:30"_s);
    }

    void single()
    {
        QFETCH(QString, message);
        QFETCH(QTime, start);
        QFETCH(QTime, end);
        QFETCH(QString, spanText);
        TimeExtractor extractor;
        const QList<TimeMatch> found = extractor.extract(message);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().start, start);
        QCOMPARE(found.first().end, end);
        QCOMPARE(found.first().span.of(message), spanText);
        QCOMPARE(found.first().isRange(), start.isValid() && end.isValid());
    }

    void noTime_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("mileage") << u"45.000 km"_s;
        QTest::newRow("za 3 dana") << u"za 3 dana"_s;
        QTest::newRow("count of cars") << u"trebam 8 vozila"_s;
        QTest::newRow("list with i") << u"2 i 3"_s;
        QTest::newRow("price") << u"12.50 EUR"_s;
        QTest::newRow("date") << u"3.12.2026."_s;
        QTest::newRow("iso date") << u"2026-12-03"_s;
        QTest::newRow("plate") << u"ZG-1234-AB"_s;
        QTest::newRow("km range") << u"5-10 km"_s;
        QTest::newRow("date range") << u"od 3.12. do 5.12."_s;
        QTest::newRow("minutes") << u"u 45 minuta"_s;
        QTest::newRow("bare number") << u"8"_s;
        QTest::newRow("hours word") << u"8 hours"_s;
        QTest::newRow("litres") << u"do 40 l"_s;
        QTest::newRow("invalid minute") << u"8:75"_s;
        QTest::newRow("phone") << u"091-234-5678"_s;
    }

    void noTime()
    {
        QFETCH(QString, message);
        TimeExtractor extractor;
        const QList<TimeMatch> found = extractor.extract(message);
        QVERIFY2(found.isEmpty(), qPrintable(found.isEmpty() ? QString() : found.first().span.of(message)));
    }

    void twoTimes()
    {
        TimeExtractor extractor;
        const QString message = u"sutra u 8 i prekosutra u 9:15"_s;
        const QList<TimeMatch> found = extractor.extract(message);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).start, QTime(8, 0));
        QCOMPARE(found.at(1).start, QTime(9, 15));
    }

    void parseToken()
    {
        TimeExtractor extractor;
        QCOMPARE(extractor.parseToken(u"08.30"_s), QTime(8, 30));
        QCOMPARE(extractor.parseToken(u"24"_s), QTime(23, 59));
        QCOMPARE(extractor.parseToken(u"podne"_s), QTime(12, 0));
        QVERIFY(!extractor.parseToken(u"25"_s).isValid());
        QVERIFY(!extractor.parseToken(u"13pm"_s).isValid());
        QVERIFY(!extractor.parseToken(u"abc"_s).isValid());
    }
};

QTEST_GUILESS_MAIN(TestTimeExtractor)
#include "tst_timeextractor.moc"
