#pragma once

// The SQL side of a running bot, for every front that runs the pipeline (`m1bot serve`,
// `m1bot chat`): opens and migrates the database, and attaches it to a BotPipeline —
//
//   - each turn starts from the user's profile (the users table, cached);
//   - each incoming message is logged after its turn, each reply after its send (under its
//     wamid), and Meta's delivery statuses are kept against those replies;
//   - each tool call's outcome goes to the evaluations, which also steer the search.
//
// Writes go through one batch writer off the message path; stop() (or the destructor) drains it.
//
//   auto sql = SqlPersistence::open(url, clock, &error);        // nullptr: refuse to start
//   SearchFactory::build(config, registry, clock, sql->usageStats());
//   sql->attach(pipeline);                                      // before pipeline.start()
//   ... pipeline.stop(); sql->stop();                           // workers first, then drain

#include "pipeline/workerpool.h"
#include "store/sqlurl.h"

#include <QString>

#include <memory>

namespace m1 {

class BotPipeline;
class Clock;
class SqlBatchWriter;
class SqlDatabase;
class UsageStats;

class SqlPersistence
{
public:
    // Opens the database, starts the writer and reads the evaluations; nullptr with *error.
    static std::unique_ptr<SqlPersistence> open(const SqlUrl &url, const Clock &clock,
                                                QString *error);
    ~SqlPersistence(); // stop()
    SqlPersistence(const SqlPersistence &) = delete;
    SqlPersistence &operator=(const SqlPersistence &) = delete;

    // The search's usage statistics, backed by the evaluations.
    std::shared_ptr<UsageStats> usageStats() const;
    // Sets the pipeline's profile lookup and its trace, reply and status handlers (`alsoTrace`,
    // when set, sees each turn after it was logged). Before pipeline.start(); the pipeline's
    // workers must stop before this object goes away.
    void attach(BotPipeline &pipeline, TraceHandler alsoTrace = {});
    // Writes everything queued and stops the writer; returns the entries that could not be
    // written (the database stayed unreachable). Safe to call more than once.
    quint64 stop();

    const SqlDatabase &database() const;
    SqlBatchWriter &writer();

private:
    struct Parts;
    explicit SqlPersistence(std::unique_ptr<Parts> parts);

    std::unique_ptr<Parts> m_p;
};

} // namespace m1
