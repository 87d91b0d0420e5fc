#include "channel/httprequestparser.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

// Non-negative decimal without sign or spaces, at most 15 digits; -1 when not.
qint64 parseLength(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 15)
        return -1;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

HttpRequestParser::State HttpRequestParser::fail(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    return State::Error;
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool pending = m_continuePending;
    m_continuePending = false;
    return pending;
}

HttpRequest HttpRequestParser::takeRequest()
{
    const QHostAddress remote = m_request.remoteAddress;
    HttpRequest out = std::move(m_request);
    m_request = HttpRequest();
    m_request.remoteAddress = remote;
    m_phase = Phase::Headers;
    m_started = false;
    m_continuePending = false;
    m_remaining = 0;
    return out;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArray &buffer)
{
    if (m_errorStatus != 0)
        return State::Error;
    if (m_phase == Phase::Done)
        return State::Complete;
    qsizetype pos = 0;
    if (m_phase == Phase::Headers) {
        // Tolerate empty lines between pipelined requests (RFC 9112 §2.2).
        while (!m_started && buffer.size() >= pos + 2 && buffer.at(pos) == '\r'
               && buffer.at(pos + 1) == '\n')
            pos += 2;
        // A lone CR may be the first half of such an empty line: decide once its LF is here,
        // or a CRLF cut between two reads would start the request with an empty line.
        if (pos < buffer.size() && !(buffer.size() == pos + 1 && buffer.at(pos) == '\r'))
            m_started = true;
        const qsizetype end = buffer.indexOf("\r\n\r\n", pos);
        if (end < 0) {
            buffer.remove(0, pos);
            // Up to three of these bytes may be the start of the blank line that ends the head:
            // a head of exactly the limit, cut there, must not fail where a whole one passes.
            if (buffer.size() - 3 > m_limits.maxHeaderBytes)
                return fail(431,
                            u"request headers larger than "_s
                                + QString::number(m_limits.maxHeaderBytes) + u" bytes"_s);
            return State::NeedMore;
        }
        if (end - pos > m_limits.maxHeaderBytes)
            return fail(431,
                        u"request headers larger than "_s + QString::number(m_limits.maxHeaderBytes)
                            + u" bytes"_s);
        const State head = parseHead(QByteArrayView(buffer).sliced(pos, end - pos));
        if (head == State::Error)
            return head;
        pos = end + 4;
    }
    const State state = continueBody(buffer, pos);
    buffer.remove(0, pos);
    return state;
}

HttpRequestParser::State HttpRequestParser::parseHead(QByteArrayView head)
{
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, u"malformed request line"_s);
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method))
        return fail(400, u"malformed request method"_s);
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return fail(505, u"only HTTP/1.0 and HTTP/1.1 are supported"_s);
    const QUrl url = QUrl::fromEncoded(target.toByteArray(), QUrl::StrictMode);
    const bool originForm = target.startsWith('/');
    const bool absoluteForm = url.scheme() == "http"_L1 || url.scheme() == "https"_L1;
    if (!url.isValid() || (!originForm && !absoluteForm && target != "*"))
        return fail(400, u"malformed request target"_s);
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.path = url.path();
    m_request.query = QUrlQuery(url);
    m_request.version = version.toByteArray();

    qint64 contentLength = -1;
    bool chunked = false;
    bool expectContinue = false;
    QByteArray connection;
    while (lineEnd >= 0) {
        const qsizetype start = lineEnd + 2;
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line
            = lineEnd < 0 ? head.sliced(start) : head.sliced(start, lineEnd - start);
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t')
            return fail(400, u"folded header lines are not accepted"_s);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return fail(400, u"malformed header line"_s);
        if (m_request.headers.size() >= m_limits.maxHeaderCount)
            return fail(431,
                        u"more than "_s + QString::number(m_limits.maxHeaderCount) + u" headers"_s);
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (name == "content-length") {
            const qint64 length = parseLength(value);
            if (length < 0 || (contentLength >= 0 && contentLength != length))
                return fail(400, u"invalid or conflicting Content-Length"_s);
            contentLength = length;
        } else if (name == "transfer-encoding") {
            if (value.toLower() != "chunked")
                return fail(501, u"only the chunked transfer coding is supported"_s);
            chunked = true;
        } else if (name == "expect") {
            if (value.toLower() != "100-continue")
                return fail(417, u"unsupported Expect header"_s);
            expectContinue = true;
        } else if (name == "connection") {
            connection = value.toLower();
        }
        m_request.headers.append({ name, value });
    }
    if (chunked && contentLength >= 0)
        return fail(400, u"both Content-Length and Transfer-Encoding given"_s);
    if (contentLength > m_limits.maxBodyBytes)
        return fail(413,
                    u"body of "_s + QString::number(contentLength)
                        + u" bytes is over the limit of "_s
                        + QString::number(m_limits.maxBodyBytes));
    const bool http11 = m_request.version == "HTTP/1.1";
    m_request.keepAlive
        = http11 ? !connection.contains("close") : connection.contains("keep-alive");
    if (chunked) {
        m_phase = Phase::ChunkSize;
    } else {
        m_remaining = contentLength < 0 ? 0 : contentLength;
        m_phase = Phase::Body;
    }
    m_continuePending = expectContinue && (chunked || m_remaining > 0);
    return State::NeedMore;
}

