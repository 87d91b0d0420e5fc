#pragma once

// Fitting text into WhatsApp's limits: 4,096 characters per text message, 20 per button
// title, 24 per list row title, 72 per row description, 1,024 per interactive body. Counts
// UTF-16 code units like Meta does, and never cuts a surrogate pair (an emoji) in half.

#include <QString>
#include <QStringList>

namespace m1 {

class TextLimits
{
public:
    static constexpr int kTextMessage = 4096;
    static constexpr int kInteractiveBody = 1024;
    static constexpr int kButtonTitle = 20;
    static constexpr int kRowTitle = 24;
    static constexpr int kRowDescription = 72;
    static constexpr int kListButton = 20;
    static constexpr int kSectionTitle = 24;
    static constexpr int kHeader = 60;
    static constexpr int kMaxButtons = 3;
    static constexpr int kMaxRows = 10;

    // At most `max` characters, ending in "…" when shortened, cut at a word boundary when one
    // lies in the last third.
    static QString ellipsize(const QString &text, int max);

    // Chunks of at most `max` characters, cut at the last paragraph break, else line break,
    // else sentence end, else space, else anywhere (but not inside a surrogate pair).
    static QStringList split(const QString &text, int max = kTextMessage);
};

} // namespace m1
