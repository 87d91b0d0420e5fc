#include "embedding/tokenizer.h"

#include "embedding/fnvhash.h"

#include <QChar>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace m1 {

namespace {

// Folding table for the Latin ranges (ASCII, Latin-1, Latin Extended-A/B), built once from
// Unicode decompositions; everything above is lower-cased and kept, or a separator.
struct FoldTable
{
    std::array<char16_t, 0x250> map {};
    FoldTable()
    {
        for (char16_t c = 0; c < map.size(); ++c) {
            const QChar ch(c);
            if (!ch.isLetterOrNumber()) {
                map[c] = 0;
                continue;
            }
            QChar base = ch.toLower();
            const QString decomposed = base.decomposition();
            if (!decomposed.isEmpty() && decomposed.at(0).unicode() < 0x250)
                base = decomposed.at(0).toLower();
            map[c] = base.unicode();
        }
        // Letters with no decomposition that people type plainly.
        map[0x0111] = u'd';
        map[0x0110] = u'd'; // đ Đ
        map[0x00F8] = u'o';
        map[0x00D8] = u'o'; // ø
        map[0x0142] = u'l';
        map[0x0141] = u'l'; // ł
        map[0x00DF] = u's'; // ß
        map[0x00E6] = u'a';
        map[0x00C6] = u'a'; // æ
        map[0x00AA] = 0;
        map[0x00BA] = 0;
        map[0x00B2] = u'2';
        map[0x00B3] = u'3';
        map[0x00B9] = u'1';
    }
};

const FoldTable &foldTable()
{
    static const FoldTable table; // immutable data, built on first use
    return table;
}

constexpr std::u16string_view kStopWords[] = {
    // English
    u"a",
    u"an",
    u"the",
    u"of",
    u"to",
    u"for",
    u"in",
    u"on",
    u"at",
    u"by",
    u"is",
    u"are",
    u"be",
    u"was",
    u"were",
    u"been",
    u"am",
    u"i",
    u"me",
    u"my",
    u"you",
    u"your",
    u"we",
    u"our",
    u"it",
    u"its",
    u"this",
    u"that",
    u"these",
    u"those",
    u"and",
    u"or",
    u"do",
    u"does",
    u"did",
    u"can",
    u"could",
    u"would",
    u"will",
    u"should",
    u"please",
    u"with",
    u"from",
    u"as",
    u"into",
    u"about",
    u"there",
    u"here",
    u"have",
    u"has",
    u"had",
    u"some",
    u"any",
    u"all",
    u"just",
    u"also",
    u"if",
    u"then",
    u"so",
    u"than",
    u"too",
    u"very",
    u"want",
    u"need",
    u"like",
    u"let",
    u"us",
    u"hi",
    u"hello",
    u"thanks",
    u"thank",
    // Croatian (folded)
    u"je",
    u"su",
    u"sam",
    u"si",
    u"smo",
    u"ste",
    u"bi",
    u"biti",
    u"bio",
    u"bila",
    u"i",
    u"u",
    u"na",
    u"za",
    u"od",
    u"do",
    u"se",
    u"da",
    u"li",
    u"mi",
    u"me",
    u"moj",
    u"moja",
    u"moje",
    u"mojeg",
    u"mojega",
    u"mojem",
    u"mojoj",
    u"moju",
    u"mojih",
    u"mojim",
    u"ti",
    u"te",
    u"to",
    u"ta",
    u"taj",
    u"tu",
    u"ovo",
    u"ova",
    u"ovaj",
    u"ovu",
    u"ono",
    u"kako",
    u"sto",
    u"s",
    u"sa",
    u"o",
    u"po",
    u"a",
    u"ali",
    u"kao",
    u"ili",
    u"pa",
    u"jer",
    u"molim",
    u"bih",
    u"htio",
    u"htjela",
    u"trebam",
    u"treba",
    u"zelim",
    u"mogu",
    u"mozes",
    u"mozete",
    u"nam",
    u"nas",
    u"vas",
    u"vam",
    u"bok",
    u"hvala",
    u"ja",
    u"ce",
    u"cu",
    u"kod",
    u"iz",
    u"pri",
    u"uz",
    u"sve",
    u"svi",
};

// Longest first; `minStem` keeps short words whole. English inflections and the common Croatian
// case, number and verb endings; one table because a message may mix both languages.
struct Suffix
{
    std::u16string_view text;
    std::u16string_view replacement;
};
constexpr Suffix kSuffixes[] = {
    { u"ovima", u"" }, { u"evima", u"" }, { u"anjem", u"" }, { u"enjem", u"" }, { u"ations", u"" },
    { u"ation", u"" }, { u"anja", u"" },  { u"enja", u"" },  { u"anje", u"" },  { u"enje", u"" },
    { u"anju", u"" },  { u"enju", u"" },  { u"ings", u"" },  { u"ajte", u"" },  { u"ijte", u"" },
    { u"ing", u"" },   { u"ies", u"y" },  { u"ied", u"y" },  { u"ama", u"" },   { u"ima", u"" },
    { u"ati", u"" },   { u"iti", u"" },   { u"eti", u"" },   { u"ite", u"" },   { u"ers", u"" },
    { u"ed", u"" },    { u"ly", u"" },    { u"er", u"" },    { u"om", u"" },    { u"em", u"" },
    { u"og", u"" },    { u"oj", u"" },    { u"ih", u"" },    { u"im", u"" },    { u"aj", u"" },
    { u"a", u"" },     { u"e", u"" },     { u"i", u"" },     { u"o", u"" },     { u"u", u"" },
    { u"s", u"" },
};
constexpr int kMinStem = 3;

// Croatian verb forms the table above would cut one letter short of the other forms of the
// same verb: the past participle ("promijenilo", "potvrdio", "rezervirala") and the first
// person plural ("platimo", "trebamo"). Stripped whole, and first, so they meet the stems of
// the infinitive and present ("promijeniti", "promijeni" → promjen). Only where four letters
// or more remain, so short words ("demo", "gala", "ciao") keep the table's usual cut.
// Measured on half of resources/eval (the other half held out): +1 query at rank 1 on each.
constexpr Suffix kVerbSuffixes[] = {
    { u"ilo", u"" }, { u"ila", u"" }, { u"ili", u"" }, { u"alo", u"" }, { u"ala", u"" },
    { u"ali", u"" }, { u"imo", u"" }, { u"amo", u"" }, { u"emo", u"" }, { u"io", u"" },
    { u"ao", u"" },
};
constexpr int kMinVerbStem = 4;

bool endsWith(const char16_t *token, int length, std::u16string_view suffix)
{
    const int n = int(suffix.size());
    return length >= n && std::u16string_view(token + length - n, n) == suffix;
}

// Every token is tried against both tables, twice: walking all 52 endings was half of the
// tokenizer's time. Only the endings that share the token's last letter can match, so each
// table is split by last letter at compile time, keeping the table's order inside a bucket
// (the first match in a bucket is the first match in the whole table).
struct SuffixBuckets
{
    static constexpr int kLetters = 26;
    static constexpr int kPerBucket = 12;
    std::array<std::array<std::uint8_t, kPerBucket>, kLetters> index {};
    std::array<std::uint8_t, kLetters> count {};

