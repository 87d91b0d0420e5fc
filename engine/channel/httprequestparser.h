#pragma once

// An incremental HTTP/1.1 request parser for the channel's web server. It is fed bytes as they
// arrive and enforces its limits early: a Content-Length over the body limit is refused (413)
// as soon as the headers are in, before any of the body is read, and oversized headers are
// refused (431) before they are complete. Content-Length and chunked bodies are supported;
// anything ambiguous (both at once, differing lengths, unknown transfer codings) is refused,
// which closes the request-smuggling doors a proxy in front could otherwise open.

#include "channel/httprequest.h"

#include <QByteArray>
#include <QString>

namespace m1 {

class HttpRequestParser
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 16 * 1024; // request line + headers
        qsizetype maxBodyBytes = 3 * 1024 * 1024;
        int maxHeaderCount = 100;
    };

    enum class State { NeedMore, Complete, Error };

    HttpRequestParser() = default;
    explicit HttpRequestParser(Limits limits)
        : m_limits(limits)
    {
    }

    // Consumes what it can from the front of `buffer`. After Complete, takeRequest() and call
    // feed() again for a pipelined next request; after Error, the connection must be closed.
    State feed(QByteArray &buffer);
    HttpRequest takeRequest();

    bool headersComplete() const { return m_phase > Phase::Headers; }
    // True once, right after the headers of a request carrying "Expect: 100-continue" whose body
    // has not arrived yet: the connection then sends "100 Continue".
    bool takeContinueRequest();
    // Whether any byte of a request has been consumed (for idle vs. read timeouts).
    bool inProgress() const { return m_phase != Phase::Headers || m_started; }

    int errorStatus() const { return m_errorStatus; }
    const QString &errorMessage() const { return m_errorMessage; }

    void setRemoteAddress(const QHostAddress &address) { m_request.remoteAddress = address; }

private:
    enum class Phase { Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done };

    State fail(int status, const QString &message);
    State parseHead(QByteArrayView head);
    State continueBody(QByteArray &buffer, qsizetype &pos);

    Limits m_limits;
    Phase m_phase = Phase::Headers;
    bool m_started = false;
    bool m_continuePending = false;
    qsizetype m_remaining = 0; // body or chunk bytes still expected
    qsizetype m_trailerBytes = 0; // trailer lines read so far, without their line ends
    HttpRequest m_request;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace m1
