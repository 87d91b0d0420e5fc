#pragma once

// Turns the raw body of a WhatsApp Cloud API webhook POST into a WebhookBatch. It never trusts
// the input: size and nesting are bounded before the JSON is built, every member is type-checked,
// and anything unexpected becomes a WebhookProblem rather than a crash or an exception. Unknown
// message types are kept as Unsupported so the bot can still answer "I can't read that".

#include "channel/webhookbatch.h"

#include <QByteArrayView>

namespace m1 {

class WebhookParser
{
public:
    struct Limits
    {
        qsizetype maxBytes = 3 * 1024 * 1024;
        int maxDepth = 32; // Meta's documented payloads nest about ten levels
        int maxProblems = 100; // further problems are counted in one summary line
    };

    WebhookParser() = default;
    explicit WebhookParser(Limits limits)
        : m_limits(limits)
    {
    }

    WebhookBatch parse(QByteArrayView body) const;

    // The deepest nesting of objects/arrays in `json`, scanning no further than `stopAbove`
    // (returns stopAbove + 1 as soon as that is exceeded). Strings are skipped correctly.
    static int nestingDepth(QByteArrayView json, int stopAbove);

    const Limits &limits() const { return m_limits; }

private:
    Limits m_limits;
};

} // namespace m1
