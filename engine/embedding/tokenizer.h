#pragma once

// The one tokenisation the local embedder and the lexical index share, so a word means the same
// thing to both: diacritics folded (č→c, đ→d), lower case, split on anything that is not a letter
// or digit and on camelCase / letter-digit boundaries, English and Croatian stop words dropped,
// and a light suffix stripper for both languages (vozilima→vozil, bookings→book, cancelled→cancel).
// Works in a fixed stack buffer: tokenising allocates nothing.

#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <string_view>
#include <vector>

namespace m1 {

class Tokenizer
{
public:
    static constexpr int kMaxTokenLength = 48; // longer runs are cut (ids, base64 noise)

    struct Options
    {
        bool stem = true;
        bool dropStopWords = true;
        bool splitCamelCase = true;
    };

    Tokenizer();
    explicit Tokenizer(Options options);

    // Calls sink(std::u16string_view token) for each token, in text order. The view points into
    // a buffer that is reused for the next token.
    template<typename Sink> void forEachToken(QStringView text, Sink &&sink) const
    {
        scan(
            text,
            [](void *context, std::u16string_view token, bool) {
                (*static_cast<Sink *>(context))(token);
            },
            &sink, false);
    }
    // As forEachToken, with sink(token, bool stopWord): stop words are delivered and marked
    // even when this tokenizer drops them, so one pass serves a part that keeps stop words
    // (the example classifier) and a part that does not (the lexical index).
    template<typename Sink> void forEachTokenMarked(QStringView text, Sink &&sink) const
    {
        scan(
            text,
            [](void *context, std::u16string_view token, bool stopWord) {
                (*static_cast<Sink *>(context))(token, stopWord);
            },
            &sink, true);
    }

    QStringList tokens(QStringView text) const; // convenience for tests and tools
    // Diacritic-folded lower case text, separators kept as single spaces (for intent patterns).
    QString fold(QStringView text) const;

    // Folds one UTF-16 unit: lower case without diacritics, or 0 for a separator.
    static char16_t foldChar(char16_t c);
    // The suffix stripper on its own (input already folded).
    static int stemLength(char16_t *token, int length);
    bool isStopWord(std::u16string_view token) const;

private:
    using RawSink = void (*)(void *, std::u16string_view, bool stopWord);
    // markStopWords: deliver stop words too, flagged, even when the options drop them.
    void scan(QStringView text, RawSink sink, void *context, bool markStopWords) const;
    void deliver(char16_t *buffer, int length, RawSink sink, void *context,
                 bool markStopWords) const;

    Options m_options;
    std::vector<std::uint64_t> m_stopWords; // sorted hashes
};

} // namespace m1
