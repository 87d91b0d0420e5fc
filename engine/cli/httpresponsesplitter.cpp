#include "cli/httpresponsesplitter.h"

namespace m1 {

namespace {

constexpr qsizetype kHeaderEnd = 4; // "\r\n\r\n"

} // namespace

std::optional<int> HttpResponseSplitter::takeStatus(QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    const QByteArray head = buffer.left(headerEnd).toLower();
    qsizetype length = 0;
    const qsizetype at = head.indexOf("content-length:");
    if (at >= 0) {
        const qsizetype eol = head.indexOf("\r\n", at);
        length = head.mid(at + 15, eol < 0 ? -1 : eol - at - 15).trimmed().toLongLong();
    }
    if (buffer.size() < headerEnd + kHeaderEnd + length)
        return std::nullopt;
    const int status = head.mid(9, 3).toInt(); // "http/1.1 200 ok"
    buffer.remove(0, headerEnd + kHeaderEnd + length);
    return status;
}

} // namespace m1
