#include "widgets/statusindicators.h"

#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>

namespace m1 {
namespace {

quint64 counterValue(const MetricsSnapshot &snapshot, const QString &name)
{
    const CounterSample *c = snapshot.counter(name);
    return c ? c->value : 0;
}

QString providerName(const QString &provider)
{
    if (provider == u"openai")
        return StatusIndicators::tr("OpenAI");
    if (provider == u"azure")
        return StatusIndicators::tr("Azure OpenAI");
    return StatusIndicators::tr("local");
}

} // namespace

StatusIndicators::StatusIndicators(QWidget *parent)
    : QWidget(parent)
    , m_embedding(new QLabel(this))
    , m_planner(new QLabel(this))
    , m_webhook(new QLabel(this))
    , m_workers(new QLabel(this))
    , m_rate(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    for (QLabel *label : {m_embedding, m_planner, m_webhook, m_workers, m_rate})
        layout->addWidget(label);
    setConfigured(QStringLiteral("local"), QStringLiteral("rules"));
    m_webhook->setText(tr("Webhook: off"));
    m_webhook->setToolTip(tr("The console does not receive WhatsApp messages; `m1bot serve` runs the webhook."));
    m_workers->setText(tr("Workers: –"));
    m_rate->setText(tr("%1 msg/s").arg(0.0, 0, 'f', 1));
}

void StatusIndicators::setConfigured(const QString &embeddingProvider, const QString &planner)
{
    m_embedding->setText(tr("Embedding: %1").arg(providerName(embeddingProvider)));
    m_planner->setText(planner == u"llm" ? tr("Planner: LLM") : tr("Planner: rules"));
}

void StatusIndicators::setSimulatorStatus(const m1::SimulatorStatus &status)
{
    if (!status.embedding.isEmpty())
        m_embedding->setToolTip(tr("Search index: %1").arg(status.embedding));
    if (!status.ready)
        m_workers->setText(tr("Workers: –"));
}

void StatusIndicators::addSnapshot(const m1::MetricsSnapshot &snapshot)
{
    // Messages queued by the simulator and not yet finished by a worker, in any way.
    const qint64 pushed = qint64(counterValue(snapshot, QStringLiteral("m1_simulator_messages_total")));
    const qint64 finished = qint64(counterValue(snapshot, QStringLiteral("m1_pipeline_messages_total"))
                                   + counterValue(snapshot, QStringLiteral("m1_pipeline_duplicates_total"))
                                   + counterValue(snapshot, QStringLiteral("m1_pipeline_rate_limited_total"))
                                   + counterValue(snapshot, QStringLiteral("m1_pipeline_failures_total")));
    const GaugeSample *lanes = snapshot.gauge(QStringLiteral("m1_simulator_workers"));
    const int workers = lanes ? int(lanes->value) : 0;
    const qint64 inFlight = std::max<qint64>(0, pushed - finished);
    if (workers > 0) {
        m_workers->setText(tr("Workers: %1/%2 busy").arg(std::min<qint64>(inFlight, workers)).arg(workers));
        m_workers->setToolTip(tr("%n message(s) queued or running", nullptr, int(inFlight)));
    }

    bool webhook = false;
    for (const CounterSample &c : snapshot.counters)
        webhook = webhook || c.name.startsWith(u"channel.webhook.");
    m_webhook->setText(webhook ? tr("Webhook: listening") : tr("Webhook: off"));

    if (m_hasPrevious && snapshot.takenAtMs > m_previous.takenAtMs) {
        const double seconds = double(snapshot.takenAtMs - m_previous.takenAtMs) / 1000.0;
        const quint64 now = counterValue(snapshot, QStringLiteral("m1_pipeline_messages_total"));
        const quint64 before = counterValue(m_previous, QStringLiteral("m1_pipeline_messages_total"));
        m_rate->setText(tr("%1 msg/s").arg(double(now >= before ? now - before : now) / seconds, 0, 'f', 1));
    }
    m_previous = snapshot;
    m_hasPrevious = true;
}

} // namespace m1
