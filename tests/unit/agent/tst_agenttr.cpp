// AgentTr: per-user language for the bot's phrases, plurals, labels and language guessing.

#include "agent/agenttr.h"

#include "fakecroatian.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestAgentTr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishIsTheSource()
    {
        AgentTr tr;
        QCOMPARE(tr.tr(ReplyLanguage::English, "Confirm"), u"Confirm"_s);
        QCOMPARE(tr.tr(ReplyLanguage::English, "%n item(s)", 1), u"1 item"_s);
        QCOMPARE(tr.tr(ReplyLanguage::English, "%n item(s)", 3), u"3 items"_s);
        QCOMPARE(tr.label(ReplyLanguage::English, u"Licence plate"_s), u"Licence plate"_s);
    }

    void croatianFromTheCatalogue()
    {
        FakeCroatian hr;
        AgentTr tr(&hr);
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "Confirm"), u"Potvrdi"_s);
        QCOMPARE(tr.tr(ReplyLanguage::English, "Confirm"), u"Confirm"_s); // per call, not per app
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "%n item(s)", 1), u"1 stavka"_s);
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "%n item(s)", 3), u"3 stavke"_s);
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "%n item(s)", 5), u"5 stavki"_s);
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "%n item(s)", 21), u"21 stavka"_s);
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "%n item(s)", 12), u"12 stavki"_s);
        QCOMPARE(tr.label(ReplyLanguage::Croatian, u"Licence plate"_s), u"Registracija"_s);
        // Unknown phrases fall back to English rather than to nothing.
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "Not in the catalogue"), u"Not in the catalogue"_s);
    }

    void applicationTranslatorsAreTheFallback()
    {
        FakeCroatian appWide;
        QVERIFY(QCoreApplication::installTranslator(&appWide));
        AgentTr tr; // no own Croatian catalogue
        QCOMPARE(tr.tr(ReplyLanguage::Croatian, "Cancel"), u"Odustani"_s);
        QCOMPARE(tr.tr(ReplyLanguage::English, "Cancel"), u"Cancel"_s); // English users stay English
        QVERIFY(QCoreApplication::removeTranslator(&appWide));
    }

    void languageCodes()
    {
        QCOMPARE(AgentTr::languageFromCode(u"hr"_s), ReplyLanguage::Croatian);
        QCOMPARE(AgentTr::languageFromCode(u"hr-HR"_s), ReplyLanguage::Croatian);
        QCOMPARE(AgentTr::languageFromCode(u"HRV"_s), ReplyLanguage::Croatian);
        QCOMPARE(AgentTr::languageFromCode(u"en"_s), ReplyLanguage::English);
        QCOMPARE(AgentTr::languageFromCode(QString()), ReplyLanguage::English);
        QCOMPARE(AgentTr::languageCode(ReplyLanguage::Croatian), u"hr"_s);
        QVERIFY(!AgentTr::loadCroatian(u"/nonexistent/m1_hr.qm"_s));
    }

    void guessLanguage_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("croatian");
        QTest::newRow("hr") << u"Trebam auto sutra od 8 do 12"_s << true;
        QTest::newRow("hr diacritics") << u"prijavi štetu"_s << true;
        QTest::newRow("hr no diacritics") << u"koliko km ima moje vozilo"_s << true;
        QTest::newRow("en") << u"How many km does my car have?"_s << false;
        QTest::newRow("en booking") << u"book a pool car for tomorrow 8-12"_s << false;
        QTest::newRow("plate only") << u"ZG-1234-AB"_s << false;
    }

    void guessLanguage()
    {
        QFETCH(QString, message);
        QFETCH(bool, croatian);
        AgentTr tr;
        QCOMPARE(tr.guessLanguage(message) == ReplyLanguage::Croatian, croatian);
    }
};

QTEST_GUILESS_MAIN(TestAgentTr)
#include "tst_agenttr.moc"
