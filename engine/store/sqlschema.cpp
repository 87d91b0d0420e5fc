#include "store/sqlschema.h"

using namespace Qt::StringLiterals;

namespace m1 {

// Times are epoch milliseconds in BIGINT columns: the same on both databases and free of time
// zone conversions. Text columns are NOT NULL with '' for "unknown" so equality and unique
// keys behave the same everywhere (NULLs never collide in a unique index).
const QList<SqlMigration> &SqlSchema::migrations()
{
    static const QList<SqlMigration> all = {
        { 1,
          u"users"_s,
          { u"CREATE TABLE users ("
            u" ${id},"
            u" phone TEXT NOT NULL UNIQUE,"
            u" person_id TEXT NOT NULL DEFAULT '',"
            u" tenant TEXT NOT NULL DEFAULT '',"
            u" name TEXT NOT NULL DEFAULT '',"
            u" default_vehicle_id TEXT NOT NULL DEFAULT '',"
            u" language TEXT NOT NULL DEFAULT '',"
            u" created_at_ms BIGINT NOT NULL,"
            u" updated_at_ms BIGINT NOT NULL)"_s } },
        { 2,
          u"message log"_s,
          { u"CREATE TABLE message_log ("
            u" ${id},"
            u" message_id TEXT NOT NULL UNIQUE,"
            u" phone TEXT NOT NULL,"
            u" direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
            u" text TEXT NOT NULL DEFAULT '',"
            u" tool_id TEXT NOT NULL DEFAULT '',"
            u" latency_ms INTEGER NOT NULL DEFAULT 0,"
            u" time_ms BIGINT NOT NULL)"_s,
            u"CREATE INDEX message_log_phone_time ON message_log (phone, time_ms)"_s,
            u"CREATE INDEX message_log_time ON message_log (time_ms)"_s } },
        { 3,
          u"tool evaluations"_s,
          { u"CREATE TABLE tool_evaluations ("
            u" tool_id TEXT NOT NULL,"
            u" phone TEXT NOT NULL DEFAULT '',"
            u" successes BIGINT NOT NULL DEFAULT 0,"
            u" failures BIGINT NOT NULL DEFAULT 0,"
            u" corrections BIGINT NOT NULL DEFAULT 0,"
            u" updated_at_ms BIGINT NOT NULL,"
            u" PRIMARY KEY (tool_id, phone))"_s } },
        // Delivery statuses of the bot's replies, against message_log.message_id (no foreign
        // key: a status can arrive before its reply's row is written, or for a message another
        // system sent from the same number). The unique key makes Meta's redeliveries no-ops
        // and serves the lookups by message id.
        { 4,
          u"message statuses"_s,
          { u"CREATE TABLE message_statuses ("
            u" ${id},"
            u" message_id TEXT NOT NULL,"
            u" phone TEXT NOT NULL DEFAULT '',"
            u" status TEXT NOT NULL,"
            u" error_code INTEGER NOT NULL DEFAULT 0,"
            u" error_text TEXT NOT NULL DEFAULT '',"
            u" time_ms BIGINT NOT NULL,"
            u" UNIQUE (message_id, status))"_s,
            u"CREATE INDEX message_statuses_time ON message_statuses (time_ms)"_s } },
    };
    return all;
}

int SqlSchema::latestVersion()
{
    return migrations().isEmpty() ? 0 : migrations().constLast().version;
}

} // namespace m1
