#pragma once

// The handle a request handler answers through, possibly later (after an asynchronous store
// confirmed the data). Copyable and cheap; only the first respond() for a request is written.
// If the client has gone away in the meantime, respond() does nothing and returns false —
// unlike Qt 6.4's QHttpServerResponder, which keeps a raw socket pointer and crashes then.
// Use it on the server's thread.

#include "channel/httpresponse.h"

#include <QPointer>

namespace m1 {

class HttpConnection;

class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 sequence);

    bool respond(const HttpResponse &response) const;
    // False once answered or when the client disconnected.
    bool isPending() const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_sequence = 0;
};

} // namespace m1
