#pragma once

#include <QString>

namespace m1 {

// The languages the bot answers in.
enum class ReplyLanguage { English, Croatian };

} // namespace m1
