#pragma once

// Something in a webhook body that did not match Meta's documented shape. The rest of the body
// is still read; the problem says where (a JSON pointer into the body) and what was expected,
// so a log line is enough to see what Meta sent.

#include <QString>

namespace m1 {

struct WebhookProblem
{
    QString pointer; // "/entry/0/changes/1/value/messages/3/timestamp"
    QString message; // "expected a string of digits, found an object"

    QString toString() const
    {
        return pointer.isEmpty() ? message : pointer + QStringLiteral(": ") + message;
    }
    bool operator==(const WebhookProblem &) const = default;
};

} // namespace m1
