#pragma once

#include <QString>

namespace m1 {

// One choice offered to the user, as a reply button or a list row; `id` comes back in the
// user's interactive reply.
struct ReplyOption
{
    QString id;
    QString title;
    QString description; // list rows only

    bool operator==(const ReplyOption &) const = default;
};

} // namespace m1
