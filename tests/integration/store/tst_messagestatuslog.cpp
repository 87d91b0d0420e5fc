// Delivery statuses on SQLite and PostgreSQL: kept against the reply's message id, oldest
// first; Meta delivering the same status twice keeps one row; the batch writer writes them in
// the same transactions as the message log; an entry without id or status is refused whole.

#include "core/clock.h"
#include "sqlsuite.h"
#include "store/messagelog.h"
#include "store/messagestatuslog.h"
#include "store/sqlbatchwriter.h"
#include "store/sqldatabase.h"

#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_MessageStatusLog : public SqlSuite
{
    Q_OBJECT

private:
    static MessageStatusEntry status(const QString &id, const QString &state, qint64 timeMs,
                                     int code = 0)
    {
        return {
            id,    u"385911"_s, state, code, code ? u"code "_s + QString::number(code) : QString(),
            timeMs
        };
    }
    static QStringList states(const QList<MessageStatusEntry> &entries)
    {
        QStringList out;
        for (const MessageStatusEntry &e : entries)
            out << e.status;
        return out;
    }

    std::unique_ptr<MessageStatusLog> m_log;

private Q_SLOTS:
    void init()
    {
        SqlSuite::init();
        if (m_db)
            m_log = std::make_unique<MessageStatusLog>(*m_db);
    }
    void cleanup()
    {
        m_log.reset();
        SqlSuite::cleanup();
    }

    void statusesComeBackOldestFirstWithEveryField()
    {
        int inserted = -1;
        const QString error = m_log->append({ status(u"wamid.A"_s, u"read"_s, 3000),
                                              status(u"wamid.A"_s, u"sent"_s, 1000),
                                              status(u"wamid.B"_s, u"failed"_s, 1500, 131047),
                                              status(u"wamid.A"_s, u"delivered"_s, 2000) },
                                            &inserted);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(inserted, 4);
        QString readError;
        const QList<MessageStatusEntry> a = m_log->forMessage(u"wamid.A"_s, &readError);
        QVERIFY2(readError.isEmpty(), qPrintable(readError));
        QCOMPARE(states(a), QStringList({ u"sent"_s, u"delivered"_s, u"read"_s }));
        const QList<MessageStatusEntry> b = m_log->forMessage(u"wamid.B"_s, &readError);
        QCOMPARE(b.size(), 1);
        QCOMPARE(b.first(), status(u"wamid.B"_s, u"failed"_s, 1500, 131047));
        QVERIFY(m_log->forMessage(u"wamid.none"_s, &readError).isEmpty());
        QVERIFY2(readError.isEmpty(), qPrintable(readError));
    }

    void aRedeliveredStatusIsKeptOnce()
    {
        QVERIFY(m_log->append({ status(u"wamid.A"_s, u"delivered"_s, 2000) }).isEmpty());
        int inserted = -1;
        const QString error = m_log->append(
            { status(u"wamid.A"_s, u"delivered"_s, 2100), status(u"wamid.A"_s, u"read"_s, 3000) },
            &inserted);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(inserted, 1);
        QString readError;
        const QList<MessageStatusEntry> a = m_log->forMessage(u"wamid.A"_s, &readError);
        QCOMPARE(states(a), QStringList({ u"delivered"_s, u"read"_s }));
        QCOMPARE(a.first().timeMs, 2000); // the first delivery of it wins
    }

    void incompleteEntriesAreRefusedWhole()
    {
        const QString error = m_log->append(
            { status(u"wamid.ok"_s, u"sent"_s, 1), status(QString(), u"sent"_s, 2) });
        QVERIFY2(error.contains(u"entry 2 of 2"_s), qPrintable(error));
        QString readError;
        QVERIFY(m_log->forMessage(u"wamid.ok"_s, &readError).isEmpty());
        QVERIFY(!m_log->append({ status(u"wamid.ok"_s, QString(), 1) }).isEmpty());
    }

    void batchWriterWritesStatusesWithTheLog()
    {
        SqlBatchWriter writer(*m_db, m_clock);
        writer.start();
        MessageLogEntry reply;
        reply.messageId = u"wamid.R"_s;
        reply.phone = u"385911"_s;
        reply.direction = MessageLogEntry::Direction::Out;
        reply.text = u"Your booking is confirmed"_s;
        reply.timeMs = 500;
        // The status may be queued before its reply's row: no ordering between the two tables.
        QVERIFY(writer.recordStatus(status(u"wamid.R"_s, u"sent"_s, 1000)));
        QVERIFY(writer.logMessage(reply));
        QVERIFY(writer.recordStatus(status(u"wamid.R"_s, u"delivered"_s, 2000)));
        QVERIFY(writer.flush(30'000));
        QCOMPARE(writer.stats().written, 3u);
        QString error;
        QCOMPARE(states(m_log->forMessage(u"wamid.R"_s, &error)),
                 QStringList({ u"sent"_s, u"delivered"_s }));
        const QList<MessageLogEntry> logged = MessageLog(*m_db).query({}, &error);
        QCOMPARE(logged.size(), 1);
        QCOMPARE(logged.first(), reply);
        writer.stop();
    }
};

QTEST_GUILESS_MAIN(tst_MessageStatusLog)
#include "tst_messagestatuslog.moc"
