// Security: who may read /health and /metrics of a real `m1bot serve`. By default serve listens
// on 127.0.0.1 only, so nothing off the machine reaches any endpoint. Bound to every interface
// (--bind 0.0.0.0 or ::, as in a container) the webhook answers everyone, but /health and
// /metrics answer loopback clients only (403 to a request arriving from this machine's own
// non-loopback address, which the kernel hands over with that address as the peer); the config
// may open them ("ops_loopback_only": false). Needs a non-loopback address on this machine
// (skipped otherwise; tst_webhookserver covers the decision at the component level then).
#include "servefixture.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

QHostAddress nonLoopback(QAbstractSocket::NetworkLayerProtocol protocol)
{
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == protocol && !a.isLoopback() && !a.isLinkLocal())
            return a;
    }
    return {};
}

QString hostPart(const QHostAddress &a)
{
    return a.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + a.toString() + u']' : a.toString();
}

} // namespace

class TestOpsLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void defaultListensOnLoopbackOnly();
    void opsEndpointsRefuseOtherAddresses_data();
    void opsEndpointsRefuseOtherAddresses();
    void proxiedRequestsAreNotLoopback();
    void configCanOpenThem();

private:
    QUrl at(const QHostAddress &address, ServeProcess &serve, const QString &path) const
    {
        return QUrl(u"http://"_s + hostPart(address) + u':' + QString::number(serve.url({}).port()) + path);
    }
    int postSigned(const QUrl &url, const QString &phone)
    {
        const WebhookPayloadBuilder::Signed s = ServeFixture::signedText(phone);
        return m_f.http().postSigned(url, s.body, s.signature).status;
    }

    ServeFixture m_f;
    QHostAddress m_v4;
    QHostAddress m_v6;
};

void TestOpsLoopback::initTestCase()
{
    M1_START_SERVE_FIXTURE(m_f);
    m_v4 = nonLoopback(QAbstractSocket::IPv4Protocol);
    m_v6 = nonLoopback(QAbstractSocket::IPv6Protocol);
    if (m_v4.isNull())
        QSKIP("no non-loopback IPv4 address on this machine to make a request from");
    qInfo("non-loopback addresses used: %s, %s", qPrintable(m_v4.toString()),
          m_v6.isNull() ? "no IPv6" : qPrintable(m_v6.toString()));
}

void TestOpsLoopback::defaultListensOnLoopbackOnly()
{
    auto serve = m_f.serve();
    const QString started = serve->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(serve->stdoutText().contains(u"listening on http://127.0.0.1:"_s), qPrintable(serve->stdoutText()));
    QCOMPARE(m_f.http().get(serve->url(u"/health"_s)).status, 200);
    // From the machine's own external address: nothing listens there at all.
    QTcpSocket socket;
    socket.connectToHost(m_v4, quint16(serve->url({}).port()));
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState
                                         || socket.state() == QAbstractSocket::ConnectedState; }, 10'000));
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    QCOMPARE(serve->terminate(), 0);
}

void TestOpsLoopback::opsEndpointsRefuseOtherAddresses_data()
{
    QTest::addColumn<QString>("bind");
    QTest::addColumn<bool>("ipv6");
    QTest::newRow("0.0.0.0") << u"0.0.0.0"_s << false;
    // Qt binds "::" for IPv6 only (as nginx's [::] does by default): reached over IPv6.
    QTest::newRow("::") << u"::"_s << true;
}

void TestOpsLoopback::opsEndpointsRefuseOtherAddresses()
{
    QFETCH(QString, bind);
    QFETCH(bool, ipv6);
    auto serve = m_f.serve({ u"--bind"_s, bind });
    const QString started = serve->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const double forbiddenBefore = m_f.metric(*serve, u"m1_channel_webhook_forbidden_total"_s);
    if (ipv6 && m_v6.isNull())
        QSKIP("no non-loopback IPv6 address on this machine");
    const QList<QHostAddress> outside { ipv6 ? m_v6 : m_v4 };
    for (const QHostAddress &address : std::as_const(outside)) {
        const HttpProbe::Answer health = m_f.http().get(at(address, *serve, u"/health"_s));
        const HttpProbe::Answer metrics = m_f.http().get(at(address, *serve, u"/metrics"_s));
        QCOMPARE(health.status, 403);
        QCOMPARE(metrics.status, 403);
        QVERIFY(!metrics.body.contains("m1_"));
        // The webhook itself must be reachable (Meta calls it through the proxy).
        QCOMPARE(postSigned(at(address, *serve, u"/webhook"_s), u"38591670"_s + QString::number(1000 + int(address.protocol()))),
                 200);
    }
    // Loopback of the bound family: fine.
    const QHostAddress loopback = ipv6 ? QHostAddress(QHostAddress::LocalHostIPv6) : QHostAddress(QHostAddress::LocalHost);
    QCOMPARE(m_f.http().get(at(loopback, *serve, u"/health"_s)).status, 200);
    QCOMPARE(m_f.http().get(at(loopback, *serve, u"/metrics"_s)).status, 200);
    QCOMPARE(m_f.metric(*serve, u"m1_channel_webhook_forbidden_total"_s), forbiddenBefore + 2 * outside.size());
    QCOMPARE(serve->terminate(), 0);
}

void TestOpsLoopback::proxiedRequestsAreNotLoopback()
{
    // nginx on the same machine relays from 127.0.0.1; what it relays came from outside.
    auto serve = m_f.serve();
    const QString started = serve->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QList<std::pair<QByteArray, QByteArray>> proxied {
        { "X-Forwarded-For"_ba, "203.0.113.7"_ba },
        { "Forwarded"_ba, "for=203.0.113.7;proto=https"_ba },
        { "X-Real-IP"_ba, "203.0.113.7"_ba },
    };
    QNetworkAccessManager nam;
    for (const auto &[name, value] : proxied) {
        for (const QString &path : { u"/health"_s, u"/metrics"_s }) {
            QNetworkRequest request(serve->url(path));
            request.setRawHeader(name, value);
            QNetworkReply *reply = nam.get(request);
            QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 15'000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
            reply->deleteLater();
        }
    }
    // The webhook itself is still reachable through the proxy.
    const WebhookPayloadBuilder::Signed s = ServeFixture::signedText(u"385916709999"_s);
    QCOMPARE(m_f.http().post(serve->webhookUrl(), s.body,
                             { { "X-Hub-Signature-256"_ba, s.signature }, { "X-Forwarded-For"_ba, "31.13.24.1"_ba } })
                 .status,
             200);
    QCOMPARE(m_f.http().get(serve->url(u"/health"_s)).status, 200); // not proxied: fine
    QCOMPARE(serve->terminate(), 0);
}

void TestOpsLoopback::configCanOpenThem()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"open.json"_s);
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"serve\": {\"ops_loopback_only\": false}}");
    f.close();
    auto serve = m_f.serve({ u"--bind"_s, u"0.0.0.0"_s, u"--config"_s, config });
    const QString started = serve->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QCOMPARE(m_f.http().get(at(m_v4, *serve, u"/health"_s)).status, 200);
    const HttpProbe::Answer metrics = m_f.http().get(at(m_v4, *serve, u"/metrics"_s));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.body.contains("m1_channel_webhook_accepted_total"));
    QCOMPARE(serve->terminate(), 0);
}

QTEST_GUILESS_MAIN(TestOpsLoopback)
#include "tst_opsloopback.moc"
