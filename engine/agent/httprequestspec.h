#pragma once

// An HTTP request ready to send, built from a tool and a call; `error` says why it cannot be
// sent (a missing required parameter, no base URL) and then nothing else is filled in.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace m1 {

struct HttpRequestSpec
{
    QByteArray method;
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString error;

    bool isValid() const { return error.isEmpty(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

} // namespace m1
