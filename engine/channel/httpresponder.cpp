#include "channel/httpresponder.h"

#include "channel/httpconnection.h"

namespace m1 {

HttpResponder::HttpResponder(HttpConnection *connection, quint64 sequence)
    : m_connection(connection)
    , m_sequence(sequence)
{
}

bool HttpResponder::respond(const HttpResponse &response) const
{
    HttpConnection *connection = m_connection.data();
    return connection != nullptr && connection->respond(m_sequence, response);
}

bool HttpResponder::isPending() const
{
    HttpConnection *connection = m_connection.data();
    return connection != nullptr && connection->isAwaiting(m_sequence);
}

} // namespace m1
