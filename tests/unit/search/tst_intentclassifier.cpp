// IntentClassifier: English and Croatian messages (with and without diacritics) to read,
// create, update and delete; the first verb wins.

#include "embedding/tokenizer.h"
#include "search/intentclassifier.h"

#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestIntentClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
};

void TestIntentClassifier::classify_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("intent");
    const int read = int(Intent::Read), create = int(Intent::Create), update = int(Intent::Update),
              remove = int(Intent::Delete), unknown = int(Intent::Unknown);
    QTest::newRow("en show") << u"Show my bookings"_s << read;
    QTest::newRow("en how many") << u"how many km does my car have"_s << read;
    QTest::newRow("en book") << u"book a pool car for tomorrow 8-12"_s << create;
    QTest::newRow("en report") << u"I want to report damage on ZG-1234-AB"_s << create;
    QTest::newRow("en extend") << u"please extend my reservation until 5pm"_s << update;
    QTest::newRow("en change") << u"change the pickup time"_s << update;
    QTest::newRow("en cancel") << u"cancel my booking for friday"_s << remove;
    QTest::newRow("en delete") << u"delete that mileage entry"_s << remove;
    QTest::newRow("hr koliko") << u"koliko km ima moje vozilo"_s << read;
    QTest::newRow("hr pokaži") << u"Pokaži moje rezervacije"_s << read;
    QTest::newRow("hr daj") << u"daj mi popis vozila"_s << read;
    QTest::newRow("hr prijavi") << u"prijavi štetu na vozilu ZG-1234-AB"_s << create;
    QTest::newRow("hr rezerviraj") << u"rezerviraj auto za sutra"_s << create;
    QTest::newRow("hr dodaj") << u"dodaj novog vozača"_s << create;
    QTest::newRow("hr promijeni") << u"promijeni vrijeme rezervacije"_s << update;
    QTest::newRow("hr produži") << u"produži rezervaciju do 18h"_s << update;
    QTest::newRow("hr otkaži") << u"otkaži rezervaciju"_s << remove;
    QTest::newRow("hr otkazi no diacritics") << u"otkazi rezervaciju"_s << remove;
    QTest::newRow("hr obriši") << u"obriši zadnji unos"_s << remove;
    QTest::newRow("hr izbriši") << u"Izbriši putni nalog"_s << remove;
    QTest::newRow("first verb wins") << u"cancel the booking and show me the rest"_s << remove;
    QTest::newRow("en new alone") << u"a new fuel card for me please"_s << create;
    QTest::newRow("hr novu alone") << u"trebam novu karticu za gorivo"_s << create;
    // "new" as an adjective gives way to any other intent word, before or after it.
    QTest::newRow("new gives way to which") << u"hi, new here. which car is mine?"_s << read;
    QTest::newRow("novi gives way to otkaži") << u"novi plan: otkaži sutrašnju rezervaciju"_s
                                              << remove;
    QTest::newRow("no partial new") << u"renew the registration"_s << unknown;
    QTest::newRow("no verb") << u"ZG-1234-AB"_s << unknown;
    QTest::newRow("no partial words") << u"address"_s << unknown;
}

void TestIntentClassifier::classify()
{
    QFETCH(QString, message);
    QFETCH(int, intent);
    const Tokenizer tokenizer;
    const IntentClassifier classifier;
    QCOMPARE(int(classifier.classify(tokenizer.fold(message))), intent);
}

QTEST_GUILESS_MAIN(TestIntentClassifier)
#include "tst_intentclassifier.moc"
