#include "agent/plausiblevalues.h"

#include "agent/textfold.h"

#include <QDateTime>
#include <QMutex>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

const QStringList &firstNames()
{
    static const QStringList v = {u"Ana"_s, u"Marko"_s, u"Ivana"_s, u"Luka"_s, u"Petra"_s, u"Josip"_s};
    return v;
}
const QStringList &lastNames()
{
    static const QStringList v = {u"Horvat"_s, u"Kovačević"_s, u"Babić"_s, u"Marić"_s, u"Jurić"_s, u"Novak"_s};
    return v;
}
const QStringList &cities()
{
    static const QStringList v = {u"Zagreb"_s, u"Split"_s, u"Rijeka"_s, u"Osijek"_s, u"Zadar"_s};
    return v;
}
const QStringList &makes()
{
    static const QStringList v = {u"Škoda"_s, u"Volkswagen"_s, u"Renault"_s, u"Toyota"_s, u"Hyundai"_s};
    return v;
}
const QStringList &models()
{
    static const QStringList v = {u"Octavia"_s, u"Golf"_s, u"Clio"_s, u"Corolla"_s, u"i30"_s};
    return v;
}
const QStringList &areas()
{
    static const QStringList v = {u"ZG"_s, u"ST"_s, u"RI"_s, u"OS"_s, u"ZD"_s, u"PU"_s, u"KA"_s};
    return v;
}
const QStringList &notes()
{
    static const QStringList v = {u"Scratch on the rear bumper"_s, u"Regular check before the trip"_s,
                                  u"Client visit in Split"_s, u"Left mirror cracked in the car park"_s,
                                  u"Keys left at reception"_s};
    return v;
}

bool hasWord(const QStringList &words, std::initializer_list<const char16_t *> wanted)
{
    for (const char16_t *w : wanted) {
        if (words.contains(QString::fromUtf16(w)))
            return true;
    }
    return false;
}

// Patterns from specs are few and repeat; compile each once.
bool matchesPattern(const QString &pattern, const QString &value)
{
    static QMutex mutex;
    static QHash<QString, QRegularExpression> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(pattern));
    return !it->isValid() || it->match(value).hasMatch();
}

} // namespace

PlausibleValues::PlausibleValues(QRandomGenerator &rng, QDate today) : m_rng(rng), m_today(today) {}

int PlausibleValues::pick(int n)
{
    return n <= 1 ? 0 : int(m_rng.bounded(quint32(n)));
}

int PlausibleValues::between(int lo, int hi)
{
    return hi <= lo ? lo : lo + int(m_rng.bounded(quint32(hi - lo + 1)));
}

