#pragma once

// Everything one `m1bot bench --load` run observed, as LoadBench hands it to LoadReport: what
// the load balancer sent and was answered, what reached the Graph API stand-in, what the store
// recorded as unanswered, when the crash happened, and what each `m1bot serve` child counted.

#include "cli/loadbalancingclient.h"
#include "cli/loadsettings.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace m1 {

struct LoadRunData
{
    struct Child
    {
        quint16 port = 0;
        QList<QHash<QString, double>> lives; // /metrics counters, one map per start
        int exitCode = -1; // of the SIGTERM at the end; -1 when it crashed or was not running
    };

    LoadSettings settings;
    std::vector<LoadBalancingClient::Outcome> outcomes; // per message
    std::vector<LoadBalancingClient::BackendStats> backends; // per child
    int retries = 0;
    std::vector<qint64> firstReplyNs; // per message, 0 when unanswered
    std::vector<int> replyCounts; // per message
    // Per message: why the pipeline recorded it as unanswered ("send_failed", "in_doubt", ...),
    // empty when it did not.
    std::vector<QString> unansweredReason;
    int strayReplies = 0; // replies to phones the run did not use
    int graphRequests = 0;
    int graphRefused = 0; // requests the Graph API stand-in refused (malformed, wrong token)

    qint64 startNs = 0; // the first message was due
    qint64 sentNs = 0; // every POST was answered or given up
    qint64 drainedNs = 0; // the stream was empty with nothing pending (0: not within the timeout)
    int victim = -1; // the child killed, -1 for none
    qint64 killNs = 0;
    qint64 restartNs = 0;
    qint64 healthyAgainNs = 0;
    QList<Child> children;
    QString store;
};

} // namespace m1
