// X-Hub-Signature-256 verification over the raw body.

#include "channel/webhooksignature.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Qt::StringLiterals;
using m1::WebhookSignature;

// moc misreads raw string literals (an odd quote or a '#' inside one hides the test class from
// it), so JSON in this file is written with single quotes and converted here.
static QByteArray quoted(const char *singleQuoted)
{
    QByteArray json(singleQuoted);
    json.replace('\'', '"');
    return json;
}

class TestWebhookSignature : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_secret = "6f1c0e0b8b2d4a1f9e3c7a5d2b8e4f10"_ba;
    const QByteArray m_body = quoted("{'object':'whatsapp_business_account','entry':[]}");

    // Computed independently of the class under test.
    QByteArray reference(const QByteArray &body) const
    {
        return "sha256="_ba
            + QMessageAuthenticationCode::hash(body, m_secret, QCryptographicHash::Sha256).toHex();
    }

private Q_SLOTS:
    void goodSignatureVerifies()
    {
        WebhookSignature signature(m_secret);
        QVERIFY(signature.verify(m_body, reference(m_body)));
        QCOMPARE(signature.headerFor(m_body), reference(m_body));
    }

    void uppercaseHexAndPrefixAreAccepted()
    {
        WebhookSignature signature(m_secret);
        QByteArray header = reference(m_body);
        const QByteArray upper = "SHA256="_ba + header.mid(7).toUpper();
        QVERIFY(signature.verify(m_body, upper));
    }

    void knownVector()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        WebhookSignature signature("Jefe"_ba);
        QVERIFY(signature.verify(
            "what do ya want for nothing?"_ba,
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"_ba));
    }

    void forgedSignatureIsRejected()
    {
        WebhookSignature signature(m_secret);
        const QByteArray forged = WebhookSignature::headerFor("another-secret"_ba, m_body);
        QVERIFY(!signature.verify(m_body, forged));
        // Same length, one digit changed.
        QByteArray flipped = reference(m_body);
        flipped[flipped.size() - 1] = flipped.endsWith('0') ? '1' : '0';
        QVERIFY(!signature.verify(m_body, flipped));
    }

    void missingHeaderIsRejected()
    {
        WebhookSignature signature(m_secret);
        QVERIFY(!signature.verify(m_body, QByteArray()));
        QVERIFY(!signature.verify(m_body, "   "_ba));
    }

    void malformedHeaderIsRejected_data()
    {
        QTest::addColumn<QByteArray>("header");
        const QByteArray digest = reference(m_body).mid(7);
        QTest::newRow("no prefix") << digest;
        QTest::newRow("sha1 prefix") << "sha1="_ba + digest;
        QTest::newRow("wrong separator") << "sha256:"_ba + digest;
        QTest::newRow("not hex") << "sha256="_ba + QByteArray(64, 'z');
        QTest::newRow("one non-hex digit") << "sha256="_ba + digest.left(63) + 'g';
        QTest::newRow("base64") << "sha256="_ba + QByteArray::fromHex(digest).toBase64();
        QTest::newRow("prefix only") << "sha256="_ba;
    }

    void malformedHeaderIsRejected()
    {
        QFETCH(QByteArray, header);
        WebhookSignature signature(m_secret);
        QVERIFY(!signature.verify(m_body, header));
    }

    void wrongLengthIsRejected_data()
    {
        QTest::addColumn<int>("cut");
        QTest::newRow("one digit short") << 1;
        QTest::newRow("half") << 32;
        QTest::newRow("one digit long") << -1;
    }

    void wrongLengthIsRejected()
    {
        QFETCH(int, cut);
        WebhookSignature signature(m_secret);
        QByteArray header = reference(m_body);
        if (cut > 0)
            header.chop(cut);
        else
            header.append('0');
        QVERIFY(!signature.verify(m_body, header));
    }

    void bodyChangedByOneByteIsRejected()
    {
        WebhookSignature signature(m_secret);
        const QByteArray header = reference(m_body);
        for (qsizetype i = 0; i < m_body.size(); i += 7) {
            QByteArray changed = m_body;
            changed[i] = char(changed[i] ^ 0x01);
            QVERIFY2(!signature.verify(changed, header),
                     qPrintable(u"byte "_s + QString::number(i)));
        }
        QVERIFY(!signature.verify(QByteArray(m_body + ' '), header));
        QVERIFY(!signature.verify(m_body.chopped(1), header));
    }

    void noSecretNeverVerifies()
    {
        WebhookSignature signature { QByteArray() };
        QVERIFY(!signature.verify(m_body, WebhookSignature::headerFor(QByteArray(), m_body)));
    }

    void constantTimeEquals()
    {
        QVERIFY(WebhookSignature::constantTimeEquals("abc"_ba, "abc"_ba));
        QVERIFY(!WebhookSignature::constantTimeEquals("abc"_ba, "abd"_ba));
        QVERIFY(!WebhookSignature::constantTimeEquals("abc"_ba, "abcd"_ba));
        QVERIFY(WebhookSignature::constantTimeEquals(QByteArray(), QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "tst_webhooksignature.moc"
