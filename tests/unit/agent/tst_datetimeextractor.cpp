// DateTimeExtractor: dates and times combined into date-times, on a fixed Wednesday
// (2 December 2026, 10:00 in Zagreb).

#include "agent/datetimeextractor.h"
#include "core/clock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {
constexpr qint64 kWednesday = 1'796'202'000'000; // 2026-12-02T10:00:00+01:00
}

class TestDateTimeExtractor : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kWednesday};
    DateTimeExtractor m_extractor{m_clock};

    QString iso(const QDateTime &dt) const { return dt.toString(Qt::ISODate); }

private Q_SLOTS:
    void combined_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::newRow("sutra od 8 do 12") << u"rezerviraj auto sutra od 8 do 12"_s
                                          << u"2026-12-03T08:00:00+01:00"_s << u"2026-12-03T12:00:00+01:00"_s;
        QTest::newRow("tomorrow 8-12") << u"book a pool car for tomorrow 8-12"_s
                                       << u"2026-12-03T08:00:00+01:00"_s << u"2026-12-03T12:00:00+01:00"_s;
        QTest::newRow("tomorrow at 8") << u"tomorrow at 8"_s << u"2026-12-03T08:00:00+01:00"_s << QString();
        QTest::newRow("bare hour after date") << u"sutra 8"_s << u"2026-12-03T08:00:00+01:00"_s << QString();
        QTest::newRow("time before date") << u"u 8:30 prekosutra"_s << u"2026-12-04T08:30:00+01:00"_s
                                          << QString();
        QTest::newRow("past hour means tomorrow") << u"u 8"_s << u"2026-12-03T08:00:00+01:00"_s << QString();
        QTest::newRow("later hour means today") << u"u 14"_s << u"2026-12-02T14:00:00+01:00"_s << QString();
        QTest::newRow("date only") << u"3.12.2026."_s << u"2026-12-03T00:00:00+01:00"_s << QString();
        QTest::newRow("friday noon") << u"petak u podne"_s << u"2026-12-04T12:00:00+01:00"_s << QString();
        QTest::newRow("summer time offset") << u"15.7.2027. u 9"_s << u"2027-07-15T09:00:00+02:00"_s
                                            << QString();
        QTest::newRow("date with dotted time") << u"3.12.2026. u 8.30"_s << u"2026-12-03T08:30:00+01:00"_s
                                               << QString();
        QTest::newRow("separate end time") << u"sutra od 8, pa sve do 12"_s
                                           << u"2026-12-03T08:00:00+01:00"_s << u"2026-12-03T12:00:00+01:00"_s;
    }

    void combined()
    {
        QFETCH(QString, message);
        QFETCH(QString, start);
        QFETCH(QString, end);
        const QList<DateTimeRange> ranges = m_extractor.extract(message);
        QCOMPARE(ranges.size(), 1);
        const QTimeZone &zone = m_extractor.timeZone();
        QCOMPARE(iso(ranges.first().start(zone)), start);
        QCOMPARE(ranges.first().end(zone).isValid() ? iso(ranges.first().end(zone)) : QString(), end);
    }

    void twoDatesWithTimes()
    {
        const QString message = u"od sutra 8h do petka 16h"_s;
        const QList<DateTimeRange> ranges = m_extractor.extract(message);
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges.at(0).date, QDate(2026, 12, 3));
        QCOMPARE(ranges.at(0).startTime, QTime(8, 0));
        QCOMPARE(ranges.at(1).date, QDate(2026, 12, 4));
        QCOMPARE(ranges.at(1).startTime, QTime(16, 0));
        QCOMPARE(ranges.at(0).span.of(message), u"sutra 8h"_s);
    }

    void eachTimeGoesToItsNearestDate()
    {
        const QList<DateTimeRange> ranges = m_extractor.extract(u"sutra u 8 i prekosutra u 9"_s);
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges.at(0).date, QDate(2026, 12, 3));
        QCOMPARE(ranges.at(0).startTime, QTime(8, 0));
        QCOMPARE(ranges.at(1).date, QDate(2026, 12, 4));
        QCOMPARE(ranges.at(1).startTime, QTime(9, 0));
    }

    void dateRangeWithoutTimes()
    {
        const QList<DateTimeRange> ranges = m_extractor.extract(u"od 3.12. do 5.12."_s);
        QCOMPARE(ranges.size(), 2);
        QVERIFY(!ranges.at(0).hasTime());
        QCOMPARE(ranges.at(1).date, QDate(2026, 12, 5));
    }

    void nothing()
    {
        QVERIFY(m_extractor.extract(u"koliko km ima moj auto?"_s).isEmpty());
        QVERIFY(m_extractor.extract(u"sutra 45 km"_s).value(0).startTime.isNull());
    }
};

QTEST_GUILESS_MAIN(TestDateTimeExtractor)
#include "tst_datetimeextractor.moc"
