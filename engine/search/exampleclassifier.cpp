#include "search/exampleclassifier.h"

#include "embedding/fnvhash.h"
#include "search/dotkernels.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace m1 {

namespace {

constexpr std::uint64_t kPairSeed = kFnvOffset ^ 0x5bd1e9955bd1e995ull;

// Softmax in place over n logits.
void softmax(float *values, int n)
{
    const float peak = *std::max_element(values, values + n);
    float sum = 0.0f;
    for (int c = 0; c < n; ++c) {
        values[c] = std::exp(values[c] - peak);
        sum += values[c];
    }
    const float inverse = 1.0f / sum;
    for (int c = 0; c < n; ++c)
        values[c] *= inverse;
}

} // namespace

void ExampleClassifier::wordHashes(QStringView text, std::vector<std::uint64_t> &words) const
{
    words.clear();
    m_tokenizer.forEachToken(text, [&words](std::u16string_view token) {
        words.push_back(fnv1a(token));
    });
}

int ExampleClassifier::collectHashes(const std::uint64_t *words, int wordCount,
                                     std::uint64_t *hashes)
{
    int count = 0;
    auto add = [&](std::uint64_t h) {
        if (count < kMaxFeatures && std::find(hashes, hashes + count, h) == hashes + count)
            hashes[count++] = h;
    };
    for (int i = 0; i < wordCount && count < kMaxFeatures; ++i) {
        add(words[i]);
        if (i > 0)
            add(mixHash(words[i - 1] * 31 + words[i]) ^ kPairSeed);
    }
    return count;
}

int ExampleClassifier::featureRows(const std::uint64_t *words, int wordCount, int *rows,
                                   int *total) const
{
    std::uint64_t hashes[kMaxFeatures];
    const int count = collectHashes(words, wordCount, hashes);
    *total = count;
    int known = 0;
    for (int i = 0; i < count; ++i) {
        const int row = m_rows.find(hashes[i]);
        if (row >= 0)
            rows[known++] = row;
    }
    return known;
}

ExampleClassifier::ExampleClassifier(const QStringList &texts, const std::vector<int> &labels,
                                     int toolCount, ExampleClassifierOptions options)
{
    // Only documented tools are classes; the rest are never predicted.
    std::vector<int> classOfTool(size_t(std::max(0, toolCount)), -1);
    for (int tool : labels) {
        if (tool >= 0 && tool < toolCount && classOfTool[size_t(tool)] < 0) {
            classOfTool[size_t(tool)] = int(m_toolOfClass.size());
            m_toolOfClass.push_back(tool);
        }
    }
    if (m_toolOfClass.size() < 2 || int(m_toolOfClass.size()) > options.maxClasses) {
        m_toolOfClass.clear();
        return;
    }
    m_classes = int(m_toolOfClass.size());
    std::vector<std::vector<int>> examples;
    std::vector<int> classes;
    examples.reserve(size_t(texts.size()));
    std::uint64_t hashes[kMaxFeatures];
    std::vector<std::uint64_t> words;
    for (int i = 0; i < texts.size() && size_t(i) < labels.size(); ++i) {
        const int tool = labels[size_t(i)];
        if (tool < 0 || tool >= toolCount)
            continue;
        wordHashes(texts[i], words);
        const int count = collectHashes(words.data(), int(words.size()), hashes);
        std::vector<int> rows;
        for (int f = 0; f < count; ++f)
            rows.push_back(m_rows.insert(hashes[f], m_rows.size()).first);
        examples.push_back(std::move(rows));
        classes.push_back(classOfTool[size_t(tool)]);
    }
    m_weights.assign(size_t(m_rows.size()) * size_t(m_classes), 0.0f);
    m_bias.assign(size_t(m_classes), 0.0f);
    train(examples, classes, options);
}

