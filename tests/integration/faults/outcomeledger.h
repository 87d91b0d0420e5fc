#pragma once
// The bookkeeping behind "every inbound message ends in exactly one reply or one recorded
// failure": replies are what the Graph API stand-in accepted (HTTP 200, mark-as-read left out),
// per recipient; records are the entries of the pipeline's m1:failed and m1:dropped streams,
// per message id. Each message of a test has a phone of its own unless said otherwise, so
// "replies to its phone" are its replies.
#include "store/redisreply.h"
#include "testsupport/fakegraphapiserver.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace m1 {

struct OutcomeTally
{
    int answered = 0; // exactly one reply, no record
    int failed = 0; // no reply, exactly one m1:failed record
    int dropped = 0; // no reply, exactly one m1:dropped record
    int twice = 0; // more than one outcome (two replies, a reply and a record, ...)
    int lost = 0; // neither a reply nor a record
    QStringList problems; // one line per message that is twice or lost (the first few)

    int total() const { return answered + failed + dropped + twice + lost; }
    QString toString() const
    {
        return QStringLiteral("answered %1, failure recorded %2, drop recorded %3, twice %4, lost %5%6")
            .arg(answered).arg(failed).arg(dropped).arg(twice).arg(lost)
            .arg(problems.isEmpty() ? QString() : QStringLiteral(" — ") + problems.join(QStringLiteral("; ")));
    }
};

class OutcomeLedger
{
public:
    // Accepted replies per recipient (mark-as-read requests carry no "to").
    static QHash<QString, int> repliesByPhone(const FakeGraphApiServer &graph)
    {
        QHash<QString, int> out;
        for (const FakeGraphApiServer::Request &r : graph.requests()) {
            const QString to = r.json.value(QStringLiteral("to")).toString();
            if (r.status == 200 && !to.isEmpty())
                ++out[to];
        }
        return out;
    }
    // Graph API requests per status (all attempts, retries included).
    static QMap<int, int> graphStatuses(const FakeGraphApiServer &graph)
    {
        QMap<int, int> out;
        for (const FakeGraphApiServer::Request &r : graph.requests())
            ++out[r.status];
        return out;
    }

    // The records of an XRANGE over m1:failed or m1:dropped.
    static QList<QJsonObject> records(const RedisReply &xrange)
    {
        QList<QJsonObject> out;
        for (const RedisReply &entry : xrange.elements()) {
            const QList<RedisReply> fields = entry.elements().value(1).elements();
            for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
                if (fields.at(i).bytes() == "u")
                    out.append(QJsonDocument::fromJson(fields.at(i + 1).bytes()).object());
            }
        }
        return out;
    }
    static QHash<QString, int> countByMessage(const QList<QJsonObject> &records)
    {
        QHash<QString, int> out;
        for (const QJsonObject &r : records)
            ++out[r.value(QStringLiteral("message_id")).toString()];
        return out;
    }
    static QHash<QString, int> countByReason(const QList<QJsonObject> &records)
    {
        QHash<QString, int> out;
        for (const QJsonObject &r : records)
            ++out[r.value(QStringLiteral("reason")).toString()];
        return out;
    }

    // One message per phone: (message id, phone) pairs.
    static OutcomeTally tally(const QList<std::pair<QString, QString>> &messages,
                              const QHash<QString, int> &replies, const QHash<QString, int> &failed,
                              const QHash<QString, int> &dropped)
    {
        OutcomeTally t;
        for (const auto &[id, phone] : messages) {
            const int r = replies.value(phone);
            const int f = failed.value(id);
            const int d = dropped.value(id);
            const int outcomes = r + f + d;
            if (outcomes == 0) {
                ++t.lost;
            } else if (outcomes > 1) {
                ++t.twice;
            } else if (r == 1) {
                ++t.answered;
                continue;
            } else if (f == 1) {
                ++t.failed;
                continue;
            } else {
                ++t.dropped;
                continue;
            }
            if (t.problems.size() < 8)
                t.problems.append(id + QStringLiteral(": ") + QString::number(r) + QStringLiteral(" replies, ")
                                  + QString::number(f) + QStringLiteral(" failure records, ") + QString::number(d)
                                  + QStringLiteral(" drop records"));
        }
        return t;
    }
};

} // namespace m1
