#pragma once

// The WhatsApp Graph API as `m1bot bench --load` plays it: the test support's FakeGraphApiServer
// (the documented messages endpoint: it checks the token, the phone number id and the body, and
// answers with a wamid) on a thread of its own, so the bench's main thread, busy with its child
// processes, never delays an answer. Every reply is noted in a ReplyTimer as it arrives.

#include "channel/whatsappconfig.h"

#include <QObject>
#include <QThread>

namespace m1 {

class Clock;
class FakeGraphApiServer;
class ReplyTimer;

class GraphApiStandIn
{
public:
    GraphApiStandIn(ReplyTimer &timer, const Clock &clock);
    ~GraphApiStandIn();
    GraphApiStandIn(const GraphApiStandIn &) = delete;
    GraphApiStandIn &operator=(const GraphApiStandIn &) = delete;

    // Listens on a free loopback port. "" or why not.
    QString start();
    // Where and how to send to it (token, phone number id, URL, version).
    WhatsAppConfig config() const;
    // Requests it received, and those it refused (a malformed message, a wrong token).
    int requestCount() const;
    int refusedCount() const;

private:
    ReplyTimer &m_timer;
    const Clock &m_clock;
    QThread m_thread;
    mutable QObject m_anchor; // lives on m_thread: the context of every call made there
    FakeGraphApiServer *m_server = nullptr; // created, used and deleted on m_thread
};

} // namespace m1
