// `m1bot chat` with piped stdin: a read question, a booking up to the confirmation buttons, a
// confirm, and EOF — every reply printed, the process exits on its own with code 0. Like serve,
// it logs both directions to the SQL database (--database, else M1_DATABASE_URL, else SQLite in
// the data folder), and refuses a database URL it cannot use.
#include "core/clock.h"
#include "store/messagelog.h"
#include "store/sqldatabase.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestChatCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pipedConversation();
    void bothDirectionsAreLogged();
    void databaseFromTheEnvironment();
    void missingPhoneIsAUsageError();
    void badDatabaseUrlIsAUsageError();

private:
    // m1bot with its data folder (the default database's home) inside m_home.
    void startBot(QProcess &bot, const QStringList &arguments, const QProcessEnvironment &extra = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"XDG_DATA_HOME"_s, m_home.path());
        environment.remove(u"M1_DATABASE_URL"_s);
        for (const QString &key : extra.keys())
            environment.insert(key, extra.value(key));
        bot.setProcessEnvironment(environment);
        bot.start(QStringLiteral(M1BOT_PATH), arguments);
    }
    // Runs one chat to its end; "" or why it failed.
    QString chat(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &extra = {})
    {
        QProcess bot;
        startBot(bot, arguments, extra);
        if (!bot.waitForStarted(30000))
            return bot.errorString();
        bot.write(input);
        bot.closeWriteChannel();
        if (!bot.waitForFinished(240000))
            return u"m1bot chat did not exit at EOF"_s;
        if (bot.exitStatus() != QProcess::NormalExit || bot.exitCode() != 0)
            return QString::fromUtf8(bot.readAllStandardError());
        return {};
    }
    // The database's message log, one direction or both.
    static QList<MessageLogEntry> logOf(const QString &path, QString *error,
                                        std::optional<MessageLogEntry::Direction> direction = {})
    {
        ManualClock clock;
        const std::unique_ptr<SqlDatabase> db = SqlDatabase::open(SqlUrl::sqlite(path), clock, error);
        if (!db)
            return {};
        MessageLogQuery query;
        query.direction = direction;
        return MessageLog(*db).query(query, error);
    }

    QTemporaryDir m_home;
};

void TestChatCommand::initTestCase()
{
    QVERIFY(m_home.isValid());
}

void TestChatCommand::pipedConversation()
{
    QProcess bot;
    startBot(bot, { u"chat"_s, u"--phone"_s, u"385911234567"_s, u"--store"_s, u"memory"_s });
    QVERIFY2(bot.waitForStarted(30000), qPrintable(bot.errorString()));
    bot.write("book a pool car tomorrow 8-12\nLOC-ZG-01\nclient visit\n/button confirm\nchange\n");
    bot.closeWriteChannel();
    QVERIFY2(bot.waitForFinished(240000), "m1bot chat did not exit at EOF");
    const QString out = QString::fromUtf8(bot.readAllStandardOutput());
    const QString err = QString::fromUtf8(bot.readAllStandardError());
    QVERIFY2(bot.exitStatus() == QProcess::NormalExit && bot.exitCode() == 0, qPrintable(err));
    QVERIFY2(out.contains(u"[/button confirm]"_s), qPrintable(out));
    QVERIFY2(out.contains(u"[/button cancel]"_s), qPrintable(out));
    QVERIFY2(out.contains(u"[/list "_s) || out.count(u"[/button "_s) > 2, qPrintable(out));
    // One "bot>" block per reply: question(s), confirmation, result, the offer for "change".
    QVERIFY2(out.count(u"bot> "_s) >= 5, qPrintable(out));
}

void TestChatCommand::bothDirectionsAreLogged()
{
    const QString path = m_home.filePath(u"chat.db"_s);
    const QString failed = chat({ u"chat"_s, u"--phone"_s, u"385911234000"_s, u"--store"_s, u"memory"_s,
                                  u"--database"_s, u"sqlite://"_s + path },
                                "show the fleet utilization report\n");
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QString error;
    const QList<MessageLogEntry> in = logOf(path, &error, MessageLogEntry::Direction::In);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<MessageLogEntry> out = logOf(path, &error, MessageLogEntry::Direction::Out);
    QCOMPARE(in.size(), 1);
    QCOMPARE(in.first().phone, u"385911234000"_s);
    QCOMPARE(in.first().text, u"show the fleet utilization report"_s);
    QVERIFY(!out.isEmpty());
    for (const MessageLogEntry &e : std::as_const(out)) {
        QCOMPARE(e.phone, u"385911234000"_s);
        QVERIFY2(e.messageId.startsWith(u"wamid.chat."_s), qPrintable(e.messageId));
        QVERIFY(!e.text.isEmpty());
    }

    // A second chat's replies get ids of their own: nothing of it is lost to a unique key.
    const QString again = chat({ u"chat"_s, u"--phone"_s, u"385911234000"_s, u"--store"_s, u"memory"_s,
                                 u"--database"_s, u"sqlite://"_s + path },
                               "show the fleet utilization report\n");
    QVERIFY2(again.isEmpty(), qPrintable(again));
    QCOMPARE(logOf(path, &error).size(), 2 * (in.size() + out.size()));
}

void TestChatCommand::databaseFromTheEnvironment()
{
    // M1_DATABASE_URL is used when --database is not given, as for serve.
    const QString path = m_home.filePath(u"from-env.db"_s);
    QProcessEnvironment extra;
    extra.insert(u"M1_DATABASE_URL"_s, u"sqlite://"_s + path);
    const QString failed = chat({ u"chat"_s, u"--phone"_s, u"385911234001"_s, u"--store"_s, u"memory"_s },
                                "show the fleet utilization report\n", extra);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QString error;
    QVERIFY(logOf(path, &error).size() >= 2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestChatCommand::missingPhoneIsAUsageError()
{
    QProcess bot;
    startBot(bot, { u"chat"_s, u"--store"_s, u"memory"_s });
    QVERIFY(bot.waitForStarted(30000));
    bot.closeWriteChannel();
    QVERIFY(bot.waitForFinished(60000));
    QCOMPARE(bot.exitCode(), 2);
}

void TestChatCommand::badDatabaseUrlIsAUsageError()
{
    QProcess bot;
    startBot(bot, { u"chat"_s, u"--phone"_s, u"385911234002"_s, u"--store"_s, u"memory"_s, u"--database"_s,
                    u"mysql://nope"_s });
    QVERIFY(bot.waitForStarted(30000));
    bot.closeWriteChannel();
    QVERIFY(bot.waitForFinished(60000));
    QCOMPARE(bot.exitCode(), 2);
    QVERIFY2(QString::fromUtf8(bot.readAllStandardError()).contains(u"--database"_s), "the error names the option");
}

QTEST_GUILESS_MAIN(TestChatCommand)
#include "tst_chatcommand.moc"
