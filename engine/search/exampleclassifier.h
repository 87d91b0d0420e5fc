#pragma once

// A softmax (multinomial logistic regression) classifier trained at start-up on the
// documentation's example messages: which tool does a message like this one belong to?
// Similarity to the nearest example finds the right neighbourhood; a trained model learns which
// words *separate* neighbours ("my" in listMyTrips against listTrips, "cancel" against
// "change"), including short words the lexical index drops as stop words. Features are the
// message's folded, stemmed words and word pairs; the model keeps weights only for features
// seen in training. Immutable after construction, so predict() is safe from many threads.

#include "embedding/tokenizer.h"
#include "search/termids.h"

#include <QStringList>

#include <cstdint>
#include <vector>

namespace m1 {

struct ExampleClassifierOptions
{
    // Chosen on half of resources/eval (the other half held out): more epochs or a larger step
    // fit the examples tighter without helping unseen messages.
    int epochs = 30;
    float learningRate = 1.0f;
    float l2 = 1e-5f;
    int maxClasses = 1000; // more documented tools than this: no classifier (training cost)
    std::uint32_t seed = 7; // order of the training examples
};

class ExampleClassifier
{
public:
    static constexpr int kMaxFeatures = 96;

    ExampleClassifier() = default;
    // texts[i] is an example of tool labels[i] (0..toolCount-1).
    ExampleClassifier(const QStringList &texts, const std::vector<int> &labels, int toolCount,
                      ExampleClassifierOptions options = {});

    bool isEmpty() const { return m_classes == 0; }
    int classCount() const { return m_classes; }

    // The k most probable tools for a message, best first, as (tool, probability × n/(n+2) for
    // n known features of the message).
    void predict(QStringView text, int k, std::vector<std::pair<int, float>> &out) const;
    // The same from the message's words already tokenised: fnv1a() of every token, stop words
    // included, in text order, as tokenizerOptions() makes them (the search engine tokenises
    // a query once for all of its lexical parts).
    void predictWords(const std::uint64_t *words, int wordCount, int k,
                      std::vector<std::pair<int, float>> &out) const;
    static constexpr Tokenizer::Options tokenizerOptions() { return { true, false, true }; }

private:
    void wordHashes(QStringView text, std::vector<std::uint64_t> &words) const;
    // Row indices of the message's known features (unknown ones carry no weight); *total
    // counts all of its features, which set each one's value as in training.
    int featureRows(const std::uint64_t *words, int wordCount, int *rows, int *total) const;
    // Features: each word and each pair of neighbouring words, once, at most kMaxFeatures.
    static int collectHashes(const std::uint64_t *words, int wordCount, std::uint64_t *hashes);
    void train(const std::vector<std::vector<int>> &examples, const std::vector<int> &labels,
               const ExampleClassifierOptions &options);

    Tokenizer m_tokenizer { tokenizerOptions() }; // stop words kept
    TermIds m_rows; // feature hash → weight row
    std::vector<float> m_weights; // rows × classes
    std::vector<float> m_bias; // classes
    std::vector<int> m_toolOfClass;
    int m_classes = 0;
};

} // namespace m1
