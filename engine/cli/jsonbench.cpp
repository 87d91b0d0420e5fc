#include "cli/jsonbench.h"

#include "cli/benchstats.h"

#include "channel/inboundmessage.h"
#include "channel/webhookparser.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationsession.h"
#include "conversation/conversationstate.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Visits every value so neither parser gets away with laziness; returns something derived from
// the values so the work cannot be optimised out.
size_t visitQt(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        size_t n = 0;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            n += size_t(it.key().size()) + visitQt(it.value());
        return n;
    }
    case QJsonValue::Array: {
        size_t n = 0;
        for (const QJsonValue &e : v.toArray())
            n += visitQt(e);
        return n;
    }
    case QJsonValue::String:
        return size_t(v.toString().size());
    default:
        return 1;
    }
}

size_t visitSimd(simdjson::dom::element e)
{
    switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
        size_t n = 0;
        for (const auto field : simdjson::dom::object(e))
            n += field.key.size() + visitSimd(field.value);
        return n;
    }
    case simdjson::dom::element_type::ARRAY: {
        size_t n = 0;
        for (const simdjson::dom::element child : simdjson::dom::array(e))
            n += visitSimd(child);
        return n;
    }
    case simdjson::dom::element_type::STRING:
        // Decoded to UTF-16 as the engine would need it, as QJsonValue::toString() does.
        return size_t(QString::fromUtf8(std::string_view(e).data(), qsizetype(std::string_view(e).size())).size());
    default:
        return 1;
    }
}

// Microseconds per call: the median over `rounds` of the mean over `iterations` calls.
double timeUs(int rounds, int iterations, const std::function<size_t()> &fn)
{
    QList<double> samples;
    volatile size_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < iterations; ++i)
            sink = sink + fn();
        samples.append(double(t.nsecsElapsed()) / 1000.0 / iterations);
    }
    return std::round(BenchStats(samples).median() * 1000) / 1000;
}

struct Document
{
    QString kind;
    QByteArray json;
    std::function<size_t()> engine; // the engine's own decoder of this document
};

QList<Document> documents()
{
    WebhookPayloadBuilder one;
    one.text(u"385911234567"_s, u"book a pool car tomorrow 8-12"_s);
    WebhookPayloadBuilder batch;
    batch.text(u"385911234567"_s, u"book a pool car tomorrow 8-12"_s)
        .buttonReply(u"385911234568"_s, u"confirm"_s, u"Confirm"_s, u"wamid.ctx"_s)
        .location(u"385911234569"_s, 45.815, 15.9819, u"HQ"_s, u"Ulica grada Vukovara 1"_s)
        .status(u"wamid.out.1"_s, u"385911234567"_s, u"delivered"_s)
        .status(u"wamid.out.2"_s, u"385911234568"_s, u"read"_s)
        .failedStatus(u"wamid.out.3"_s, u"385911234569"_s, 131047, u"Re-engagement message"_s);

    InboundMessage message;
    message.messageId = u"wamid.HBgLMzg1OTExMjM0NTY3FQIAEhggQTFCMkMzRDRFNUY2"_s;
    message.from = u"385911234567"_s;
    message.phoneNumberId = u"106540352242922"_s;
    message.profileName = u"Ana Horvat"_s;
    message.timestampSec = 1749416383;
    message.type = InboundMessage::Type::Text;
    message.waType = u"text"_s;
    message.text = u"book a pool car tomorrow 8-12"_s;

    // A booking half way: tool chosen, two parameters filled, twenty messages of history.
    ConversationSession session(u"385911234567"_s, ConversationState {}, ConversationHistory(20), false,
                                1'749'416'383'000);
    session.setLanguage(u"hr"_s);
    session.chooseTool(u"createPoolBooking"_s, { u"locationId"_s, u"purpose"_s, u"startAt"_s, u"endAt"_s });
    session.fillParameter(u"startAt"_s, u"2025-06-09T08:00:00+02:00"_s, ParameterSource::Message);
    session.fillParameter(u"endAt"_s, u"2025-06-09T12:00:00+02:00"_s, ParameterSource::Message);
    for (int i = 0; i < 10; ++i) {
        session.addUserMessage(u"trebam auto sutra od 8 do 12, lokacija Zagreb "_s + QString::number(i),
                               u"wamid.h"_s + QString::number(i));
        session.addBotMessage(u"Molim potvrdite rezervaciju vozila ZG-1234-AB za sutra od 08:00 do 12:00."_s);
    }
    const QByteArray state = session.state().toJson();
    const QByteArray history = session.history().toJson();
    const QByteArray record = message.toJson();
    const QByteArray oneBody = one.body();
    const QByteArray batchBody = batch.body();
    static const WebhookParser parser;
    return {
        { u"webhook_body"_s, oneBody, [oneBody] { return size_t(parser.parse(oneBody).messages.size()); } },
        { u"webhook_batch"_s, batchBody, [batchBody] { return size_t(parser.parse(batchBody).messages.size()); } },
        { u"stream_record"_s, record, [record] { return size_t(InboundMessage::fromJson(record).has_value()); } },
        { u"state"_s, state, [state] { return size_t(ConversationState::fromJson(state).has_value()); } },
        { u"history"_s, history,
          [history] { return size_t(ConversationHistory::fromJson(history, 20).has_value()); } },
    };
}

} // namespace

bool JsonBench::run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx)
{
    Q_UNUSED(ctx);
    QJsonObject qt;
    QJsonObject simd;
    QJsonObject engine;
    QJsonObject bytes;
    simdjson::dom::parser parser;
    const int rounds = std::max(3, settings.repeat);
    for (const Document &d : documents()) {
        const int iterations = std::max(200, int(2'000'000 / std::max<qsizetype>(1, d.json.size())));
        const simdjson::padded_string padded(d.json.constData(), size_t(d.json.size()));
        qt.insert(d.kind, timeUs(rounds, iterations, [&d] {
            return visitQt(QJsonDocument::fromJson(d.json).object());
        }));
        simd.insert(d.kind, timeUs(rounds, iterations, [&] {
            simdjson::dom::element root;
            return parser.parse(padded).get(root) == simdjson::SUCCESS ? visitSimd(root) : 0;
        }));
        engine.insert(d.kind, timeUs(rounds, iterations, d.engine));
        bytes.insert(d.kind, int(d.json.size()));
    }
    report.insert(u"json_qt_us"_s, qt);
    report.insert(u"json_simdjson_us"_s, simd);
    report.insert(u"json_engine_us"_s, engine);
    report.insert(u"json_bytes"_s, bytes);
    return true;
}

} // namespace m1
