// The dependency graph panel over a real engine: focusing on a tool lays out exactly its
// neighbourhood (Graphviz, off the GUI thread), more hops reach further, every tool at once
// works, clicking a tool opens it in the registry, and the exports write files other tools read.

#include "loadedwindow.h"
#include "panels/graphpanel.h"
#include "panels/registrypanel.h"
#include "widgets/graphcanvas.h"
#include "widgets/graphnodeitem.h"

#include "graph/dependencygraph.h"
#include "registry/toolregistry.h"

#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <graphviz/cgraph.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kFocus = u"createPoolBooking"_s;

QSet<QString> neighbours(const m1::EngineSnapshot &snapshot, const QString &id)
{
    const int index = snapshot.registry->indexOf(id);
    QSet<QString> out;
    for (const m1::GraphEdge &e : snapshot.graph->incoming(index))
        out.insert(snapshot.registry->tools().at(e.from).id);
    for (const m1::GraphEdge &e : snapshot.graph->consumers(index))
        out.insert(snapshot.registry->tools().at(e.to).id);
    return out;
}

} // namespace

class TestGraphPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_env.isValid());
        QSettings().setValue(u"graph/maxNodes"_s, 40);
        m1::test::openLoadedWindow(m_env, m_controller, m_window, &m1::MainWindow::graphPanel,
                                   m_panel);
        if (QTest::currentTestFailed())
            return;
        // A default focus is laid out as soon as the tools are there.
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending() && !m_panel->canvas()->nodeIds().isEmpty(), 30'000);
    }

    void focusShowsTheNeighbourhood()
    {
        m_panel->setShowAll(false);
        m_panel->setHops(1);
        QVERIFY(m_panel->focusOn(kFocus));
        QVERIFY(!m_panel->focusOn(u"noSuchTool"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending(), 30'000);
        m1::GraphCanvas *canvas = m_panel->canvas();
        const m1::GraphLayout &layout = canvas->currentLayout();
        QVERIFY2(layout.error.isEmpty(), qPrintable(layout.error));
        QCOMPARE(layout.scope.focusId, kFocus);
        QCOMPARE(layout.engine, u"dot"_s);

        const QSet<QString> expected = neighbours(*m_controller->snapshot(), kFocus);
        QVERIFY(!expected.isEmpty());
        QVERIFY(expected.size() < 40);
        const QStringList ids = canvas->nodeIds();
        QSet<QString> shown(ids.cbegin(), ids.cend());
        QVERIFY(shown.remove(kFocus));
        QCOMPARE(shown, expected);
        QVERIFY(canvas->node(kFocus)->isFocus());
        for (const m1::LayoutEdge &edge : layout.edges) {
            QVERIFY(edge.from == kFocus || edge.to == kFocus);
            QVERIFY(!edge.keys.isEmpty());
            QVERIFY(edge.points.size() >= 2);
        }
        // Graphviz placed every box inside its bounding box, and no two on the same spot.
        QSet<QPair<int, int>> spots;
        for (const m1::LayoutNode &node : layout.nodes) {
            QVERIFY(layout.bounds.adjusted(-1, -1, 1, 1).contains(node.centre));
            spots.insert({qRound(node.centre.x()), qRound(node.centre.y())});
        }
        QCOMPARE(spots.size(), layout.nodes.size());
    }

    void moreHopsReachFurtherWithinTheLimit()
    {
        m_panel->setHops(2);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending() && m_panel->canvas()->currentLayout().scope.hops == 2,
                                 30'000);
        const m1::GraphLayout &layout = m_panel->canvas()->currentLayout();
        const QSet<QString> oneHop = neighbours(*m_controller->snapshot(), kFocus);
        QVERIFY(layout.nodes.size() > oneHop.size() + 1);
        QVERIFY(layout.nodes.size() <= 40);
        for (const QString &id : oneHop)
            QVERIFY2(m_panel->canvas()->node(id), qPrintable(id)); // the nearest are kept first
        // The outer ring hangs on one link each (a tree); the rest is counted, not drawn.
        int twoHops = 0;
        for (const m1::LayoutNode &node : layout.nodes) {
            if (node.hop != 2)
                continue;
            ++twoHops;
            int links = 0;
            for (const m1::LayoutEdge &edge : layout.edges)
                links += edge.from == node.id || edge.to == node.id ? 1 : 0;
            QVERIFY2(links == 1, qPrintable(node.id));
        }
        QVERIFY(twoHops > 0);
        QVERIFY(layout.omittedEdges > 0);
        m_panel->setHops(1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending() && m_panel->canvas()->currentLayout().scope.hops == 1,
                                 30'000);
    }

    void zoomChangesTheScale()
    {
        m1::GraphCanvas *canvas = m_panel->canvas();
        const qreal fitted = canvas->zoom();
        canvas->zoomIn();
        QVERIFY(canvas->zoom() > fitted);
        canvas->zoomOut();
        canvas->zoomOut();
        QVERIFY(canvas->zoom() < fitted);
        canvas->fitAll();
        QCOMPARE(canvas->zoom(), fitted);
    }

    void clickingANodeOpensItInTheRegistry()
    {
        m1::GraphCanvas *canvas = m_panel->canvas();
        QStringList candidates = neighbours(*m_controller->snapshot(), kFocus).values();
        QVERIFY(!candidates.isEmpty());
        candidates.sort();
        const QString target = candidates.first();
        m1::GraphNodeItem *item = canvas->node(target);
        QVERIFY(item);
        const QPoint at = canvas->mapFromScene(item->sceneBoundingRect().center());
        QVERIFY(canvas->viewport()->rect().contains(at));
        QSignalSpy activated(m_panel, &m1::GraphPanel::toolActivated);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), target);
        m1::RegistryPanel *registry = m_window->registryPanel();
        QCOMPARE(registry->currentToolId(), target);
        QCOMPARE(m_window->findChild<QTabWidget *>()->currentWidget(), registry);
        m_window->findChild<QTabWidget *>()->setCurrentWidget(m_panel);
    }

    void findingAToolFocusesOnIt()
    {
        auto *find = m_panel->findChild<QLineEdit *>();
        QVERIFY(find);
        find->setText(u"POOLVEHICLEPICK"_s); // part of recordPoolVehiclePickup, any case
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(m_panel->focusId(), u"recordPoolVehiclePickup"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending(), 30'000);
        QCOMPARE(m_panel->canvas()->currentLayout().scope.focusId, u"recordPoolVehiclePickup"_s);
        find->clear();
        QVERIFY(m_panel->focusOn(kFocus));
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending(), 30'000);
    }

    void exportsWriteReadableFiles()
    {
        QTemporaryDir dir;
        const QString dotPath = dir.filePath(u"graph.dot"_s);
        QCOMPARE(m_panel->exportTo(dotPath), QString());
        QFile file(dotPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray dot = file.readAll();
        // Graphviz itself reads it back: same tools, with the positions it computed.
        Agraph_t *g = agmemread(dot.constData());
        QVERIFY(g);
        const m1::GraphLayout &layout = m_panel->canvas()->currentLayout();
        QCOMPARE(agnnodes(g), int(layout.nodes.size()));
        QCOMPARE(agnedges(g), int(layout.edges.size()));
        QByteArray focus = kFocus.toUtf8();
        Agnode_t *node = agnode(g, focus.data(), 0);
        QVERIFY(node);
        char posName[] = "pos";
        const char *pos = agget(node, posName);
        QVERIFY(pos && *pos);
        agclose(g);

        const QString pngPath = dir.filePath(u"graph.png"_s);
        QCOMPARE(m_panel->exportTo(pngPath), QString());
        const QImage png(pngPath);
        QVERIFY(!png.isNull());
        QVERIFY(png.width() > 100);
        const QString svgPath = dir.filePath(u"graph.svg"_s);
        QCOMPARE(m_panel->exportTo(svgPath), QString());
        QFile svg(svgPath);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains(focus));
        QVERIFY(!m_panel->exportTo(dir.filePath(u"graph.bmpx"_s)).isEmpty());
    }

    void everyToolAtOnce()
    {
        m_panel->setShowAll(true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending() && m_panel->canvas()->currentLayout().scope.allTools,
                                 60'000);
        const m1::GraphLayout &layout = m_panel->canvas()->currentLayout();
        QVERIFY2(layout.error.isEmpty(), qPrintable(layout.error));
        QCOMPARE(int(layout.nodes.size()), m_controller->snapshot()->registry->size());
        QCOMPARE(layout.engine, u"sfdp"_s);
        m_panel->setShowAll(false);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isLayoutPending(), 30'000);
    }

    void settingsAreRemembered()
    {
        m_panel->setHops(3);
        QVERIFY(m_panel->focusOn(kFocus));
        m1::GraphPanel again;
        QCOMPARE(again.focusId(), kFocus);
        QCOMPARE(QSettings().value(u"graph/hops"_s).toInt(), 3);
        m_panel->setHops(1);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_controller.reset();
    }

private:
    m1::test::ConsoleTestEnv m_env{u"tst_graphpanel"_s};
    std::unique_ptr<m1::EngineController> m_controller;
    std::unique_ptr<m1::MainWindow> m_window;
    m1::GraphPanel *m_panel = nullptr;
};

QTEST_MAIN(TestGraphPanel)
#include "tst_graphpanel.moc"
