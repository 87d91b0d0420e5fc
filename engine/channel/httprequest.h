#pragma once

// One HTTP/1.1 request as the channel's small web server hands it to a handler.

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace m1 {

struct HttpRequest
{
    QByteArray method; // "GET", "POST", ... as sent
    QByteArray target; // the request target, e.g. "/webhook?hub.mode=subscribe"
    QString path; // decoded path, "/webhook"
    QUrlQuery query;
    QByteArray version; // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // names lowercased, values trimmed, in order
    QByteArray body;
    QHostAddress remoteAddress;
    bool keepAlive = true;

    // The first header called `lowercaseName`; empty when absent.
    QByteArray header(QByteArrayView lowercaseName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowercaseName)
                return h.second;
        }
        return {};
    }
    bool hasHeader(QByteArrayView lowercaseName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowercaseName)
                return true;
        }
        return false;
    }
};

} // namespace m1
