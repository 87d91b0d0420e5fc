// The message log on SQLite and PostgreSQL: a message id is logged once (a duplicate is
// skipped, not an error), and range queries by phone and time come back newest first, limited.

#include "core/clock.h"
#include "sqlsuite.h"
#include "store/messagelog.h"
#include "store/sqldatabase.h"

#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class tst_MessageLog : public SqlSuite
{
    Q_OBJECT

private:
    static MessageLogEntry entry(const QString &id, const QString &phone, qint64 timeMs,
                                 const QString &text = u"hello"_s)
    {
        MessageLogEntry e;
        e.messageId = id;
        e.phone = phone;
        e.text = text;
        e.timeMs = timeMs;
        return e;
    }
    static QStringList ids(const QList<MessageLogEntry> &entries)
    {
        QStringList out;
        for (const MessageLogEntry &e : entries)
            out << e.messageId;
        return out;
    }

    std::unique_ptr<MessageLog> m_log;

private Q_SLOTS:
    void init()
    {
        SqlSuite::init();
        if (m_db)
            m_log = std::make_unique<MessageLog>(*m_db);
    }
    void cleanup()
    {
        m_log.reset();
        SqlSuite::cleanup();
    }

    void everyFieldRoundTrips()
    {
        MessageLogEntry out
            = entry(u"wamid.OUT1"_s, u"385911"_s, 1'700'000'000'123, u"Kilometraža: 12.345 km ✓"_s);
        out.direction = MessageLogEntry::Direction::Out;
        out.toolId = u"get_vehicle_mileage"_s;
        out.latencyMs = 42;
        int inserted = -1;
        QCOMPARE(m_log->append({ out }, &inserted), QString());
        QCOMPARE(inserted, 1);
        QString error;
        const QList<MessageLogEntry> read = m_log->query({}, &error);
        QCOMPARE(error, QString());
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.at(0), out);
    }

    void duplicateMessageIdIsSkipped()
    {
        int inserted = -1;
        QCOMPARE(m_log->append({ entry(u"m1"_s, u"a"_s, 10, u"first"_s) }, &inserted), QString());
        QCOMPARE(inserted, 1);
        QCOMPARE(m_log->append({ entry(u"m1"_s, u"a"_s, 20, u"again"_s), entry(u"m2"_s, u"a"_s, 30),
                                 entry(u"m2"_s, u"a"_s, 40, u"same batch"_s) },
                               &inserted),
                 QString());
        QCOMPARE(inserted, 1);
        QString error;
        QCOMPARE(m_log->count(u"a"_s, &error), 2);
        const QList<MessageLogEntry> read = m_log->query({ u"a"_s, 0, 100, 10, {} }, &error);
        QCOMPARE(ids(read), QStringList({ u"m2"_s, u"m1"_s }));
        QCOMPARE(read.at(1).text, u"first"_s); // the first one logged is kept
        QCOMPARE(read.at(0).timeMs, 30);
    }

    void oneDirectionOnly()
    {
        MessageLogEntry reply = entry(u"wamid.OUT"_s, u"385C"_s, 200, u"answer"_s);
        reply.direction = MessageLogEntry::Direction::Out;
        QCOMPARE(m_log->append({ entry(u"wamid.IN"_s, u"385C"_s, 100), reply,
                                 entry(u"wamid.OTHER"_s, u"385D"_s, 300) }),
                 QString());
        QString error;
        MessageLogQuery query;
        query.direction = MessageLogEntry::Direction::Out;
        QCOMPARE(ids(m_log->query(query, &error)), QStringList({ u"wamid.OUT"_s }));
        query.direction = MessageLogEntry::Direction::In;
        QCOMPARE(ids(m_log->query(query, &error)), QStringList({ u"wamid.OTHER"_s, u"wamid.IN"_s }));
        query.phone = u"385C"_s;
        QCOMPARE(ids(m_log->query(query, &error)), QStringList({ u"wamid.IN"_s }));
        QCOMPARE(error, QString());
    }

    void rangeQueriesNewestFirstWithLimit()
    {
        QList<MessageLogEntry> entries;
        for (int i = 0; i < 10; ++i) {
            entries << entry(u"a"_s + QString::number(i), u"385A"_s, 1000 + i * 100);
            entries << entry(u"b"_s + QString::number(i), u"385B"_s, 1000 + i * 100 + 50);
        }
        QCOMPARE(m_log->append(entries), QString());
        QString error;
        // [1200, 1600) for A: a2..a5, newest first.
        QCOMPARE(ids(m_log->query({ u"385A"_s, 1200, 1600, 100, {} }, &error)),
                 QStringList({ u"a5"_s, u"a4"_s, u"a3"_s, u"a2"_s }));
        QCOMPARE(ids(m_log->query({ u"385A"_s, 1200, 1600, 2, {} }, &error)),
                 QStringList({ u"a5"_s, u"a4"_s }));
        // Every phone in [1800, ∞).
        QCOMPARE(
            ids(m_log->query({ QString(), 1800, std::numeric_limits<qint64>::max(), 100, {} }, &error)),
            QStringList({ u"b9"_s, u"a9"_s, u"b8"_s, u"a8"_s }));
        QCOMPARE(m_log->query({ u"385A"_s, 5000, 6000, 100, {} }, &error).size(), 0);
        QCOMPARE(m_log->query({ u"385C"_s, 0, 6000, 100, {} }, &error).size(), 0);
        QCOMPARE(m_log->query({ u"385A"_s, 0, 6000, 0, {} }, &error).size(), 0);
        QCOMPARE(error, QString());
    }

    void sameTimeKeepsInsertionOrderNewestFirst()
    {
        QCOMPARE(m_log->append({ entry(u"x1"_s, u"p"_s, 500), entry(u"x2"_s, u"p"_s, 500),
                                 entry(u"x3"_s, u"p"_s, 500) }),
                 QString());
        QString error;
        QCOMPARE(ids(m_log->query({ u"p"_s, 0, 1000, 10, {} }, &error)),
                 QStringList({ u"x3"_s, u"x2"_s, u"x1"_s }));
    }

    void largeAppendSpansChunks()
    {
        QList<MessageLogEntry> entries;
        for (int i = 0; i < 257; ++i)
            entries << entry(u"bulk"_s + QString::number(i), u"p"_s + QString::number(i % 3), i);
        entries << entry(u"bulk5"_s, u"p2"_s, 999); // a duplicate in the last chunk
        int inserted = 0;
        QCOMPARE(m_log->append(entries, &inserted), QString());
        QCOMPARE(inserted, 257);
        QString error;
        QCOMPARE(m_log->count(QString(), &error), 257);
        QCOMPARE(m_log->count(u"p0"_s, &error), 86);
    }

    void entryWithoutIdIsRefusedWholeBatch()
    {
        const QString error
            = m_log->append({ entry(u"ok"_s, u"p"_s, 1), entry(QString(), u"p"_s, 2) });
        QVERIFY2(error.contains(u"message id"_s) && error.contains(u"entry 2 of 2"_s),
                 qPrintable(error));
        QString readError;
        QCOMPARE(m_log->count(QString(), &readError), 0); // one transaction: nothing kept
    }
};

QTEST_GUILESS_MAIN(tst_MessageLog)
#include "tst_messagelog.moc"
