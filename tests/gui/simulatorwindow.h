#pragma once

// The start of the simulator suites: a main window over a real engine (memory store) in a
// console test environment of its own, shown, with the simulator panel to type into. The
// engine is not started, so a test can connect its spies first.
//
//   m1::test::SimulatorWindow sim(u"tst_name"_s);
//   QVERIFY(sim.isValid());
//   m1::SimulatorPanel *panel = sim.open();
//   QSignalSpy turns(panel, &m1::SimulatorPanel::turnShown);
//   sim.controller().start();

#include "consoletestenv.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "panels/simulatorpanel.h"

#include <memory>

namespace m1::test {

class SimulatorWindow
{
public:
    explicit SimulatorWindow(const QString &name)
        : m_env(name)
    {
    }

    bool isValid() const { return m_env.isValid(); }

    // Made only once the environment is known to be valid, so nothing runs on a missing folder.
    SimulatorPanel *open()
    {
        m_controller = std::make_unique<EngineController>(m_env.config());
        m_window = std::make_unique<MainWindow>(*m_controller);
        m_window->show();
        return m_window->simulatorPanel();
    }

    EngineController &controller() { return *m_controller; }

private:
    // Destroyed in reverse: the window, then the engine, then the folder they used.
    ConsoleTestEnv m_env;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace m1::test