HttpRequestParser::State HttpRequestParser::continueBody(QByteArray &buffer, qsizetype &pos)
{
    for (;;) {
        switch (m_phase) {
        case Phase::Headers:
        case Phase::Done:
            return State::Complete;
        case Phase::Body: {
            const qsizetype take = qMin<qsizetype>(m_remaining, buffer.size() - pos);
            m_request.body.append(buffer.constData() + pos, take);
            pos += take;
            m_remaining -= take;
            if (m_remaining > 0)
                return State::NeedMore;
            m_phase = Phase::Done;
            m_continuePending = false;
            return State::Complete;
        }
        case Phase::ChunkSize: {
            const qsizetype end = buffer.indexOf("\r\n", pos);
            if (end < 0)
                return buffer.size() - pos > 1024 ? fail(400, u"malformed chunk size line"_s)
                                                  : State::NeedMore;
            QByteArrayView line = QByteArrayView(buffer).sliced(pos, end - pos);
            if (const qsizetype semicolon = line.indexOf(';'); semicolon >= 0)
                line = line.first(semicolon); // chunk extensions are ignored
            bool ok = false;
            const qint64 size = line.trimmed().size() <= 8
                ? line.trimmed().toByteArray().toLongLong(&ok, 16)
                : -1;
            if (!ok || size < 0)
                return fail(400, u"malformed chunk size"_s);
            if (m_request.body.size() + size > m_limits.maxBodyBytes)
                return fail(413,
                            u"chunked body over the limit of "_s
                                + QString::number(m_limits.maxBodyBytes) + u" bytes"_s);
            pos = end + 2;
            m_remaining = size;
            m_trailerBytes = 0;
            m_phase = size == 0 ? Phase::Trailers : Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const qsizetype take = qMin<qsizetype>(m_remaining, buffer.size() - pos);
            m_request.body.append(buffer.constData() + pos, take);
            pos += take;
            m_remaining -= take;
            if (m_remaining > 0)
                return State::NeedMore;
            m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd:
            if (buffer.size() - pos < 2)
                return State::NeedMore;
            if (buffer.at(pos) != '\r' || buffer.at(pos + 1) != '\n')
                return fail(400, u"chunk not terminated by CRLF"_s);
            pos += 2;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers: {
            // Trailer fields are read and dropped, up to the empty line; all of them together
            // are held to the header limit. The same input must get the same answer however the
            // network cuts it: a complete line fails when it takes the trailers over the limit,
            // a partial one only when even its terminating CR cannot be the one byte past it.
            const qsizetype end = buffer.indexOf("\r\n", pos);
            if (end < 0)
                return m_trailerBytes + (buffer.size() - pos) > m_limits.maxHeaderBytes + 1
                    ? fail(431, u"trailers too large"_s)
                    : State::NeedMore;
            if (m_trailerBytes + (end - pos) > m_limits.maxHeaderBytes)
                return fail(431, u"trailers too large"_s);
            m_trailerBytes += end - pos;
            const bool last = end == pos;
            pos = end + 2;
            if (last) {
                m_phase = Phase::Done;
                m_continuePending = false;
                return State::Complete;
            }
            break;
        }
        }
    }
}

} // namespace m1