void ExampleClassifier::train(const std::vector<std::vector<int>> &examples,
                              const std::vector<int> &labels, const ExampleClassifierOptions &options)
{
    std::vector<int> order(examples.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 random(options.seed);
    std::vector<float> probabilities(static_cast<size_t>(m_classes));
    const size_t classes = size_t(m_classes);
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), random);
        // A decaying step: large early moves, then settling.
        const float rate = options.learningRate / (1.0f + float(epoch) * 0.5f);
        for (int index : order) {
            const std::vector<int> &rows = examples[size_t(index)];
            if (rows.empty())
                continue;
            const float scale = 1.0f / std::sqrt(float(rows.size())); // each feature's value
            std::copy(m_bias.begin(), m_bias.end(), probabilities.begin());
            for (int row : rows) {
                const float *w = m_weights.data() + size_t(row) * classes;
                for (size_t c = 0; c < classes; ++c)
                    probabilities[c] += scale * w[c];
            }
            softmax(probabilities.data(), m_classes);
            probabilities[size_t(labels[size_t(index)])] -= 1.0f; // gradient of the log loss
            for (size_t c = 0; c < classes; ++c)
                m_bias[c] -= rate * probabilities[c];
            for (int row : rows) {
                float *w = m_weights.data() + size_t(row) * classes;
                for (size_t c = 0; c < classes; ++c)
                    w[c] -= rate * (scale * probabilities[c] + options.l2 * w[c]);
            }
        }
    }
}

void ExampleClassifier::predict(QStringView text, int k, std::vector<std::pair<int, float>> &out) const
{
    thread_local std::vector<std::uint64_t> words;
    wordHashes(text, words);
    predictWords(words.data(), int(words.size()), k, out);
}

void ExampleClassifier::predictWords(const std::uint64_t *words, int wordCount, int k,
                                     std::vector<std::pair<int, float>> &out) const
{
    out.clear();
    if (m_classes == 0 || k <= 0)
        return;
    int rows[kMaxFeatures];
    int total = 0;
    const int count = featureRows(words, wordCount, rows, &total);
    if (count == 0)
        return; // nothing the examples knew: no opinion rather than the prior
    // Σ rows first, one scale after: the row sums are the model's only per-class work.
    thread_local std::vector<float> logits;
    logits.assign(size_t(m_classes), 0.0f);
    for (int i = 0; i < count; ++i)
        kernels::accumulate(logits.data(), m_weights.data() + size_t(rows[i]) * size_t(m_classes),
                            m_classes);
    const float scale = 1.0f / std::sqrt(float(total));
    Eigen::Map<Eigen::ArrayXf> logitArray(logits.data(), m_classes);
    logitArray = Eigen::Map<const Eigen::ArrayXf>(m_bias.data(), m_classes) + scale * logitArray;
    const float peak = logitArray.maxCoeff();
    // Only the k best need a probability: rank by logit (the same order), then one pass of
    // vectorised exps makes the softmax's denominator.
    for (int c = 0; c < m_classes; ++c) {
        const float logit = logits[size_t(c)];
        if (int(out.size()) < k || logit > out.back().second) {
            auto at = std::upper_bound(out.begin(), out.end(), logit,
                                       [](float value, const std::pair<int, float> &e) {
                                           return value > e.second;
                                       });
            out.insert(at, { c, logit });
            if (int(out.size()) > k)
                out.pop_back();
        }
    }
    // A softmax is as sure of itself after one word as after ten: "change" alone leans to
    // one tool with high probability. Scaling by the evidence (known features n, words and
    // word pairs, n/(n+2): a third for one word, 0.6 for two words and their pair) keeps one- and two-word messages from
    // overruling the other parts of the score; with n/(n+1) a bare "change" was taken for
    // "update a person" once the documentation had many "change X" examples.
    const float evidence = float(count) / float(count + 2);
    const float norm = evidence / kernels::sumExp(logits.data(), m_classes, peak);
    for (auto &[c, value] : out) {
        value = std::exp(value - peak) * norm;
        c = m_toolOfClass[size_t(c)];
    }
}

} // namespace m1
