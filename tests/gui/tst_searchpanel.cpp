// The live search scoring panel over a real engine: typing ranks tools off the GUI thread
// (debounced, stale answers dropped), every row draws its breakdown, weight edits re-rank,
// threshold edits change the verdict, and the weights save to the user's configuration copy.

#include "enginecontroller.h"
#include "loadedwindow.h"
#include "facade/bundledresources.h"
#include "search/searchengine.h"
#include "mainwindow.h"
#include "models/searchresultmodel.h"
#include "panels/searchpanel.h"
#include "widgets/scorepartstyle.h"
#include "widgets/scoringeditor.h"

#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestSearchPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m1::test::openLoadedWindow(m_env, m_controller, m_window, &m1::MainWindow::searchPanel,
                                   m_panel);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(m_controller->snapshot()->search, qPrintable(m_controller->snapshot()->searchError));
    }

    void loadingIsNotAnEdit()
    {
        // The editor shows what the engine searches with, untouched by filling its fields.
        const m1::ScoringConfig &engine = m_controller->snapshot()->search->config();
        QCOMPARE(m_panel->scoringEditor()->config().toJson(), engine.toJson());
        m1::ScoringConfig bundled;
        QString error;
        QVERIFY2(m1::ScoringConfig::load(m1::BundledResources::scoringConfig(), &bundled, &error), qPrintable(error));
        QCOMPARE(engine.toJson(), bundled.toJson());
        m_loaded = bundled.toJson();
    }

    void typingShowsRankedResultsWithBreakdowns()
    {
        QSignalSpy shown(m_panel, &m1::SearchPanel::resultShown);
        const QString query = u"book a car for tomorrow"_s;
        m_panel->queryEdit()->clear();
        QTest::keyClicks(m_panel->queryEdit(), query);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && m_panel->lastResult().query == query, 30'000);
        // Keystrokes without a pause in between are one search, not one per letter.
        QCOMPARE(shown.count(), 1);

        const m1::SearchResult &result = m_panel->lastResult();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.results.size() >= 3);
        QVERIFY(result.tookUs > 0);
        for (qsizetype i = 0; i < result.results.size(); ++i) {
            const m1::ScoredTool &tool = result.results.at(i);
            QVERIFY2(qAbs(tool.parts.sumOfParts() - tool.score) < 1e-3, qPrintable(tool.id));
            if (i > 0)
                QVERIFY(result.results.at(i - 1).score >= tool.score);
        }
        QVERIFY2(result.results.first().id.contains(u"Pool"), qPrintable(result.results.first().id));

        // The table shows every result, each with its breakdown...
        QTableView *view = m_panel->resultsView();
        QCOMPARE(view->model()->rowCount(), int(result.results.size()));
        const QModelIndex first = view->model()->index(0, m1::SearchResultModel::BreakdownColumn);
        const auto parts = first.data(m1::SearchResultModel::BreakdownRole).value<m1::ScoreBreakdown>();
        QCOMPARE(parts.lexical, result.results.first().parts.lexical);

        // ...drawn as bars: the first row's cell holds the colour of each part it has.
        const QRect cell = view->visualRect(first);
        QVERIFY(cell.width() > 50);
        const QImage image = view->viewport()->grab().toImage().copy(cell);
        for (int part = 0; part < m1::ScorePartStyle::kPartCount; ++part) {
            if (qAbs(m1::ScorePartStyle::value(parts, part)) * 200 < 1.0f)
                continue; // too thin a slice to be sure of a whole pixel
            const QRgb wanted = m1::ScorePartStyle::color(part).rgb();
            bool found = false;
            for (int y = 0; y < image.height() && !found; ++y) {
                for (int x = 0; x < image.width() && !found; ++x)
                    found = image.pixel(x, y) == wanted;
            }
            QVERIFY2(found, qPrintable(m1::ScorePartStyle::name(part)));
        }

        // The verdict and the time are shown.
        const auto labels = m_panel->findChildren<QLabel *>();
        bool timed = false;
        bool verdict = false;
        for (const QLabel *label : labels) {
            timed = timed || label->text().contains(u"µs");
            verdict = verdict || label->text().contains(result.abstain ? u"Abstain"_s : u"Act"_s);
        }
        QVERIFY(timed);
        QVERIFY(verdict);
    }

    void staleAnswersAreDropped()
    {
        const QString shownBefore = m_panel->lastResult().query;
        m1::SearchResult stale;
        stale.query = u"an answer to an old question"_s;
        // Answers to requests the panel no longer waits for: the first id ever, and none.
        Q_EMIT m_controller->searchFinished(1, stale);
        Q_EMIT m_controller->searchFinished(0, stale);
        QCoreApplication::processEvents();
        QCOMPARE(m_panel->lastResult().query, shownBefore);
    }

    void changingAWeightReranks()
    {
        const m1::SearchResult before = m_panel->lastResult();
        QVERIFY(!before.results.isEmpty());
        const m1::ScoredTool top = before.results.first();
        // "book" is a create intent, so the top tool carries a method part: the bonus for a
        // matching method or a penalty. Making exactly that part very negative must push it down.
        const m1::ScoringConfig &scoring = m_panel->scoringEditor()->config();
        QVERIFY2(top.parts.method != 0, qPrintable(top.id));
        m_methodKey = top.parts.method > 0                              ? u"match"_s
            : qFuzzyCompare(top.parts.method, scoring.methodWriteFamily) ? u"write_family"_s
                                                                         : u"mismatch"_s;
        QSignalSpy shown(m_panel, &m1::SearchPanel::resultShown);
        m1::ScoringEditor *editor = m_panel->scoringEditor();
        QVERIFY(editor->setFieldValue(u"method"_s, m_methodKey, -5.0));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && m_panel->lastResult().results.first().id != top.id, 30'000);

        const m1::SearchResult &after = m_panel->lastResult();
        for (const m1::ScoredTool &tool : after.results) {
            if (tool.id == top.id)
                QVERIFY(qAbs(tool.parts.method - (-5.0f)) < 1e-4);
        }
        // Only that field changed: nothing the spin boxes round or clamp was written back.
        QJsonObject expected = m_loaded;
        QJsonObject method = expected.value(u"method"_s).toObject();
        method.insert(m_methodKey, -5.0);
        expected.insert(u"method"_s, method);
        QCOMPARE(editor->config().toJson(), expected);
    }

    void raisingTheActThresholdMakesItAbstain()
    {
        m1::ScoringEditor *editor = m_panel->scoringEditor();
        // With the act threshold and the lead margin at zero the best tool is used...
        QVERIFY(editor->setFieldValue(u"thresholds"_s, u"margin"_s, 0.0));
        QVERIFY(editor->setFieldValue(u"thresholds"_s, u"abstain"_s, -1.0)); // never above act
        QVERIFY(editor->setFieldValue(u"thresholds"_s, u"act"_s, 0.0));
        QCOMPARE(editor->config().actThreshold, 0.0f);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->lastResult().abstain, 30'000);
        // ...and far above every score the search abstains.
        QVERIFY(editor->setFieldValue(u"thresholds"_s, u"act"_s, 3.0));
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->lastResult().abstain, 30'000);
        bool shown = false;
        for (const QLabel *label : m_panel->findChildren<QLabel *>())
            shown = shown || label->text().contains(u"Abstain");
        QVERIFY(shown);
    }

    void weightsSaveToTheUsersCopy()
    {
        m1::ScoringEditor *editor = m_panel->scoringEditor();
        const QString path = m1::SearchPanel::savedScoringPath();
        QFile::remove(path);
        QCOMPARE(editor->save(), QString());
        m1::ScoringConfig saved;
        QString error;
        QVERIFY2(m1::ScoringConfig::load(path, &saved, &error), qPrintable(error));
        QCOMPARE(saved.toJson().value(u"method"_s).toObject().value(m_methodKey).toDouble(), -5.0);
        QCOMPARE(saved.actThreshold, 3.0f);
        // Revert reads the saved copy back; Defaults the bundled file.
        QCOMPARE(editor->restoreDefaults(), QString());
        QVERIFY(editor->config().actThreshold < 1.0f);
        QCOMPARE(editor->revert(), QString());
        QCOMPARE(editor->config().actThreshold, 3.0f);
        QVERIFY(QFile::remove(path));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_controller.reset();
    }

private:
    m1::test::ConsoleTestEnv m_env{u"tst_searchpanel"_s};
    std::unique_ptr<m1::EngineController> m_controller;
    std::unique_ptr<m1::MainWindow> m_window;
    m1::SearchPanel *m_panel = nullptr;
    QString m_methodKey; // the method weight changingAWeightReranks set
    QJsonObject m_loaded; // the bundled weights, as the engine loaded them
};

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
