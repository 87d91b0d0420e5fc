// libFuzzer target: bytes as a Redis server would send them (RESP2), read by hiredis' reader the
// way RedisConnection reads its socket, converted to RedisReply (HiredisReply), then handed to
// the code that interprets replies: the handshake, transactions, the script cache, the rate
// limiter, the deduplicator, the turn loader (state and history blobs) and the inbound stream
// reader (stream records). A scripted store answers each command with the next reply, so the
// consumers run unchanged, with no server and no event loop.
//
// hiredis itself is Debian's uninstrumented build: the fuzzer gets no coverage from inside
// its reader, only from our code behind it.

#include "fuzzsupport.h"

#include "conversation/conversationscripts.h"
#include "conversation/deduplicator.h"
#include "conversation/redisratelimiter.h"
#include "conversation/turnloader.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "pipeline/inboundqueue.h"
#include "store/hiredisreply.h"
#include "store/keyvaluestore.h"
#include "store/redishandshake.h"
#include "store/redisscriptcache.h"
#include "store/streamid.h"

#include <hiredis/hiredis.h>

namespace m1::fuzz {
namespace {

// Answers every command with the next scripted reply (nil once they run out).
class ScriptedStore final : public KeyValueStore
{
public:
    void setReplies(QList<RedisReply> replies)
    {
        m_replies = std::move(replies);
        m_next = 0;
    }

    QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override
    {
        QList<RedisReply> out;
        out.reserve(commands.size());
        for (qsizetype i = 0; i < commands.size(); ++i)
            out.append(m_next < m_replies.size() ? m_replies.at(m_next++) : RedisReply::nil());
        return QtFuture::makeReadyFuture(out);
    }
    QString description() const override { return QStringLiteral("scripted (fuzz)"); }
    bool isConnected() const override { return true; }

private:
    QList<RedisReply> m_replies;
    qsizetype m_next = 0;
};

struct World
{
    ManualClock clock;
    MetricsRegistry metrics { clock };
    ScriptedStore store;
    TurnLoader turns { store, ConversationConfig {}, metrics };
    Deduplicator dedup { store, 60'000, clock, metrics };
    InboundQueue queue { store };
};

World *world = nullptr;

QList<RedisReply> readReplies(const uint8_t *data, size_t size)
{
    QList<RedisReply> replies;
    redisReader *reader = redisReaderCreate();
    if (redisReaderFeed(reader, reinterpret_cast<const char *>(data), size) == REDIS_OK) {
        // A protocol error ends the stream, as it ends the connection.
        for (int i = 0; i < 64; ++i) {
            void *reply = nullptr;
            if (redisReaderGetReply(reader, &reply) != REDIS_OK || !reply)
                break;
            replies.append(HiredisReply::convert(static_cast<redisReply *>(reply)));
            freeReplyObject(reply);
        }
    }
    redisReaderFree(reader);
    return replies;
}

void inspect(const RedisReply &reply)
{
    FUZZ_CHECK(reply.wireSize() > 0);
    (void)reply.toDebugString();
    (void)reply.errorCode();
    (void)reply.errorMessage();
    (void)reply.toOptionalBytes();
    bool ok = false;
    (void)reply.toInteger(&ok);
    if (reply.isString())
        (void)StreamId::parse(reply.bytes());
    (void)RedisRateLimiter::parse(reply);
    (void)world->dedup.verdict(reply);
    for (const RedisReply &element : reply.elements())
        inspect(element);
}

} // namespace
} // namespace m1::fuzz

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    m1::fuzz::quietQt();
    m1::fuzz::world = new m1::fuzz::World;
    return 0;
}

// hiredis 0.14 (Debian 12) has no cap on an array's declared length (hiredis 1.0 added
// maxelements): "*735689601\r\n" makes its reader calloc 5.8 GB before a single element
// arrives. The bytes come from our own Redis server, a trusted peer, and that allocation is
// inside the library, not in our reply handling; inputs declaring more elements than any reply
// we read could hold are left out so the fuzzer keeps testing our code.
static bool declaresHugeArray(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < size; ++i) {
        if (data[i] != '*')
            continue;
        quint64 count = 0;
        for (size_t j = i + 1; j < size && data[j] >= '0' && data[j] <= '9'; ++j) {
            count = count * 10 + quint64(data[j] - '0');
            if (count > 1'000'000)
                return true;
        }
    }
    return false;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace m1;
    using fuzz::world;
    if (declaresHugeArray(data, size))
        return -1;
    const QList<RedisReply> replies = fuzz::readReplies(data, size);
    for (const RedisReply &reply : replies)
        fuzz::inspect(reply);

    (void)RedisHandshake::refusal(replies);
    const qsizetype inner = qMax<qsizetype>(0, replies.size() - 2);
    FUZZ_CHECK(KeyValueStore::unwrapTransaction(replies, inner).size() == inner);

    QList<RedisCommand> scripts;
    for (qsizetype i = 0; i < replies.size(); ++i)
        scripts.append(RedisCommand::evalSha(ConversationScripts::turnGate(), { "k" }, { "a" }));
    for (const qsizetype at : RedisScriptCache::missing(scripts, replies))
        FUZZ_CHECK(at >= 0 && at < replies.size());

    const TurnRequest request { QStringLiteral("385991234567"), QStringLiteral("wamid.fuzz"),
                                world->clock.nowMs() };
    (void)world->turns.parseLoad(request, replies.mid(0, 2));

    // The stream reader takes the replies in order, one per call.
    world->store.setReplies(replies);
    (void)world->queue.ensureGroup();
    (void)world->queue.read("fuzz-consumer", 10);
    (void)world->queue.claimIdle("fuzz-consumer", 60'000, 10);
    (void)world->queue.length();
    (void)world->queue.pendingCount();
    (void)world->queue.ack({ "1-1", "1-2" });
    return 0;
}
