#include "channel/httpresponse.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace m1 {

HttpResponse HttpResponse::text(int status, const QByteArray &body)
{
    return HttpResponse { status, "text/plain; charset=utf-8"_ba, body, {} };
}

HttpResponse HttpResponse::json(int status, const QByteArray &body)
{
    return HttpResponse { status, "application/json"_ba, body, {} };
}

HttpResponse HttpResponse::empty(int status)
{
    return HttpResponse { status, {}, {}, {} };
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue"_ba;
    case 200:
        return "OK"_ba;
    case 204:
        return "No Content"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 411:
        return "Length Required"_ba;
    case 413:
        return "Payload Too Large"_ba;
    case 414:
        return "URI Too Long"_ba;
    case 417:
        return "Expectation Failed"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 501:
        return "Not Implemented"_ba;
    case 502:
        return "Bad Gateway"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 504:
        return "Gateway Timeout"_ba;
    case 505:
        return "HTTP Version Not Supported"_ba;
    default:
        return "Status"_ba;
    }
}

QByteArray HttpResponse::serialize(bool keepAlive, bool headOnly) const
{
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 "_ba + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n"_ba;
    // IMF-fixdate; the C locale keeps day and month names English.
    out += "Date: "_ba
        + QLocale::c()
              .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
              .toLatin1()
        + "\r\n"_ba;
    if (!contentType.isEmpty())
        out += "Content-Type: "_ba + contentType + "\r\n"_ba;
    out += "Content-Length: "_ba + QByteArray::number(body.size()) + "\r\n"_ba;
    for (const auto &h : headers)
        out += h.first + ": "_ba + h.second + "\r\n"_ba;
    out += keepAlive ? "Connection: keep-alive\r\n\r\n"_ba : "Connection: close\r\n\r\n"_ba;
    if (!headOnly)
        out += body;
    return out;
}

} // namespace m1