    template<std::size_t N> static constexpr SuffixBuckets of(const Suffix (&table)[N])
    {
        SuffixBuckets b;
        for (std::size_t i = 0; i < N; ++i) {
            const char16_t last = table[i].text.back();
            if (last < u'a' || last > u'z')
                throw "suffix tables hold lower-case ASCII endings only";
            auto &n = b.count[std::size_t(last - u'a')];
            if (n == kPerBucket)
                throw "too many endings share a last letter: raise kPerBucket";
            b.index[std::size_t(last - u'a')][n++] = std::uint8_t(i);
        }
        return b;
    }

    // Indexes into the table of the endings that may match a token ending in `last`.
    std::pair<const std::uint8_t *, int> candidates(char16_t last) const
    {
        if (last < u'a' || last > u'z')
            return { nullptr, 0 };
        const std::size_t bucket = std::size_t(last - u'a');
        return { index[bucket].data(), count[bucket] };
    }
};
constexpr SuffixBuckets kSuffixBuckets = SuffixBuckets::of(kSuffixes);
constexpr SuffixBuckets kVerbSuffixBuckets = SuffixBuckets::of(kVerbSuffixes);

bool isVowel(char16_t c)
{
    return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u';
}

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

Tokenizer::Tokenizer()
    : Tokenizer(Options {})
{
}

Tokenizer::Tokenizer(Options options)
    : m_options(options)
{
    foldTable();
    for (std::u16string_view word : kStopWords)
        m_stopWords.push_back(fnv1a(word));
    std::sort(m_stopWords.begin(), m_stopWords.end());
    m_stopWords.erase(std::unique(m_stopWords.begin(), m_stopWords.end()), m_stopWords.end());
}

char16_t Tokenizer::foldChar(char16_t c)
{
    if (c < 0x80) {
        if (c >= u'A' && c <= u'Z')
            return char16_t(c + 32);
        if ((c >= u'a' && c <= u'z') || isAsciiDigit(c))
            return c;
        return 0;
    }
    if (c < 0x250)
        return foldTable().map[c];
    const QChar ch(c);
    if (ch.isSurrogate())
        return 0;
    return ch.isLetterOrNumber() ? ch.toLower().unicode() : char16_t(0);
}

bool Tokenizer::isStopWord(std::u16string_view token) const
{
    return std::binary_search(m_stopWords.begin(), m_stopWords.end(), fnv1a(token));
}

int Tokenizer::stemLength(char16_t *token, int length)
{
    // Croatian "ije"/"je" (promijeni/promjena) is spelled both ways; keep the short form.
    for (int i = 0; i + 2 < length; ++i) {
        // Only before a consonant: "rezervacije" is a case ending, "promijeni" the jat.
        if (token[i] == u'i' && token[i + 1] == u'j' && token[i + 2] == u'e' && i > 0
            && i + 3 < length && !isVowel(token[i + 3])) {
            std::copy(token + i + 1, token + length, token + i);
            --length;
        }
    }
    if (isAsciiDigit(token[0]))
        return length;
    for (int pass = 0; pass < 2; ++pass) {
        bool stripped = false;
        const char16_t last = token[length - 1];
        if (pass == 0) {
            const auto [verbs, verbCount] = kVerbSuffixBuckets.candidates(last);
            for (int v = 0; v < verbCount; ++v) {
                const Suffix &suffix = kVerbSuffixes[verbs[v]];
                const int n = int(suffix.text.size());
                if (length - n >= kMinVerbStem && endsWith(token, length, suffix.text)) {
                    length -= n;
                    stripped = true;
                    break;
                }
            }
        }
        const auto [endings, endingCount] = kSuffixBuckets.candidates(last);
        for (int e = 0; e < endingCount; ++e) {
            if (stripped)
                break;
            const Suffix &suffix = kSuffixes[endings[e]];
            const int n = int(suffix.text.size());
            if (length - n + int(suffix.replacement.size()) < kMinStem
                || !endsWith(token, length, suffix.text))
                continue;
            if (suffix.text == u"s") {
                // Plural s only: not "status", "bus", "class", "analysis".
                const char16_t before = token[length - 2];
                if (before == u's' || before == u'u' || before == u'i')
                    continue;
            }
            length -= n;
            for (char16_t r : suffix.replacement)
                token[length++] = r;
            stripped = true;
            break;
        }
        if (!stripped)
            break;
        // rezervacij-a / rezervacij-om → rezervaci; cancell-ed → cancel.
        if (length > kMinStem && token[length - 1] == u'j' && token[length - 2] == u'i')
            --length;
        if (length > kMinStem && token[length - 1] == token[length - 2]
            && !isVowel(token[length - 1]) && token[length - 1] != u's')
            --length;
    }
    return length;
}

void Tokenizer::deliver(char16_t *buffer, int length, RawSink sink, void *context,
                        bool markStopWords) const
{
    if (length == 0)
        return;
    if (length == 1 && !isAsciiDigit(buffer[0]))
        return;
    // Stop words are recognised before stemming, in their written (folded) form.
    const bool stopWord = (m_options.dropStopWords || markStopWords)
        && isStopWord(std::u16string_view(buffer, length));
    if (stopWord && !markStopWords)
        return;
    if (m_options.stem && length > kMinStem)
        length = stemLength(buffer, length);
    sink(context, std::u16string_view(buffer, length), stopWord);
}

void Tokenizer::scan(QStringView text, RawSink sink, void *context, bool markStopWords) const
{
    char16_t buffer[kMaxTokenLength];
    int length = 0;
    char16_t previousRaw = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t raw = text[i].unicode();
        const char16_t folded = foldChar(raw);
        if (folded == 0) {
            deliver(buffer, length, sink, context, markStopWords);
            length = 0;
            previousRaw = 0;
            continue;
        }
        if (length > 0 && m_options.splitCamelCase) {
            const bool lowerToUpper = QChar::isLower(previousRaw) && QChar::isUpper(raw);
            const bool letterDigit = isAsciiDigit(folded) != isAsciiDigit(buffer[length - 1]);
            if (lowerToUpper || letterDigit) {
                deliver(buffer, length, sink, context, markStopWords);
                length = 0;
            }
        }
        if (length < kMaxTokenLength)
            buffer[length++] = folded;
        previousRaw = raw;
    }
    deliver(buffer, length, sink, context, markStopWords);
}

QStringList Tokenizer::tokens(QStringView text) const
{
    QStringList out;
    forEachToken(text, [&out](std::u16string_view token) {
        out.append(QString(reinterpret_cast<const QChar *>(token.data()), qsizetype(token.size())));
    });
    return out;
}

QString Tokenizer::fold(QStringView text) const
{
    QString out;
    out.reserve(text.size() + 2);
    out.append(u' ');
    for (QChar ch : text) {
        const char16_t folded = foldChar(ch.unicode());
        if (folded != 0)
            out.append(QChar(folded));
        else if (!out.endsWith(u' '))
            out.append(u' ');
    }
    if (!out.endsWith(u' '))
        out.append(u' ');
    return out;
}

} // namespace m1
