#include "channel/webhooksignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace m1 {

namespace {

constexpr QByteArrayView Prefix = "sha256=";
constexpr qsizetype DigestBytes = 32;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QByteArray hmac(QByteArrayView secret, QByteArrayView body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret.toByteArray());
    mac.addData(body.data(), body.size());
    return mac.result();
}

} // namespace

WebhookSignature::WebhookSignature(QByteArray appSecret)
    : m_secret(std::move(appSecret))
{
}

bool WebhookSignature::verify(QByteArrayView body, QByteArrayView header) const
{
    if (m_secret.isEmpty())
        return false;
    header = header.trimmed();
    if (header.size() != Prefix.size() + DigestBytes * 2)
        return false;
    // The algorithm name is case-insensitive in practice; the digits are compared as bytes
    // after decoding, so upper- and lowercase hex both work.
    for (qsizetype i = 0; i < Prefix.size(); ++i) {
        const char c = header[i];
        const char lower = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        if (lower != Prefix[i])
            return false;
    }
    QByteArray given(DigestBytes, Qt::Uninitialized);
    bool wellFormed = true;
    for (qsizetype i = 0; i < DigestBytes; ++i) {
        const int hi = hexValue(header[Prefix.size() + 2 * i]);
        const int lo = hexValue(header[Prefix.size() + 2 * i + 1]);
        wellFormed = wellFormed && hi >= 0 && lo >= 0;
        given[i] = char(((hi & 0xF) << 4) | (lo & 0xF));
    }
    const QByteArray expected = hmac(m_secret, body);
    return constantTimeEquals(given, expected) && wellFormed;
}

QByteArray WebhookSignature::headerFor(QByteArrayView body) const
{
    return headerFor(m_secret, body);
}

QByteArray WebhookSignature::headerFor(QByteArrayView appSecret, QByteArrayView body)
{
    QByteArray header = Prefix.toByteArray();
    header += hmac(appSecret, body).toHex();
    return header;
}

bool WebhookSignature::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    // Accumulate every difference instead of returning at the first one; volatile keeps the
    // compiler from turning the loop back into an early exit.
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace m1
