#include "graph/graphvizlayouter.h"

#include "graph/dependencygraph.h"
#include "graph/subgraph.h"
#include "registry/toolregistry.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>

#include <graphviz/gvc.h>

#include <cmath>

namespace m1 {
namespace {

// libgraphviz's parser, layout engines and plugin tables are process-global: one lock for every
// call into the library, whichever layouter makes it.
QMutex &graphvizLock()
{
    static QMutex lock;
    return lock;
}

// The library's C API takes char * for names it never writes to.
char *cstr(const char *text)
{
    return const_cast<char *>(text);
}

constexpr double kPointsPerInch = 72.0;
constexpr int kMaxLabelKeys = 3;

QString edgeLabel(const QStringList &keys)
{
    if (keys.size() <= kMaxLabelKeys)
        return keys.join(u", ");
    return keys.mid(0, kMaxLabelKeys).join(u", ") + QStringLiteral(" +%1").arg(keys.size() - kMaxLabelKeys);
}

QPointF parsePoint(QStringView text, double height, bool *ok)
{
    const qsizetype comma = text.indexOf(u',');
    bool okX = false;
    bool okY = false;
    const double x = comma < 0 ? 0 : text.left(comma).toDouble(&okX);
    const double y = comma < 0 ? 0 : text.mid(comma + 1).toDouble(&okY);
    *ok = okX && okY;
    return QPointF(x, height - y);
}

// "e,x,y x0,y0 x1,y1 …" (an end arrow at e), possibly with "s,x,y" for a start arrow.
void parseEdgePos(const QString &pos, double height, LayoutEdge *edge)
{
    bool haveTip = false;
    const QStringList tokens = pos.split(u' ', Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        bool ok = false;
        if (token.startsWith(u"e,")) {
            edge->arrowTip = parsePoint(QStringView(token).mid(2), height, &ok);
            haveTip = ok;
        } else if (token.startsWith(u"s,")) {
            continue;
        } else {
            const QPointF p = parsePoint(token, height, &ok);
            if (ok)
                edge->points.append(p);
        }
    }
    if (!haveTip && !edge->points.isEmpty())
        edge->arrowTip = edge->points.constLast();
}

QString attribute(void *object, const char *name)
{
    const char *value = agget(object, cstr(name));
    return value ? QString::fromUtf8(value) : QString();
}

} // namespace

GraphvizLayouter::GraphvizLayouter(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<m1::GraphLayout>();
    m_worker.setMaxThreadCount(1);
    m_worker.setObjectName(QStringLiteral("m1-graph-layout"));
}

GraphvizLayouter::~GraphvizLayouter()
{
    m_worker.clear();
    m_worker.waitForDone();
}

quint64 GraphvizLayouter::layout(EngineSnapshotPtr snapshot, const GraphScope &scope, const QFont &font)
{
    const quint64 id = ++m_latest;
    QPointer<GraphvizLayouter> self(this);
    m_worker.start([self, id, snapshot = std::move(snapshot), scope, font, latest = &m_latest] {
        // The destructor waits for this job, so `latest` is alive while it runs.
        if (!snapshot || latest->load() != id)
            return;
        GraphLayout result = layoutNow(*snapshot, scope, font);
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, result] {
                if (self)
                    Q_EMIT self->layoutReady(id, result);
            },
            Qt::QueuedConnection);
    });
    return id;
}

