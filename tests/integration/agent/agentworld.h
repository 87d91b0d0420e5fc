#pragma once
// What the planner and provider tests share: a registry (the bundled demo spec or a few
// hand-made tools), search over it (local embedder), filler, formatter, the dependency graph,
// a scripted executor and planner, a Croatian catalogue read from translations/m1_hr.ts, and
// helpers to build messages and run turns.
#include "agent/agenttr.h"
#include "agent/orchestrator.h"
#include "agent/parameterfiller.h"
#include "agent/planner.h"
#include "agent/replyformatter.h"
#include "agent/toolexecutor.h"
#include "conversation/conversationsession.h"
#include "core/clock.h"
#include "embedding/localembedder.h"
#include "graph/dependencygraph.h"
#include "registry/registryloader.h"
#include "registry/toolregistry.h"
#include "search/inmemoryusagestats.h"
#include "search/searchengine.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QTranslator>
#include <QXmlStreamReader>

#include <memory>

namespace m1::test {

// The committed Croatian catalogue, read straight from the .ts file, so a phrase without its
// Croatian shows up as English in the test.
class TsTranslator final : public QTranslator
{
public:
    explicit TsTranslator(const QString &path = QStringLiteral(M1_SOURCE_DIR "/translations/m1_hr.ts"))
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        QXmlStreamReader xml(&file);
        QString context, source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"source")
                source = xml.readElementText();
            else if (xml.name() == u"translation" && xml.attributes().value(QStringLiteral("type")).isEmpty())
                m_texts.insert(context + u'|' + source, xml.readElementText(QXmlStreamReader::SkipChildElements));
        }
    }
    QString translate(const char *context, const char *source, const char * = nullptr, int = -1) const override
    {
        return m_texts.value(QString::fromUtf8(context) + u'|' + QString::fromUtf8(source));
    }
    bool isEmpty() const override { return m_texts.isEmpty(); }
    int size() const { return int(m_texts.size()); }

private:
    QHash<QString, QString> m_texts;
};

// Answers each tool from a table of JSON bodies (404 for tools without one) and records calls.
class ScriptedExecutor final : public ToolExecutor
{
public:
    QFuture<ToolResult> execute(const ToolDefinition &tool, const ToolCall &call) override
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(call);
        ToolResult r;
        if (m_bodies.contains(tool.id)) {
            r.ok = true;
            r.httpStatus = 200;
            r.body = m_bodies.value(tool.id);
            r.attempts = 1;
        } else {
            r = ToolResult::failure(QStringLiteral("no answer scripted for ") + tool.id, 404);
            r.attempts = 1;
        }
        return QtFuture::makeReadyFuture(r);
    }
    void answer(const QString &toolId, const QJsonValue &body) { m_bodies.insert(toolId, body); }
    QList<ToolCall> calls() const
    {
        QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    QStringList calledIds() const
    {
        QStringList ids;
        for (const ToolCall &c : calls())
            ids.append(c.toolId);
        return ids;
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, QJsonValue> m_bodies;
    QList<ToolCall> m_calls;
};

// Decides whatever the test says.
class ScriptedPlanner final : public Planner
{
public:
    QString name() const override { return QStringLiteral("scripted"); }
    PlanDecision plan(const PlanRequest &request) override
    {
        ++calls;
        lastMessage = request.message;
        PlanDecision d = next;
        d.source = QStringLiteral("scripted");
        return d;
    }
    static PlanDecision tool(const QString &toolId, const QJsonObject &arguments = {})
    {
        PlanDecision d;
        d.kind = PlanDecision::Kind::Tool;
        d.toolId = toolId;
        d.arguments = arguments;
        return d;
    }
    PlanDecision next;
    int calls = 0;
    QString lastMessage;
};

inline ToolRegistry demoRegistry()
{
    return RegistryLoader().load({ QStringLiteral(M1_SOURCE_DIR "/resources/demo/fleet-api.yaml") });
}

class AgentWorld
{
public:
    explicit AgentWorld(ToolRegistry registry, const QTranslator *croatian = nullptr)
        : clock(1'741'600'800'000), // Monday 10 March 2025, 10:00 UTC
          registry(std::move(registry)),
          tr(croatian),
          filler(clock),
          formatter(tr),
          graph(DependencyGraph::build(this->registry.tools()))
    {
        const QString root = QStringLiteral(M1_SOURCE_DIR "/resources");
        ScoringConfig scoring;
        ScoringConfig::load(root + QStringLiteral("/config/scoring.json"), &scoring, &error);
        const ToolDocumentation docs = ToolDocumentation::load(root + QStringLiteral("/config/tool-docs.json"), &error);
        search = SearchEngine::build(this->registry.tools(), embedder, nullptr, scoring, docs,
                                     std::make_shared<InMemoryUsageStats>(), clock, &error);
    }

    std::unique_ptr<Orchestrator> orchestrator(ToolExecutor &executor, Planner *planner, bool withGraph)
    {
        return std::make_unique<Orchestrator>(OrchestratorParts { registry, *search, filler, formatter, tr, executor,
                                                                  clock, planner, withGraph ? &graph : nullptr });
    }

    ConversationSession session(const QString &phone = QStringLiteral("385911234567")) const
    {
        return ConversationSession(phone, ConversationState {}, ConversationHistory {}, false, clock.nowMs());
    }

    static InboundMessage text(const QString &body, const QString &from = QStringLiteral("385911234567"))
    {
        static int sequence = 0;
        InboundMessage m;
        m.messageId = QStringLiteral("wamid.test%1").arg(++sequence);
        m.from = from;
        m.type = InboundMessage::Type::Text;
        m.text = body;
        return m;
    }
    static InboundMessage listReply(const QString &id, const QString &title,
                                    const QString &from = QStringLiteral("385911234567"))
    {
        InboundMessage m = text({}, from);
        m.type = InboundMessage::Type::ListReply;
        m.replyId = id;
        m.replyTitle = title;
        return m;
    }
    static UserProfile profile(const QString &language = QStringLiteral("en"))
    {
        UserProfile p;
        p.phone = QStringLiteral("385911234567");
        p.personId = QStringLiteral("per_5521");
        p.tenant = QStringLiteral("acme");
        p.name = QStringLiteral("Ana");
        p.language = language;
        return p;
    }

    ManualClock clock;
    ToolRegistry registry;
    LocalEmbedder embedder;
    AgentTr tr;
    ParameterFiller filler;
    ReplyFormatter formatter;
    DependencyGraph graph;
    std::unique_ptr<SearchEngine> search;
    QString error;
};

} // namespace m1::test
