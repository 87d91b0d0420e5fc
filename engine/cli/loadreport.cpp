#include "cli/loadreport.h"

#include "cli/benchstats.h"
#include "cli/loadrundata.h"
#include "cli/servechild.h"

#include <QJsonArray>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

double round2(double v)
{
    return std::round(v * 100) / 100;
}

double seconds(qint64 ns, qint64 fromNs)
{
    return ns > 0 ? round2(double(ns - fromNs) / 1e9) : -1.0;
}

// Counters of every life of one child, added up.
QJsonObject childCounters(const LoadRunData::Child &child)
{
    const QStringList names = ServeChild::sampledCounters();
    const QStringList fields { u"turns"_s, u"reclaimed"_s, u"duplicates_dropped"_s, u"failures"_s,
                               u"resends_skipped"_s };
    QJsonObject out;
    for (qsizetype i = 0; i < names.size(); ++i) {
        double sum = 0;
        for (const QHash<QString, double> &life : child.lives)
            sum += life.value(names.at(i));
        out.insert(fields.at(i), sum);
    }
    return out;
}

QString number(const QJsonObject &o, const QString &key)
{
    const double v = o.value(key).toDouble();
    return v == std::floor(v) && std::abs(v) < 1e15 ? QString::number(qint64(v)) : QString::number(v, 'f', 2);
}

} // namespace

QJsonObject LoadReport::toJson(const LoadRunData &run)
{
    const LoadSettings &s = run.settings;
    int accepted = 0, rejected = 0, posts = 0, replies = 0, replied = 0, lost = 0, recorded = 0;
    int duplicated = 0, extra = 0, unacceptedReplied = 0, inDoubt = 0, inDoubtUnreplied = 0;
    qint64 lastReplyNs = 0;
    QList<double> acceptMs;
    QList<double> replyMs;
    for (size_t i = 0; i < run.outcomes.size(); ++i) {
        const LoadBalancingClient::Outcome &o = run.outcomes[i];
        const int count = run.replyCounts[i];
        posts += o.attempts;
        replies += count;
        replied += count > 0 ? 1 : 0;
        if (count > 1) {
            ++duplicated;
            extra += count - 1;
        }
        if (count > 0) {
            replyMs.append(double(run.firstReplyNs[i] - o.dueNs) / 1e6);
            lastReplyNs = std::max(lastReplyNs, run.firstReplyNs[i]);
        }
        if (run.unansweredReason[i] == u"in_doubt"_s) {
            // A reclaimed delivery found its reply reserved by the killed process: whether that
            // one had sent it, only the Graph API stand-in knows.
            ++inDoubt;
            inDoubtUnreplied += count == 0 ? 1 : 0;
        }
        if (o.acceptedNs == 0) {
            ++rejected;
            unacceptedReplied += count > 0 ? 1 : 0;
            continue;
        }
        ++accepted;
        acceptMs.append(double(o.acceptedNs - o.dueNs) / 1e6);
        if (count == 0) {
            if (!run.unansweredReason[i].isEmpty())
                ++recorded;
            else
                ++lost;
        }
    }
    const BenchStats accept(acceptMs);
    const BenchStats reply(replyMs);
    QJsonObject load {
        { u"rate"_s, s.rate },
        { u"duration_s"_s, s.durationS },
        { u"processes"_s, s.processes },
        { u"workers"_s, s.workers },
        { u"claim_idle_ms"_s, s.claimIdleMs },
        { u"sent"_s, int(run.outcomes.size()) },
        { u"posts"_s, posts },
        { u"accepted"_s, accepted },
        { u"rejected"_s, rejected },
        { u"retried"_s, run.retries },
        { u"replies"_s, replies },
        { u"replied"_s, replied },
        { u"lost"_s, lost },
        { u"unanswered_recorded"_s, recorded },
        { u"in_doubt"_s, inDoubt },
        { u"in_doubt_unreplied"_s, inDoubtUnreplied },
        { u"duplicated"_s, duplicated },
        { u"extra_replies"_s, extra },
        { u"unaccepted_replied"_s, unacceptedReplied },
        { u"stray_replies"_s, run.strayReplies },
        { u"graph_api_refused"_s, run.graphRefused },
        { u"accept_p50_ms"_s, round2(accept.median()) },
        { u"accept_p99_ms"_s, round2(accept.percentile(99)) },
        { u"accept_max_ms"_s, round2(accept.max()) },
        { u"reply_p50_ms"_s, round2(reply.median()) },
        { u"reply_p99_ms"_s, round2(reply.percentile(99)) },
        { u"reply_max_ms"_s, round2(reply.max()) },
        { u"replied_per_s"_s,
          lastReplyNs > run.startNs ? std::round(double(replied) / (double(lastReplyNs - run.startNs) / 1e9))
                                    : 0.0 },
        { u"send_s"_s, seconds(run.sentNs, run.startNs) },
        { u"drained"_s, run.drainedNs > 0 },
        { u"drain_s"_s, run.drainedNs > 0 ? seconds(run.drainedNs, run.sentNs) : -1.0 },
        { u"store"_s, run.store },
    };
    if (run.victim >= 0) {
        load.insert(u"kill"_s,
                    QJsonObject { { u"process"_s, run.victim },
                                  { u"signal"_s, u"SIGKILL"_s },
                                  { u"at_s"_s, seconds(run.killNs, run.startNs) },
                                  { u"restarted_at_s"_s, seconds(run.restartNs, run.startNs) },
                                  { u"healthy_at_s"_s, seconds(run.healthyAgainNs, run.startNs) } });
    }
    QJsonArray perProcess;
    for (qsizetype i = 0; i < run.children.size(); ++i) {
        const LoadRunData::Child &child = run.children.at(i);
        const LoadBalancingClient::BackendStats stats
            = size_t(i) < run.backends.size() ? run.backends[size_t(i)] : LoadBalancingClient::BackendStats {};
        QJsonObject p = childCounters(child);
        p.insert(u"index"_s, int(i));
        p.insert(u"port"_s, int(child.port));
        p.insert(u"lives"_s, int(child.lives.size()));
        p.insert(u"posts"_s, stats.posts);
        p.insert(u"accepted"_s, stats.accepted);
        p.insert(u"failed_posts"_s, stats.failed);
        p.insert(u"exit_code"_s, child.exitCode);
        perProcess.append(p);
    }
    load.insert(u"per_process"_s, perProcess);
    return load;
}