GraphLayout GraphvizLayouter::layoutNow(const EngineSnapshot &snapshot, const GraphScope &scope,
                                        const QFont &font)
{
    QElapsedTimer timer;
    timer.start();
    GraphLayout out;
    out.scope = scope;
    if (!snapshot.registry || !snapshot.graph) {
        out.error = QStringLiteral("no tools loaded");
        return out;
    }
    const QList<ToolDefinition> &tools = snapshot.registry->tools();
    const Subgraph sub = Subgraph::select(*snapshot.registry, *snapshot.graph, scope);
    out.hidden = sub.hidden;
    out.omittedEdges = sub.omittedEdges;
    // Edge labels make a big graph unreadable and the force-directed engine ignores them.
    const bool large = sub.nodes.size() > 150 || sub.edges.size() > 400;
    out.engine = large ? QStringLiteral("sfdp") : QStringLiteral("dot");

    const QFontMetricsF metrics(font);
    QFont boldFont = font; // the canvas draws the id in bold
    boldFont.setBold(true);
    const QFontMetricsF boldMetrics(boldFont);
    QHash<int, QByteArray> names;

    QMutexLocker locker(&graphvizLock());
    // Graphviz measures labels with its own font tables; the boxes are sized for the canvas's
    // font, so its "label does not fit" warnings would only be noise on stderr.
    agseterr(AGERR);
    GVC_t *gvc = gvContext();
    Agraph_t *g = agopen(cstr("tools"), Agdirected, nullptr);
    agattr(g, AGRAPH, cstr("rankdir"), cstr("LR"));
    agattr(g, AGRAPH, cstr("nodesep"), cstr("0.25"));
    agattr(g, AGRAPH, cstr("ranksep"), cstr("0.9"));
    if (large) {
        agattr(g, AGRAPH, cstr("overlap"), cstr("prism"));
        agattr(g, AGRAPH, cstr("splines"), cstr("false"));
    }
    agattr(g, AGNODE, cstr("shape"), cstr("box"));
    agattr(g, AGNODE, cstr("fixedsize"), cstr("true"));
    agattr(g, AGNODE, cstr("width"), cstr("1"));
    agattr(g, AGNODE, cstr("height"), cstr("0.5"));
    agattr(g, AGNODE, cstr("label"), cstr(""));
    QByteArray nodeFontSize = QByteArray::number(std::max(6.0, metrics.height() * 0.7), 'f', 1);
    agattr(g, AGNODE, cstr("fontsize"), nodeFontSize.data());
    agattr(g, AGNODE, cstr("margin"), cstr("0.04,0.02"));
    agattr(g, AGEDGE, cstr("label"), cstr(""));
    agattr(g, AGEDGE, cstr("fontsize"), cstr("8"));

    for (int tool : sub.nodes) {
        const ToolDefinition &t = tools.at(tool);
        const QString subtitle = t.method + u' ' + t.path;
        const double textWidth = std::max(boldMetrics.horizontalAdvance(t.id),
                                          metrics.horizontalAdvance(subtitle));
        const double width = (textWidth + 16) / kPointsPerInch;
        const double height = (2 * metrics.height() + 10) / kPointsPerInch;
        QByteArray name = t.id.toUtf8();
        Agnode_t *n = agnode(g, name.data(), 1);
        QByteArray label = QString(t.id + u"\\n" + subtitle).toUtf8();
        QByteArray w = QByteArray::number(width, 'f', 3);
        QByteArray h = QByteArray::number(height, 'f', 3);
        agset(n, cstr("label"), label.data());
        agset(n, cstr("width"), w.data());
        agset(n, cstr("height"), h.data());
        names.insert(tool, name);
    }
    QList<Agedge_t *> agEdges;
    agEdges.reserve(sub.edges.size());
    for (const SubgraphEdge &e : sub.edges) {
        Agnode_t *from = agnode(g, names[e.from].data(), 0);
        Agnode_t *to = agnode(g, names[e.to].data(), 0);
        Agedge_t *edge = agedge(g, from, to, nullptr, 1);
        if (!large) {
            QByteArray label = edgeLabel(e.keys).toUtf8();
            agset(edge, cstr("label"), label.data());
        }
        agEdges.append(edge);
    }

    if (gvLayout(gvc, g, large ? "sfdp" : "dot") != 0) {
        out.error = QStringLiteral("Graphviz could not lay the graph out with %1").arg(out.engine);
        agclose(g);
        gvFreeContext(gvc);
        return out;
    }
    // Rendering to DOT writes the computed positions into the attributes read below.
    char *data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, g, "dot", &data, &length) == 0 && data) {
        out.dot = QString::fromUtf8(data, qsizetype(length));
        gvFreeRenderData(data);
    } else {
        attach_attrs(g);
    }

    const QStringList bb = attribute(g, "bb").split(u',');
    const double height = bb.size() == 4 ? bb.at(3).toDouble() : 0;
    out.bounds = bb.size() == 4 ? QRectF(bb.at(0).toDouble(), 0, bb.at(2).toDouble() - bb.at(0).toDouble(),
                                         height - bb.at(1).toDouble())
                                : QRectF();
    for (qsizetype i = 0; i < sub.nodes.size(); ++i) {
        const ToolDefinition &t = tools.at(sub.nodes.at(i));
        Agnode_t *n = agnode(g, names[sub.nodes.at(i)].data(), 0);
        LayoutNode node;
        node.id = t.id;
        node.method = t.method;
        node.subtitle = t.method + u' ' + t.path;
        node.hop = sub.hops.at(i);
        bool ok = false;
        node.centre = parsePoint(attribute(n, "pos"), height, &ok);
        node.size = QSizeF(attribute(n, "width").toDouble() * kPointsPerInch,
                           attribute(n, "height").toDouble() * kPointsPerInch);
        out.nodes.append(node);
    }
    for (qsizetype i = 0; i < sub.edges.size(); ++i) {
        const SubgraphEdge &e = sub.edges.at(i);
        LayoutEdge edge;
        edge.from = tools.at(e.from).id;
        edge.to = tools.at(e.to).id;
        edge.keys = e.keys;
        edge.label = edgeLabel(e.keys);
        parseEdgePos(attribute(agEdges.at(i), "pos"), height, &edge);
        const QString lp = attribute(agEdges.at(i), "lp");
        if (!lp.isEmpty())
            edge.labelPos = parsePoint(lp, height, &edge.hasLabel);
        out.edges.append(edge);
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    out.ms = timer.nsecsElapsed() / 1e6;
    return out;
}

} // namespace m1