QJsonValue PlausibleValues::number(const QJsonObject &schema, const QString &name, bool integer)
{
    if (schema.contains(u"default"_s) && schema.value(u"default"_s).isDouble())
        return schema.value(u"default"_s);
    const QStringList w = TextFold::identifierWords(name);
    double lo = 1, hi = 100;
    if (hasWord(w, {u"percent", u"level", u"soc"})) {
        lo = 20;
        hi = 95;
    } else if (hasWord(w, {u"year"})) {
        lo = hi = m_today.year();
    } else if (hasWord(w, {u"km", u"mileage", u"odometer"})) {
        lo = 5000;
        hi = 150000;
    } else if (hasWord(w, {u"latitude", u"lat"})) {
        lo = hi = 45.815;
    } else if (hasWord(w, {u"longitude", u"lon", u"lng"})) {
        lo = hi = 15.982;
    } else if (hasWord(w, {u"amount", u"price", u"cost", u"total", u"net", u"vat", u"balance", u"budget",
                           u"spent", u"premium", u"deductible"})) {
        lo = 10;
        hi = 500;
    } else if (hasWord(w, {u"litres", u"liters", u"quantity"})) {
        lo = 20;
        hi = 60;
    } else if (hasWord(w, {u"passengers", u"seats", u"page"})) {
        lo = 1;
        hi = 4;
    } else if (hasWord(w, {u"size"})) {
        lo = hi = 20;
    }
    const auto bound = [&](const char16_t *key, const char16_t *exclusive, double fallback, double step) {
        if (schema.value(QString::fromUtf16(exclusive)).isDouble())
            return schema.value(QString::fromUtf16(exclusive)).toDouble() + step;
        return schema.value(QString::fromUtf16(key)).toDouble(fallback);
    };
    const double step = integer ? 1.0 : 0.01;
    const double min = bound(u"minimum", u"exclusiveMinimum", -1e18, step);
    const double max = bound(u"maximum", u"exclusiveMaximum", 1e18, -step);
    lo = qBound(min, lo, max);
    hi = qBound(min, hi, max);
    if (hi < lo)
        hi = lo;
    if (integer) {
        const qint64 a = qint64(std::ceil(lo));
        const qint64 b = qMax(a, qint64(std::floor(hi)));
        const qint64 span = qMin<qint64>(b - a, 1'000'000'000);
        return a + (span > 0 ? qint64(m_rng.bounded(quint32(span + 1))) : 0);
    }
    const double v = lo + (hi - lo) * m_rng.generateDouble();
    return qBound(min, std::round(v * 100) / 100, max);
}
QJsonValue PlausibleValues::string(const QJsonObject &schema, const QString &name)
{
    if (schema.value(u"default"_s).isString())
        return schema.value(u"default"_s);
    const QString format = schema.value(u"format"_s).toString();
    const QStringList w = TextFold::identifierWords(name);
    const QString last = w.isEmpty() ? QString() : w.last();
    const auto digits = [&](int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s.append(QChar(u'0' + pick(10)));
        return s;
    };
    QString s;
    if (format == u"date"_s) {
        s = m_today.addDays(between(0, 30)).toString(Qt::ISODate);
    } else if (format == u"date-time"_s) {
        const QDateTime when(m_today.addDays(between(0, 30)), QTime(between(6, 18), 15 * pick(4)),
                             QTimeZone::utc());
        s = when.toString(Qt::ISODate);
    } else if (format == u"time"_s || format == u"partial-time"_s) {
        s = QTime(between(6, 20), 15 * pick(4)).toString(u"HH:mm:ss"_s);
    } else if (format == u"uuid"_s) {
        QString hex;
        for (int i = 0; i < 32; ++i)
            hex.append(QString::number(pick(16), 16));
        hex[12] = u'4';
        hex[16] = QString::number(8 + pick(4), 16).at(0);
        s = hex.left(8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' + hex.mid(20);
    } else if (format == u"email"_s || last == u"email"_s) {
        s = TextFold::fold(firstNames().at(pick(6)) + u'.' + lastNames().at(pick(6)))
            + u"@mobilityone.example"_s;
    } else if (format == u"uri"_s || format == u"url"_s || last == u"url"_s) {
        s = u"https://files.mobilityone.example/"_s + digits(8);
    } else if (format == u"byte"_s || hasWord(w, {u"base64"})) {
        s = u"UERGLTEuNA=="_s;
    } else if (hasWord(w, {u"plate", u"registration"})) {
        s = areas().at(pick(int(areas().size()))) + u'-' + digits(4) + u'-'
            + QChar(u'A' + pick(26)) + QChar(u'A' + pick(26));
    } else if (last == u"vin"_s) {
        static const QString alphabet = u"ABCDEFGHJKLMNPRSTUVWXYZ0123456789"_s;
        s = u"TMB"_s;
        while (s.size() < 17)
            s.append(alphabet.at(pick(int(alphabet.size()))));
    } else if (last == u"currency"_s) {
        s = u"EUR"_s;
    } else if (last == u"country"_s || hasWord(w, {u"countries"})) {
        s = u"HR"_s;
    } else if (hasWord(w, {u"phone", u"mobile", u"hotline", u"msisdn"})) {
        s = u"+3859"_s + digits(8);
    } else if (last == u"id"_s || last == u"ids"_s) {
        const QString owner = w.size() > 1 ? w.at(w.size() - 2) : u"obj"_s;
        s = owner.left(3) + u'_' + digits(6);
    } else if (last == u"period"_s || last == u"month"_s) {
        s = m_today.toString(u"yyyy-MM"_s);
    } else if (hasWord(w, {u"hours", u"time"})) {
        s = QTime(between(6, 20), 0).toString(u"HH:mm"_s);
    } else if (last == u"firstname"_s || (w.size() > 1 && w.at(w.size() - 2) == u"first"_s && last == u"name"_s)) {
        s = firstNames().at(pick(6));
    } else if (w.size() > 1 && w.at(w.size() - 2) == u"last"_s && last == u"name"_s) {
        s = lastNames().at(pick(6));
    } else if (last == u"make"_s || last == u"brand"_s) {
        s = makes().at(pick(int(makes().size())));
    } else if (last == u"model"_s) {
        s = models().at(pick(int(models().size())));
    } else if (last == u"city"_s) {
        s = cities().at(pick(int(cities().size())));
    } else if (hasWord(w, {u"street", u"address"})) {
        s = u"Savska cesta "_s + QString::number(between(1, 120)) + u", Zagreb"_s;
    } else if (hasWord(w, {u"postal", u"zip"})) {
        s = u"10000"_s;
    } else if (hasWord(w, {u"colour", u"color"})) {
        static const QStringList colours = {u"white"_s, u"grey"_s, u"black"_s, u"blue"_s};
        s = colours.at(pick(4));
    } else if (last == u"name"_s && hasWord(w, {u"file"})) {
        s = u"document-"_s + digits(3) + u".pdf"_s;
    } else if (last == u"name"_s && hasWord(w, {u"station", u"location", u"workshop", u"storage", u"depot"})) {
        s = w.first().left(1).toUpper() + w.first().mid(1) + u' ' + cities().at(pick(int(cities().size())));
    } else if (last == u"name"_s) {
        s = firstNames().at(pick(6)) + u' ' + lastNames().at(pick(6));
    } else if (hasWord(w, {u"number", u"reference", u"code", u"key"})) {
        s = u"M1-"_s + digits(6);
    } else if (hasWord(w, {u"type"}) && hasWord(w, {u"content", u"mime"})) {
        s = u"image/jpeg"_s;
    } else if (hasWord(w, {u"description", u"note", u"notes", u"comment", u"reason", u"body", u"details",
                           u"message", u"text", u"subject", u"title", u"caption", u"problem", u"explanation",
                           u"destination", u"purpose", u"summary"})) {
        s = notes().at(pick(int(notes().size())));
    } else {
        s = u"example-"_s + digits(4);
    }
    const int minLength = schema.value(u"minLength"_s).toInt(0);
    const int maxLength = schema.contains(u"maxLength"_s) ? schema.value(u"maxLength"_s).toInt() : -1;
    while (s.size() < minLength)
        s.append(u'x');
    if (maxLength >= 0 && s.size() > maxLength)
        s.truncate(maxLength);
    const QString pattern = schema.value(u"pattern"_s).toString();
    if (!pattern.isEmpty() && !matchesPattern(pattern, s)) {
        // Shapes that patterns in fleet APIs usually ask for.
        const QStringList candidates = {m_today.toString(u"yyyy-MM"_s), u"08:00"_s, m_today.toString(Qt::ISODate),
                                        u"ZG-1234-AB"_s, u"ABC123"_s, u"12345"_s, u"abc"_s, u"A"_s};
        for (const QString &c : candidates) {
            if (matchesPattern(pattern, c)) {
                s = c;
                break;
            }
        }
    }
    return s;
}
} // namespace m1
