#include "cli/servechild.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QUrl>

#include <csignal>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr int kProbeTimeoutMs = 3000;

QNetworkRequest request(quint16 port, const QString &path)
{
    QNetworkRequest r(QUrl(u"http://127.0.0.1:"_s + QString::number(port) + path));
    r.setTransferTimeout(kProbeTimeoutMs);
    return r;
}

} // namespace

QStringList ServeChild::sampledCounters()
{
    return { u"m1_pipeline_messages_total"_s, u"m1_pipeline_claimed_total"_s,
             u"m1_pipeline_duplicates_total"_s, u"m1_pipeline_failures_total"_s,
             u"m1_pipeline_replies_skipped_total"_s };
}

ServeChild::ServeChild(QString program, QStringList arguments, QProcessEnvironment environment, quint16 port,
                       QString logFile, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
    , m_port(port)
    , m_logFile(std::move(logFile))
{
    m_process.setProcessEnvironment(environment);
    m_process.setStandardOutputFile(m_logFile, QIODevice::Append);
    m_process.setStandardErrorFile(m_logFile, QIODevice::Append);
}

ServeChild::~ServeChild()
{
    kill();
}

QString ServeChild::start()
{
    m_process.start(m_program, m_arguments);
    if (!m_process.waitForStarted(30'000))
        return u"cannot run "_s + m_program + u": "_s + m_process.errorString();
    m_samples.append(QHash<QString, double> {});
    return {};
}

bool ServeChild::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

void ServeChild::kill()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10'000);
}

int ServeChild::terminate(int timeoutMs)
{
    if (!isRunning())
        return -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServeChild::probeHealth(QNetworkAccessManager &network, const std::function<void(bool)> &done)
{
    if (!isRunning()) {
        done(false);
        return;
    }
    QNetworkReply *reply = network.get(request(m_port, u"/health"_s));
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        done(reply->error() == QNetworkReply::NoError
             && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    });
}

void ServeChild::sample(QNetworkAccessManager &network, const std::function<void()> &done)
{
    if (!isRunning() || m_samples.isEmpty()) {
        if (done)
            done();
        return;
    }
    const qsizetype life = m_samples.size() - 1;
    QNetworkReply *reply = network.get(request(m_port, u"/metrics"_s));
    connect(reply, &QNetworkReply::finished, this, [this, reply, life, done] {
        reply->deleteLater();
        const auto finished = qScopeGuard([&done] {
            if (done)
                done();
        });
        if (reply->error() != QNetworkReply::NoError || life >= m_samples.size())
            return;
        const QString text = QString::fromUtf8(reply->readAll());
        QHash<QString, double> &counters = m_samples[life];
        for (const QString &name : sampledCounters()) {
            const QRegularExpression line(u"^"_s + QRegularExpression::escape(name) + u" (\\S+)$"_s,
                                          QRegularExpression::MultilineOption);
            const QRegularExpressionMatch m = line.match(text);
            if (m.hasMatch())
                counters.insert(name, m.captured(1).toDouble());
        }
    });
}

QString ServeChild::logTail(int lines) const
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
}

} // namespace m1
