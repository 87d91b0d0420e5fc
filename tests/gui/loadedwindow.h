#pragma once

// The start of the panel suites that need the tools loaded: a main window over a real engine
// on the test's environment, exposed, with the first snapshot built, and one panel's tab in
// front. A Qt Test step: it records its own failure (QVERIFY), so call it from initTestCase()
// and stop when QTest::currentTestFailed().
//
//   m1::test::openLoadedWindow(m_env, m_controller, m_window, &m1::MainWindow::graphPanel, m_panel);
//   if (QTest::currentTestFailed())
//       return;

#include "consoletestenv.h"
#include "enginecontroller.h"
#include "mainwindow.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>

namespace m1::test {

template <typename Panel>
void openLoadedWindow(const ConsoleTestEnv &env, std::unique_ptr<EngineController> &controller,
                      std::unique_ptr<MainWindow> &window, Panel *(MainWindow::*panelOf)() const,
                      Panel *&panel)
{
    QVERIFY(env.isValid());
    controller = std::make_unique<EngineController>(env.config());
    window = std::make_unique<MainWindow>(*controller);
    window->resize(1280, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QSignalSpy ready(controller.get(), &EngineController::snapshotReady);
    controller->reload();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
    panel = (window.get()->*panelOf)();
    QVERIFY(panel);
    window->findChild<QTabWidget *>()->setCurrentWidget(panel);
}

} // namespace m1::test
