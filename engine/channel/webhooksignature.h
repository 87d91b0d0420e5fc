#pragma once

// Checks Meta's X-Hub-Signature-256 header: "sha256=" + lowercase hex of
// HMAC-SHA256(app secret, raw request body). It must be checked over the raw bytes, before any
// parsing, and compared in constant time so the comparison leaks nothing about the expected
// value.

#include <QByteArray>
#include <QByteArrayView>

namespace m1 {

class WebhookSignature
{
public:
    explicit WebhookSignature(QByteArray appSecret);

    // False for a missing, malformed (no "sha256=" prefix, not 64 hex digits) or wrong header,
    // and always false when no app secret is configured.
    bool verify(QByteArrayView body, QByteArrayView header) const;

    // The header value Meta would send for `body`: "sha256=<64 hex digits>".
    QByteArray headerFor(QByteArrayView body) const;
    static QByteArray headerFor(QByteArrayView appSecret, QByteArrayView body);

    // Equal length and equal bytes, in time that depends only on the length.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

private:
    QByteArray m_secret;
};

} // namespace m1
