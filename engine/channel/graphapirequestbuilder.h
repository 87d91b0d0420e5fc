#pragma once

// Builds the JSON body of a Cloud API POST /{phone-number-id}/messages request from an
// OutboundMessage, in the documented shapes: text, interactive "button" and "list", and the
// mark-as-read status. Meta rejects oversize fields with error 100 after a network round trip;
// checking here turns that into an immediate, specific error — or, with Oversize::Clip, into a
// shortened text (ending in "…") noted in `adjustments`. Counts (buttons, rows), ids and empty
// required fields are never "fixed": those are rejected either way.

#include "channel/outboundmessage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace m1 {

class GraphApiRequestBuilder
{
public:
    enum class Oversize { Clip, Reject };

    // Documented limits, in characters (Unicode code points).
    static constexpr int MaxTextBody = 4096;
    static constexpr int MaxInteractiveBody = 1024;
    static constexpr int MaxHeader = 60;
    static constexpr int MaxFooter = 60;
    static constexpr int MaxButtons = 3;
    static constexpr int MaxButtonTitle = 20;
    static constexpr int MaxButtonId = 256;
    static constexpr int MaxListButton = 20;
    static constexpr int MaxSections = 10;
    static constexpr int MaxRows = 10; // across all sections
    static constexpr int MaxSectionTitle = 24;
    static constexpr int MaxRowTitle = 24;
    static constexpr int MaxRowId = 200;
    static constexpr int MaxRowDescription = 72;

    struct Result
    {
        QByteArray json; // compact request body; empty on error
        QString error; // what is wrong and where ("buttons[3]: at most 3 buttons ...")
        QStringList adjustments; // what was clipped (Oversize::Clip only)
        bool ok() const { return error.isEmpty(); }
    };

    static Result build(const OutboundMessage &message, Oversize policy = Oversize::Clip);

    // Length in code points (what Meta counts), and clipping that never splits a surrogate pair.
    static int characterCount(QStringView text);
    static QString clipped(const QString &text, int maxCharacters);
};

} // namespace m1
