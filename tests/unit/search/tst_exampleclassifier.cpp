// ExampleClassifier: learns what separates neighbouring tools from their examples (including
// short words the lexical index drops), is deterministic, gives no opinion on unknown words,
// stays off when there are too many classes to train at start-up, and its top-k probabilities
// are those of the whole softmax.

#include "embedding/fnvhash.h"
#include "search/exampleclassifier.h"

#include <QTest>

#include <cmath>

using namespace m1;
using namespace Qt::StringLiterals;

class TestExampleClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void separatesNeighboursByTheirDistinguishingWords();
    void isDeterministic();
    void predictsTheSameFromWords();
    void unknownWordsGiveNoOpinion();
    void tooManyClassesTurnsItOff();
    void probabilitiesOverManyClassesSumToTheEvidence();
};

namespace {

// Tool 0 lists the user's own trips, tool 1 everybody's, tool 2 deletes a trip.
void trainingSet(QStringList *texts, std::vector<int> *labels)
{
    const QList<std::pair<QString, int>> examples {
        { u"show my trips"_s, 0 },          { u"my trips last month"_s, 0 },
        { u"moje voznje za ozujak"_s, 0 },  { u"which trips did I drive"_s, 0 },
        { u"all trips of the fleet"_s, 1 }, { u"trips of driver Horvat"_s, 1 },
        { u"sve voznje vozaca"_s, 1 },      { u"every trip of the van yesterday"_s, 1 },
        { u"delete that trip"_s, 2 },       { u"obrisi voznju"_s, 2 },
        { u"remove the wrong trip"_s, 2 },  { u"trip entered by mistake, delete it"_s, 2 },
    };
    for (const auto &[text, label] : examples) {
        texts->append(text);
        labels->push_back(label);
    }
}

int best(const ExampleClassifier &classifier, const QString &text)
{
    std::vector<std::pair<int, float>> top;
    classifier.predict(text, 3, top);
    return top.empty() ? -1 : top.front().first;
}

} // namespace

void TestExampleClassifier::separatesNeighboursByTheirDistinguishingWords()
{
    QStringList texts;
    std::vector<int> labels;
    trainingSet(&texts, &labels);
    const ExampleClassifier classifier(texts, labels, 4);
    QCOMPARE(classifier.classCount(), 3); // tool 3 has no examples: never predicted
    QCOMPARE(best(classifier, u"my trips in march"_s), 0);
    QCOMPARE(best(classifier, u"trips of driver Babic"_s), 1);
    QCOMPARE(best(classifier, u"please delete the trip from monday"_s), 2);
    std::vector<std::pair<int, float>> top;
    classifier.predict(u"my trips"_s, 3, top);
    QCOMPARE(int(top.size()), 3);
    float sum = 0;
    for (size_t i = 0; i < top.size(); ++i) {
        sum += top[i].second;
        if (i > 0)
            QVERIFY(top[i - 1].second >= top[i].second); // best first
    }
    // Probabilities over all classes, scaled by the evidence: "my", "trip" and the pair "my trip"
    // are known features, n/(n+2) = 3/5.
    QVERIFY(qAbs(sum - 0.6f) < 1e-4f);
}

void TestExampleClassifier::isDeterministic()
{
    QStringList texts;
    std::vector<int> labels;
    trainingSet(&texts, &labels);
    const ExampleClassifier a(texts, labels, 3);
    const ExampleClassifier b(texts, labels, 3);
    std::vector<std::pair<int, float>> x, y;
    a.predict(u"show all trips of the van"_s, 3, x);
    b.predict(u"show all trips of the van"_s, 3, y);
    QCOMPARE(x.size(), y.size());
    for (size_t i = 0; i < x.size(); ++i) {
        QCOMPARE(x[i].first, y[i].first);
        QCOMPARE(x[i].second, y[i].second);
    }
}

void TestExampleClassifier::predictsTheSameFromWords()
{
    QStringList texts;
    std::vector<int> labels;
    trainingSet(&texts, &labels);
    const ExampleClassifier classifier(texts, labels, 3);
    const Tokenizer tokenizer(ExampleClassifier::tokenizerOptions());
    for (const QString &text : { u"show all trips of the van"_s, u"cancel it"_s, u"zxqv"_s }) {
        std::vector<std::uint64_t> words;
        tokenizer.forEachToken(text, [&](std::u16string_view token) {
            words.push_back(fnv1a(token));
        });
        std::vector<std::pair<int, float>> fromText, fromWords;
        classifier.predict(text, 3, fromText);
        classifier.predictWords(words.data(), int(words.size()), 3, fromWords);
        QCOMPARE(fromWords, fromText);
    }
}

void TestExampleClassifier::unknownWordsGiveNoOpinion()
{
    QStringList texts;
    std::vector<int> labels;
    trainingSet(&texts, &labels);
    const ExampleClassifier classifier(texts, labels, 3);
    std::vector<std::pair<int, float>> top { { 9, 1.0f } };
    classifier.predict(u"zxqv wpkj"_s, 3, top);
    QVERIFY(top.empty());
    classifier.predict(QString(), 3, top);
    QVERIFY(top.empty());
}

void TestExampleClassifier::tooManyClassesTurnsItOff()
{
    QStringList texts;
    std::vector<int> labels;
    for (int i = 0; i < 12; ++i) {
        texts.append(u"example number "_s + QString::number(i));
        labels.push_back(i);
    }
    ExampleClassifierOptions options;
    options.maxClasses = 10;
    const ExampleClassifier classifier(texts, labels, 12, options);
    QVERIFY(classifier.isEmpty());
    std::vector<std::pair<int, float>> top;
    classifier.predict(u"example number 3"_s, 3, top);
    QVERIFY(top.empty());
    QVERIFY(ExampleClassifier(texts, labels, 12).classCount() == 12);
}

void TestExampleClassifier::probabilitiesOverManyClassesSumToTheEvidence()
{
    // 37 classes: the denominator runs over vector blocks and a tail; only the k best get a
    // probability, and all of them together are the whole softmax scaled by n/(n+2).
    QStringList texts;
    std::vector<int> labels;
    for (int tool = 0; tool < 37; ++tool) {
        const QString name = u"thing"_s + QChar(u'a' + tool % 26) + QString::number(tool);
        texts << u"show the "_s + name << u"list every "_s + name + u" please"_s;
        labels.push_back(tool);
        labels.push_back(tool);
    }
    const ExampleClassifier classifier(texts, labels, 37);
    QCOMPARE(classifier.classCount(), 37);
    std::vector<std::pair<int, float>> all, top;
    classifier.predict(u"show every thingc2"_s, 37, all);
    QCOMPARE(int(all.size()), 37);
    double sum = 0;
    for (const auto &entry : all)
        sum += entry.second;
    // Known features: "show", "every", "thingc", "2" and the pairs "show every", "thingc 2".
    QVERIFY(std::abs(sum - 6.0 / 8.0) < 1e-4);
    QCOMPARE(all.front().first, 2);
    classifier.predict(u"show every thingc2"_s, 3, top);
    QCOMPARE(int(top.size()), 3);
    for (size_t i = 0; i < top.size(); ++i) {
        QCOMPARE(top[i].first, all[i].first);
        QCOMPARE(top[i].second, all[i].second);
    }
}

QTEST_GUILESS_MAIN(TestExampleClassifier)
#include "tst_exampleclassifier.moc"
