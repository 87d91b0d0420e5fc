#include "facade/sqlpersistence.h"

#include "agent/turntrace.h"
#include "channel/inboundmessage.h"
#include "channel/messagestatus.h"
#include "core/clock.h"
#include "facade/pipelinelogentries.h"
#include "facade/sqlprofilelookup.h"
#include "facade/sqlusagestats.h"
#include "pipeline/botpipeline.h"
#include "store/sqlbatchwriter.h"
#include "store/sqldatabase.h"
#include "store/toolevaluations.h"
#include "store/userrepository.h"

using namespace Qt::StringLiterals;

namespace m1 {

// Declared in the order they depend on each other, so they are destroyed the other way round:
// the writer is drained before the tables and the database go.
struct SqlPersistence::Parts
{
    Parts(std::unique_ptr<SqlDatabase> database, const Clock &c)
        : clock(c)
        , db(std::move(database))
        , users(*db, clock)
        , evaluations(*db, clock)
        , writer(*db, clock)
        , usage(std::make_shared<SqlUsageStats>(evaluations, writer))
        , profiles(users, clock)
    {
    }

    const Clock &clock;
    const std::unique_ptr<SqlDatabase> db;
    UserRepository users;
    ToolEvaluations evaluations;
    SqlBatchWriter writer;
    const std::shared_ptr<SqlUsageStats> usage;
    SqlProfileLookup profiles;
};

std::unique_ptr<SqlPersistence> SqlPersistence::open(const SqlUrl &url, const Clock &clock,
                                                     QString *error)
{
    std::unique_ptr<SqlDatabase> db = SqlDatabase::open(url, clock, error);
    if (!db)
        return nullptr;
    std::unique_ptr<SqlPersistence> persistence(
        new SqlPersistence(std::make_unique<Parts>(std::move(db), clock)));
    persistence->m_p->writer.start();
    if (const QString loadError = persistence->m_p->usage->load(); !loadError.isEmpty()) {
        *error = u"cannot read the tool evaluations: "_s + loadError;
        return nullptr;
    }
    return persistence;
}

SqlPersistence::SqlPersistence(std::unique_ptr<Parts> parts)
    : m_p(std::move(parts))
{
}

SqlPersistence::~SqlPersistence()
{
    stop();
}

std::shared_ptr<UsageStats> SqlPersistence::usageStats() const
{
    return m_p->usage;
}

void SqlPersistence::attach(BotPipeline &pipeline, TraceHandler alsoTrace)
{
    Parts *p = m_p.get();
    pipeline.setProfileLookup([p](const QString &phone) { return p->profiles.lookup(phone); });
    pipeline.setTraceHandler(
        [p, also = std::move(alsoTrace)](const InboundMessage &m, const TurnTrace &t) {
            p->writer.logMessage(PipelineLogEntries::incoming(m, t, p->clock.nowMs()));
            if (t.executeUs > 0 && !t.chosenToolId.isEmpty())
                p->usage->recordOutcome(m.from, t.chosenToolId,
                                        t.error.isEmpty() && t.httpStatus < 400);
            if (also)
                also(m, t);
        });
    pipeline.setReplyHandler([p](const SentReply &reply) {
        if (reply.message.kind == OutboundMessage::Kind::MarkRead)
            return; // a receipt, not a message anyone reads
        const qint64 now = p->clock.nowMs();
        p->writer.logMessage(PipelineLogEntries::outgoing(reply, now));
        if (const std::optional<MessageStatusEntry> failed
            = PipelineLogEntries::sendFailure(reply, now))
            p->writer.recordStatus(*failed);
    });
    pipeline.setStatusHandler([p](const QList<MessageStatus> &statuses) {
        const qint64 now = p->clock.nowMs();
        for (const MessageStatus &s : statuses)
            p->writer.recordStatus(PipelineLogEntries::status(s, now));
    });
}

quint64 SqlPersistence::stop()
{
    return m_p->writer.stop();
}

const SqlDatabase &SqlPersistence::database() const
{
    return *m_p->db;
}

SqlBatchWriter &SqlPersistence::writer()
{
    return m_p->writer;
}

} // namespace m1
