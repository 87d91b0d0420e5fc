#pragma once

// The Redis key scheme of conversations. Every key of one user carries the hash tag {phone},
// so a whole turn (gate script, state, history) maps to one Redis Cluster slot: the turn's
// pipeline and its multi-key script stay legal on a cluster.
//
//   m1:{385991234567}:state        conversation state (JSON), TTL = silence timeout
//   m1:{385991234567}:hist         last N messages (JSON array), TTL = history retention
//   m1:{385991234567}:rl:<window>  rate-limit counter of one fixed window, TTL = 2 windows
//   m1:{385991234567}:stats        per-user counters (turns, duplicates, limited)
//   m1:dedup:{385991234567}:<id>   message id seen, TTL = dedup window
//   m1:reply:{385991234567}:<id>:<i>  reply i to message <id> reserved (sent at most once),
//                                      TTL = dedup window, 10 minutes once acknowledged
//
// Phone numbers are personal data: log them only through redact().

#include <QByteArray>
#include <QString>

namespace m1 {

class ConversationKeys
{
public:
    // Digits only ("+385 99 123-4567" → "385991234567"); empty when there are none.
    static QString normalizePhone(const QString &phone);
    // "…567": enough to tell users apart in a log, not enough to call them.
    static QString redact(const QString &phone);

    static QByteArray state(const QString &phone);
    static QByteArray history(const QString &phone);
    static QByteArray stats(const QString &phone);
    static QByteArray rateWindow(const QString &phone, qint64 windowIndex);
    static QByteArray dedup(const QString &phone, const QString &messageId);
    static QByteArray reply(const QString &phone, const QString &messageId, int index);
    // Rate-limit keys for callers that are not phone numbers (an API key, an IP).
    static QByteArray rateWindowFor(const QByteArray &subject, qint64 windowIndex);

private:
    static QByteArray userPrefix(const QString &phone);
};

} // namespace m1
