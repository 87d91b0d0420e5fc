#include "core/logformatter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {
const QDateTime kTime = QDateTime::fromMSecsSinceEpoch(1'714'557'600'123, Qt::UTC); // 2024-05-01T10:00:00.123Z
}

class TestLogFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonLineIsOneValidObject();
    void jsonEscapesEverything();
    void jsonOmitsMissingContext();
    void textLine();
    void phoneNumbersAreRedacted_data();
    void phoneNumbersAreRedacted();
    void secretsAreMasked();
    void redactionAppliesToFormattedLines();
    void levelNames();
};

void TestLogFormatter::jsonLineIsOneValidObject()
{
    const LogFormatter format(LogFormatter::Format::Json);
    const QMessageLogContext context("engine/search/scorer.cpp", 42, "score", "m1.search");
    const QString line = format(QtWarningMsg, context, u"slow query: 120 ms"_s, kTime);
    QVERIFY(!line.contains(u'\n'));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(u"ts"_s).toString(), u"2024-05-01T10:00:00.123Z"_s);
    QCOMPARE(o.value(u"level"_s).toString(), u"warning"_s);
    QCOMPARE(o.value(u"category"_s).toString(), u"m1.search"_s);
    QCOMPARE(o.value(u"msg"_s).toString(), u"slow query: 120 ms"_s);
    QCOMPARE(o.value(u"file"_s).toString(), u"engine/search/scorer.cpp"_s);
    QCOMPARE(o.value(u"line"_s).toInt(), 42);
    QVERIFY(line.startsWith(u"{\"ts\":")); // the timestamp first, for people reading raw logs
}

void TestLogFormatter::jsonEscapesEverything()
{
    const LogFormatter format(LogFormatter::Format::Json);
    const QMessageLogContext context(nullptr, 0, nullptr, "m1.channel");
    const QString nasty = u"quote \" backslash \\ newline \n tab \t cr \r bell \x07 nul-free ž 🚗 </script>"_s;
    const QString line = format(QtInfoMsg, context, nasty, kTime);
    QVERIFY(!line.contains(u'\n'));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(u"msg"_s).toString(), nasty);
}

void TestLogFormatter::jsonOmitsMissingContext()
{
    const LogFormatter format(LogFormatter::Format::Json);
    const QMessageLogContext context; // release builds carry no file, line or category
    const QJsonObject o = QJsonDocument::fromJson(format(QtDebugMsg, context, u"x"_s, kTime).toUtf8()).object();
    QCOMPARE(o.value(u"category"_s).toString(), u"default"_s);
    QVERIFY(!o.contains(u"file"_s));
    QVERIFY(!o.contains(u"line"_s));
    QCOMPARE(o.keys().size(), 4);
}

void TestLogFormatter::textLine()
{
    const LogFormatter format;
    QCOMPARE(format.format(), LogFormatter::Format::Text);
    const QMessageLogContext context("a.cpp", 7, nullptr, "m1.graph");
    QCOMPARE(format(QtCriticalMsg, context, u"cycle"_s, kTime),
             u"2024-05-01T10:00:00.123Z critical m1.graph: cycle (a.cpp:7)"_s);
    const QMessageLogContext bare(nullptr, 0, nullptr, "m1.cli");
    QCOMPARE(format(QtInfoMsg, bare, u"ready"_s, kTime), u"2024-05-01T10:00:00.123Z info     m1.cli: ready"_s);
}

