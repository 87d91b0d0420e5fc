#include "widgets/statusindicators.h"

#include <QFontMetrics>
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
    setModelStatus(ModelStatus());
    setWebhookStatus(WebhookStatus());
    m_workers->setText(tr("Workers: –"));
    m_rate->setText(tr("%1 msg/s").arg(0.0, 0, 'f', 1));
}

void StatusIndicators::setModelStatus(const m1::ModelStatus &status)
{
    m_models = status;
    const QString warning = QStringLiteral(" ⚠");
    QString embedding = tr("Embedding: %1").arg(providerName(status.embedding));
    if (status.applying)
        embedding = tr("Embedding: %1 (switching…)").arg(providerName(status.embedding));
    QStringList embeddingTip;
    if (!status.embeddingModel.isEmpty())
        embeddingTip.append(tr("Model: %1").arg(status.embeddingModel));
    if (!m_searchIndex.isEmpty())
        embeddingTip.append(tr("Search index: %1").arg(m_searchIndex));
    else if (status.dimension > 0)
        embeddingTip.append(tr("Search index: %1-d vectors").arg(status.dimension));
    if (!status.embeddingError.isEmpty()) {
        embedding += warning;
        embeddingTip.append(tr("Not applied: %1").arg(status.embeddingError));
    }
    m_embedding->setText(embedding);
    m_embedding->setToolTip(embeddingTip.join(u'\n'));

    QString planner = status.planner == u"llm" ? tr("Planner: LLM") : tr("Planner: rules");
    QStringList plannerTip;
    if (!status.plannerModel.isEmpty())
        plannerTip.append(tr("Model: %1").arg(status.plannerModel));
    if (!status.plannerError.isEmpty()) {
        planner += warning;
        plannerTip.append(tr("Not applied: %1").arg(status.plannerError));
    }
    m_planner->setText(planner);
    m_planner->setToolTip(plannerTip.join(u'\n'));
}

void StatusIndicators::setWebhookStatus(const m1::WebhookStatus &status)
{
    QString text;
    QString tip;
    switch (status.state) {
    case WebhookStatus::State::Off:
        text = tr("Webhook: off");
        tip = tr("The console does not receive WhatsApp messages; enable the webhook server in the settings, "
                 "or run `m1bot serve`.");
        break;
    case WebhookStatus::State::Starting:
        text = tr("Webhook: starting on %1…").arg(status.address);
        tip = tr("Waiting for the tools and the store, then the workers start and the server listens.");
        break;
    case WebhookStatus::State::Listening:
        text = tr("Webhook: listening on %1").arg(status.address);
        tip = tr("WhatsApp messages posted to %1 go through the queue and %n worker(s).", nullptr, status.workers)
                  .arg(status.url);
        break;
    case WebhookStatus::State::Error:
        text = tr("Webhook: error: %1").arg(status.error);
        tip = text;
        break;
    }
    // The error can be long; the whole of it is in the tooltip.
    m_webhook->setText(m_webhook->fontMetrics().elidedText(text, Qt::ElideRight, 420));
    m_webhook->setToolTip(tip);
}

void StatusIndicators::setSimulatorStatus(const m1::SimulatorStatus &status)
{
    if (!status.embedding.isEmpty() && status.embedding != m_searchIndex) {
        m_searchIndex = status.embedding;
        setModelStatus(m_models);
    }
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
