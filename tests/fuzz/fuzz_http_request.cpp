// libFuzzer target: bytes arriving on a connection of the channel's web server (the webhook's
// front door), read by HttpRequestParser. The parser is incremental, so the same bytes must
// give the same requests and the same verdict however TCP happens to cut them: the input is
// parsed once whole and once three bytes at a time, and the two runs must agree. Limits are
// small so the fuzzer reaches them.

#include "fuzzsupport.h"

#include "channel/httprequestparser.h"

#include <QList>

namespace m1::fuzz {
namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path
        && a.version == b.version && a.headers == b.headers && a.body == b.body
        && a.keepAlive == b.keepAlive && a.query.query() == b.query.query();
}

HttpRequestParser::Limits smallLimits()
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = 512;
    limits.maxBodyBytes = 2048;
    limits.maxHeaderCount = 8;
    return limits;
}

// Feeds `chunk` bytes at a time (everything at once for chunk <= 0), like a connection does:
// after each arrival, take every request that is complete.
Outcome parse(const QByteArray &input, qsizetype chunk)
{
    Outcome out;
    HttpRequestParser parser(smallLimits());
    QByteArray buffer;
    qsizetype fed = 0;
    while (fed < input.size()) {
        const qsizetype n = chunk <= 0 ? input.size() : qMin(chunk, input.size() - fed);
        buffer.append(input.constData() + fed, n);
        fed += n;
        for (;;) {
            const HttpRequestParser::State state = parser.feed(buffer);
            if (state == HttpRequestParser::State::Error) {
                out.errorStatus = parser.errorStatus();
                FUZZ_CHECK(out.errorStatus >= 400 && out.errorStatus < 600);
                FUZZ_CHECK(!parser.errorMessage().isEmpty());
                return out;
            }
            if (state == HttpRequestParser::State::NeedMore)
                break;
            out.requests.append(parser.takeRequest());
            FUZZ_CHECK(out.requests.last().body.size() <= smallLimits().maxBodyBytes);
        }
    }
    return out;
}

} // namespace
} // namespace m1::fuzz

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    m1::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace m1::fuzz;
    if (size > 16384)
        return -1;
    const QByteArray input = bytesOf(data, size);
    const Outcome whole = parse(input, 0);
    const Outcome pieces = parse(input, 3);
    FUZZ_CHECK(whole.errorStatus == pieces.errorStatus);
    FUZZ_CHECK(whole.requests.size() == pieces.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        FUZZ_CHECK(sameRequest(whole.requests.at(i), pieces.requests.at(i)));
    return 0;
}