void TestLogFormatter::phoneNumbersAreRedacted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("international spaced") << u"from +385 91 234 5123 today"_s << u"from +385******123 today"_s;
    QTest::newRow("international compact") << u"+385912345123"_s << u"+385******123"_s;
    QTest::newRow("international dashed") << u"tel +1-202-555-0147."_s << u"tel +120*****147."_s;
    QTest::newRow("national") << u"call 0912345678"_s << u"call *******678"_s;
    QTest::newRow("national grouped") << u"091 234 5678"_s << u"*******678"_s;
    QTest::newRow("whatsapp id") << u"wa_id=38591234512"_s << u"wa_id=********512"_s;
    QTest::newRow("eight digits") << u"12345678"_s << u"*****678"_s;
    QTest::newRow("fifteen digits") << u"123456789012345"_s << u"************345"_s;
    QTest::newRow("two numbers") << u"0911111111 and +38598222222"_s << u"*******111 and +385*****222"_s;
    QTest::newRow("in json") << u"{\"from\":\"385912345123\"}"_s << u"{\"from\":\"*********123\"}"_s;
    QTest::newRow("seven digits stay") << u"order 1234567"_s << u"order 1234567"_s;
    QTest::newRow("sixteen digits stay") << u"1234567890123456"_s << u"1234567890123456"_s;
    QTest::newRow("glued to letters stays") << u"abc12345678 v12345678x"_s << u"abc12345678 v12345678x"_s;
    QTest::newRow("iso date stays") << u"on 2024-05-01 at 10:00"_s << u"on 2024-05-01 at 10:00"_s;
    QTest::newRow("date and hour stay") << u"2024-05-01 12:30"_s << u"2024-05-01 12:30"_s;
    QTest::newRow("decimal stays") << u"pi 3.14159265 km 12345678.5"_s << u"pi 3.14159265 km 12345678.5"_s;
    QTest::newRow("licence plate stays") << u"ZG-1234-AB"_s << u"ZG-1234-AB"_s;
    QTest::newRow("nothing") << u"no digits here"_s << u"no digits here"_s;
}

void TestLogFormatter::phoneNumbersAreRedacted()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(LogFormatter::redactPhoneNumbers(input), expected);
}

void TestLogFormatter::secretsAreMasked()
{
    const LogFormatter format(LogFormatter::Format::Text,
                              {u"sk-abc"_s, u"sk-abcdef123456"_s, QString(), u"EAAG0000111122223333"_s});
    QCOMPARE(format.secrets().size(), 3);
    QCOMPARE(format.redact(u"key sk-abcdef123456 and sk-abc, token=EAAG0000111122223333"_s),
             u"key *** and ***, token=***"_s);
    // A secret made of digits is masked whole, not half-treated as a phone number.
    const LogFormatter digits(LogFormatter::Format::Text, {u"987654321987"_s});
    QCOMPARE(digits.redact(u"secret 987654321987 phone 0912345678"_s), u"secret *** phone *******678"_s);
}

void TestLogFormatter::redactionAppliesToFormattedLines()
{
    const LogFormatter format(LogFormatter::Format::Json, {u"hunter2hunter2"_s});
    const QMessageLogContext context(nullptr, 0, nullptr, "m1.channel");
    const QString line = format(QtInfoMsg, context, u"send to +385 91 234 5123 with hunter2hunter2"_s, kTime);
    QVERIFY(!line.contains(u"234 5123"));
    QVERIFY(!line.contains(u"hunter2"));
    QCOMPARE(QJsonDocument::fromJson(line.toUtf8()).object().value(u"msg"_s).toString(),
             u"send to +385******123 with ***"_s);
    const LogRecord record = format.makeRecord(QtInfoMsg, context, u"0912345678"_s, 5);
    QCOMPARE(record.message, u"*******678"_s);
    QCOMPARE(record.timeMs, qint64(5));
    QCOMPARE(record.category, u"m1.channel"_s);
}

void TestLogFormatter::levelNames()
{
    QCOMPARE(LogFormatter::levelName(QtDebugMsg), u"debug"_s);
    QCOMPARE(LogFormatter::levelName(QtInfoMsg), u"info"_s);
    QCOMPARE(LogFormatter::levelName(QtWarningMsg), u"warning"_s);
    QCOMPARE(LogFormatter::levelName(QtCriticalMsg), u"critical"_s);
    QCOMPARE(LogFormatter::levelName(QtFatalMsg), u"fatal"_s);
}

QTEST_GUILESS_MAIN(TestLogFormatter)
#include "tst_logformatter.moc"
