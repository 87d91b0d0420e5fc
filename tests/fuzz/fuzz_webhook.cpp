// libFuzzer target: the raw body of a WhatsApp Cloud API webhook POST, as WebhookServer hands it
// over after the signature check: WebhookParser (depth pre-scan, JSON, Meta's shapes), then
// the stream records every message and status becomes (toJson) read back the way the workers
// read them (simdjson), which must give the same value again.

#include "fuzzsupport.h"

#include "channel/webhookparser.h"
#include "channel/webhooksignature.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    m1::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace m1;
    const QByteArray body = fuzz::bytesOf(data, size);

    // The signature is checked over exactly these bytes before anything parses them.
    static const WebhookSignature signature(QByteArrayLiteral("fuzz-app-secret"));
    FUZZ_CHECK(signature.verify(body, signature.headerFor(body)));
    FUZZ_CHECK(!signature.verify(body, body.left(71)));

    const WebhookParser parser;
    const WebhookBatch batch = parser.parse(body);
    if (batch.isFatal()) {
        FUZZ_CHECK(batch.messages.isEmpty() && batch.statuses.isEmpty());
        return 0;
    }
    // One summary line stands for the problems past the limit.
    FUZZ_CHECK(batch.problems.size() <= parser.limits().maxProblems + 1);

    // InboundMessage and MessageStatus promise an exact round trip through their records.
    for (const InboundMessage &message : batch.messages) {
        QString error;
        const std::optional<InboundMessage> back = InboundMessage::fromJson(message.toJson(), &error);
        FUZZ_CHECK(back.has_value());
        FUZZ_CHECK(*back == message);
    }
    for (const MessageStatus &status : batch.statuses) {
        QString error;
        const std::optional<MessageStatus> back = MessageStatus::fromJson(status.toJson(), &error);
        FUZZ_CHECK(back.has_value());
        FUZZ_CHECK(*back == status);
    }
    return 0;
}