bool LoadReport::passed(const QJsonObject &load)
{
    return load.value(u"lost"_s).toInt() == 0 && load.value(u"duplicated"_s).toInt() == 0
        && load.value(u"drained"_s).toBool();
}

QString LoadReport::toText(const QJsonObject &load)
{
    const auto n = [&load](const QString &key) { return number(load, key); };
    QString t;
    t += u"m1bot bench --load: "_s + n(u"processes"_s) + u" × m1bot serve ("_s + n(u"workers"_s)
        + u" workers each, claim-idle "_s + n(u"claim_idle_ms"_s) + u" ms) on one redis-server; "_s
        + n(u"rate"_s) + u" messages/s for "_s + n(u"duration_s"_s) + u" s\n"_s;
    if (load.contains(u"kill"_s)) {
        const QJsonObject k = load.value(u"kill"_s).toObject();
        t += u"  process "_s + number(k, u"process"_s) + u" SIGKILLed at "_s + number(k, u"at_s"_s)
            + u" s, restarted at "_s + number(k, u"restarted_at_s"_s) + u" s, healthy again at "_s
            + number(k, u"healthy_at_s"_s) + u" s\n"_s;
    }
    t += u"\nmessages  sent "_s + n(u"sent"_s) + u", accepted "_s + n(u"accepted"_s) + u", rejected "_s
        + n(u"rejected"_s) + u", retried "_s + n(u"retried"_s) + u" (deliveries beyond the first)\n"_s;
    t += u"replies   "_s + n(u"replies"_s) + u" to "_s + n(u"replied"_s) + u" messages; lost "_s + n(u"lost"_s)
        + u", duplicated "_s + n(u"duplicated"_s) + u", unanswered with a record "_s
        + n(u"unanswered_recorded"_s) + u"\n"_s;
    t += u"in doubt  "_s + n(u"in_doubt"_s) + u" messages whose reply the killed process had reserved; "_s
        + n(u"in_doubt_unreplied"_s) + u" of them it had not sent (recorded, not answered)\n"_s;
    t += u"latency   webhook accept   p50 "_s + n(u"accept_p50_ms"_s) + u" ms   p99 "_s + n(u"accept_p99_ms"_s)
        + u" ms   max "_s + n(u"accept_max_ms"_s) + u" ms\n"_s;
    t += u"          POST to reply    p50 "_s + n(u"reply_p50_ms"_s) + u" ms   p99 "_s + n(u"reply_p99_ms"_s)
        + u" ms   max "_s + n(u"reply_max_ms"_s) + u" ms\n"_s;
    t += load.value(u"drained"_s).toBool()
        ? u"drain     queue empty "_s + n(u"drain_s"_s) + u" s after the last POST\n"_s
        : u"drain     the queue did NOT empty in time\n"_s;
    t += u"\nprocess  port   lives  accepted  failed POSTs  turns  reclaimed  dup. dropped  resends skipped  exit\n"_s;
    for (const QJsonValue &v : load.value(u"per_process"_s).toArray()) {
        const QJsonObject p = v.toObject();
        const auto cell = [&p](const QString &key, int width) { return number(p, key).leftJustified(width); };
        t += cell(u"index"_s, 9) + cell(u"port"_s, 7) + cell(u"lives"_s, 7) + cell(u"accepted"_s, 10)
            + cell(u"failed_posts"_s, 14) + cell(u"turns"_s, 7) + cell(u"reclaimed"_s, 11)
            + cell(u"duplicates_dropped"_s, 14) + cell(u"resends_skipped"_s, 17) + number(p, u"exit_code"_s)
            + u'\n';
    }
    t += passed(load) ? u"\nOK: every accepted message was answered exactly once\n"_s
                      : u"\nFAILED: "_s + n(u"lost"_s) + u" lost, "_s + n(u"duplicated"_s) + u" duplicated"_s
            + (load.value(u"drained"_s).toBool() ? QString() : u", queue not drained"_s) + u'\n';
    return t;
}

} // namespace m1
