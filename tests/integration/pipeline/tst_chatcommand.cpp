// `m1bot chat` with piped stdin: a read question, a booking up to the confirmation buttons, a
// confirm, and EOF — every reply printed, the process exits on its own with code 0.
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class TestChatCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pipedConversation();
    void missingPhoneIsAUsageError();
};

void TestChatCommand::pipedConversation()
{
    QProcess bot;
    bot.start(QStringLiteral(M1BOT_PATH),
              { u"chat"_s, u"--phone"_s, u"385911234567"_s, u"--store"_s, u"memory"_s });
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

void TestChatCommand::missingPhoneIsAUsageError()
{
    QProcess bot;
    bot.start(QStringLiteral(M1BOT_PATH), { u"chat"_s, u"--store"_s, u"memory"_s });
    QVERIFY(bot.waitForStarted(30000));
    bot.closeWriteChannel();
    QVERIFY(bot.waitForFinished(60000));
    QCOMPARE(bot.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestChatCommand)
#include "tst_chatcommand.moc"
