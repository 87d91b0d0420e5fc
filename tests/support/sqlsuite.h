#pragma once

// The base of the SQL store suites that run every test on a fresh, open database: the
// ("sqlite", "postgresql") rows, PostgreSQL started once, and per test a new database opened
// into m_db (on a ManualClock) and closed again.
//
//   class tst_Thing : public m1::SqlSuite
//   {
//       Q_OBJECT
//   private Q_SLOTS:
//       void init()    { SqlSuite::init(); if (m_db) m_thing = …; }   // only if it keeps more
//       void cleanup() { m_thing.reset(); SqlSuite::cleanup(); }
//       void someTest() { … *m_db … }
//   };
//
// The fixture slots are protected, so Qt Test calls them by name (initTestCase(), init(), …)
// but never lists them among the test functions; a suite's own init()/cleanup() replace them
// and call them first/last.

#include "core/clock.h"
#include "sqlbackends.h"
#include "store/sqldatabase.h"

#include <QObject>

#include <memory>

namespace m1 {

class SqlSuite : public QObject
{
    Q_OBJECT

protected Q_SLOTS:
    void initTestCase_data() { SqlBackends::addRows(); }
    void initTestCase() { m_backends.startOrFail(); }
    // Leaves m_db null when the test is skipped or failed (recorded already).
    void init() { m_db = m_backends.openFreshOrSkip(m_clock); }
    void cleanup() { m_db.reset(); }

protected:
    SqlBackends m_backends;
    ManualClock m_clock;
    std::unique_ptr<SqlDatabase> m_db;
};

} // namespace m1
