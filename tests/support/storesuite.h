#pragma once

// The base of the store and conversation suites that run every test against both backends:
// the ("memory", "redis") rows, the shared redis-server started once, and per test a fresh
// StoreFixture in m_fx (the redis one flushed first).
//
//   class tst_Thing : public m1::StoreSuite
//   {
//       Q_OBJECT
//   private Q_SLOTS:
//       void init()    { StoreSuite::init(); if (m_fx) m_thing = …; }   // only if it keeps more
//       void cleanup() { m_thing.reset(); StoreSuite::cleanup(); }
//       void someTest() { … m_fx->store() … }
//   };
//
// The fixture slots are protected, so Qt Test calls them by name but never lists them among
// the test functions; a suite's own init()/cleanup() replace them and call them first/last.

#include "storebackends.h"

#include <QObject>
#include <QTest>

#include <memory>

namespace m1 {

class StoreSuite : public QObject
{
    Q_OBJECT

protected Q_SLOTS:
    void initTestCase_data() { StoreBackends::addRows(); }
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_backends.startRedis(&error), qPrintable(error));
    }
    // Leaves m_fx null when the test is skipped (redis not installed) or failed (recorded).
    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString skip;
        m_fx = m_backends.fixture(backend, &skip);
        if (!m_fx)
            QSKIP(qPrintable(skip));
        if (const QString error = m_fx->error(); !error.isEmpty()) {
            m_fx.reset();
            QFAIL(qPrintable(error));
        }
    }
    void cleanup() { m_fx.reset(); }

protected:
    StoreBackends m_backends;
    std::unique_ptr<StoreFixture> m_fx;
};

} // namespace m1
