// libFuzzer target: one user message (UTF-8 bytes, as WhatsApp delivers text) through every
// parameter extractor — dates (absolute, relative, weekdays, typos), times and ranges, dates
// with times, numbers with units, licence plates, enum values — and through ParameterFiller
// for two tools that use all of them plus free text. Each runs at two "nows" that stress the
// calendar: New Year's Eve late at night and the night clocks go forward in Zagreb.
//
// Besides not crashing, the extractors' documented promises are checked: spans lie inside the
// message, lists are sorted and do not overlap, dates and times are valid, numbers finite, and
// the filler only fills parameters the tool has.

#include "fuzzsupport.h"

#include "agent/parameterfiller.h"
#include "agent/textfold.h"
#include "core/clock.h"

#include <QDateTime>

#include <cmath>

namespace m1::fuzz {
namespace {

ToolParameter param(const QString &name, const QString &type, const QString &format = {},
                    bool required = false, const QStringList &enumValues = {})
{
    ToolParameter p;
    p.name = name;
    p.location = ParamLocation::Body;
    p.type = type;
    p.format = format;
    p.required = required;
    p.enumValues = enumValues;
    return p;
}

ToolDefinition bookingTool()
{
    ToolDefinition t;
    t.id = QStringLiteral("createPoolBooking");
    t.method = QStringLiteral("POST");
    t.path = QStringLiteral("/bookings");
    t.parameters = {
        param(QStringLiteral("vehicleId"), QStringLiteral("string"), {}, true),
        param(QStringLiteral("licencePlate"), QStringLiteral("string")),
        param(QStringLiteral("startTime"), QStringLiteral("string"), QStringLiteral("date-time"), true),
        param(QStringLiteral("endTime"), QStringLiteral("string"), QStringLiteral("date-time"), true),
        param(QStringLiteral("driver.id"), QStringLiteral("string")),
        param(QStringLiteral("purpose"), QStringLiteral("string")),
        param(QStringLiteral("fuelType"), QStringLiteral("string"), {}, false,
              { QStringLiteral("DIESEL"), QStringLiteral("PETROL"), QStringLiteral("ELECTRIC") }),
    };
    return t;
}

ToolDefinition expenseTool()
{
    ToolDefinition t;
    t.id = QStringLiteral("reportFuelAndDamage");
    t.method = QStringLiteral("POST");
    t.path = QStringLiteral("/vehicles/{vehicleId}/reports");
    t.parameters = {
        param(QStringLiteral("odometerKm"), QStringLiteral("integer"), {}, true),
        param(QStringLiteral("fuelLitres"), QStringLiteral("number")),
        param(QStringLiteral("amount"), QStringLiteral("number")),
        param(QStringLiteral("amount.currency"), QStringLiteral("string")),
        param(QStringLiteral("fuelLevelPercent"), QStringLiteral("integer")),
        param(QStringLiteral("date"), QStringLiteral("string"), QStringLiteral("date")),
        param(QStringLiteral("severity"), QStringLiteral("string"), {}, true,
              { QStringLiteral("LOW"), QStringLiteral("MEDIUM"), QStringLiteral("URGENT") }),
        param(QStringLiteral("description"), QStringLiteral("string"), {}, true),
    };
    return t;
}

qint64 zagrebMs(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(QByteArrayLiteral("Europe/Zagreb")))
        .toMSecsSinceEpoch();
}

struct World
{
    ManualClock newYearsEve { zagrebMs(2026, 12, 31, 23, 30) };
    ManualClock clocksForward { zagrebMs(2027, 3, 28, 1, 45) };
    ParameterFiller fillers[2] { ParameterFiller(newYearsEve), ParameterFiller(clocksForward) };
    ToolDefinition tools[2] { bookingTool(), expenseTool() };
};

World *world = nullptr;

void checkSpan(const TextSpan &span, const QString &message)
{
    FUZZ_CHECK(span.isValid());
    FUZZ_CHECK(span.end() <= message.size());
}

// Sorted by position and never overlapping, as the extractors promise.
template<typename Match>
void checkOrdered(const QList<Match> &matches, const QString &message)
{
    for (qsizetype i = 0; i < matches.size(); ++i) {
        checkSpan(matches.at(i).span, message);
        if (i > 0)
            FUZZ_CHECK(matches.at(i - 1).span.end() <= matches.at(i).span.start);
    }
}

void extractAll(const ParameterFiller &filler, const QString &message)
{
    const DateTimeExtractor &dateTimes = filler.dateTimes();
    const QList<DateMatch> dates = dateTimes.dates().extract(message);
    checkOrdered(dates, message);
    for (const DateMatch &d : dates)
        FUZZ_CHECK(d.date.isValid());

    const QList<TimeMatch> times = dateTimes.times().extract(message);
    checkOrdered(times, message);
    for (const TimeMatch &t : times)
        FUZZ_CHECK(t.start.isValid() || t.end.isValid());

    const QList<DateTimeRange> ranges = dateTimes.extract(message);
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        checkSpan(ranges.at(i).span, message);
        FUZZ_CHECK(ranges.at(i).date.isValid());
        if (i > 0)
            FUZZ_CHECK(ranges.at(i - 1).span.start <= ranges.at(i).span.start);
    }

    const QList<NumberMatch> numbers = filler.numbers().extract(message);
    checkOrdered(numbers, message);
    for (const NumberMatch &n : numbers)
        FUZZ_CHECK(std::isfinite(n.value));

    for (const PlateMatch &p : filler.plates().extract(message)) {
        checkSpan(p.span, message);
        FUZZ_CHECK(!p.plate.isEmpty());
    }
    (void)filler.plates().normalizeCroatian(message);

    const QStringList damage { QStringLiteral("SCRATCH"), QStringLiteral("DENT"),
                               QStringLiteral("BROKEN_MIRROR"), QStringLiteral("FLAT_TYRE") };
    if (const auto m = filler.enums().match(damage, message)) {
        checkSpan(m->span, message);
        FUZZ_CHECK(damage.contains(m->value));
    }
}

void fillAll(const ParameterFiller &filler, const ToolDefinition &tool, const QString &message,
             const QString &answering)
{
    FillContext context;
    context.answering = answering;
    const FillResult result = filler.fill(tool, message, context);
    qsizetype lastIndex = -1;
    for (const FilledValue &v : result.values) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < tool.parameters.size(); ++i) {
            if (tool.parameters.at(i).name == v.name)
                index = i;
        }
        FUZZ_CHECK(index > lastIndex); // a parameter of the tool, in the tool's order
        lastIndex = index;
        if (v.source == ValueSource::Message && v.span.isValid())
            FUZZ_CHECK(v.span.end() <= message.size());
    }
    for (const QString &name : result.missing) {
        const ToolParameter *p = tool.parameter(name);
        FUZZ_CHECK(p && p->required);
    }
}

} // namespace
} // namespace m1::fuzz

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    m1::fuzz::quietQt();
    m1::fuzz::world = new m1::fuzz::World;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace m1;
    using fuzz::world;
    if (size > 4096) // WhatsApp's own limit for a text message
        return -1;
    const QString message = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    FUZZ_CHECK(TextFold::fold(message).size() == message.size());

    for (const ParameterFiller &filler : world->fillers) {
        fuzz::extractAll(filler, message);
        fuzz::fillAll(filler, world->tools[0], message, QString());
        fuzz::fillAll(filler, world->tools[1], message, QString());
        fuzz::fillAll(filler, world->tools[1], message, QStringLiteral("description"));
    }
    return 0;
}
