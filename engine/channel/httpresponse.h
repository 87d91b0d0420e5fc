#pragma once

// One HTTP response: status, content type, body and any extra headers. Content-Length,
// Connection and Date are added when it is written.

#include <QByteArray>
#include <QList>
#include <QPair>

namespace m1 {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse text(int status, const QByteArray &body);
    static HttpResponse json(int status, const QByteArray &body);
    static HttpResponse empty(int status);

    // The bytes on the wire. `headOnly` leaves the body out (HEAD requests).
    QByteArray serialize(bool keepAlive, bool headOnly = false) const;
    static QByteArray reasonPhrase(int status);
};

} // namespace m1
