#pragma once

// What a command writes to: standard output for results, standard error for diagnostics.
// Passed in so the dispatcher (and anyone embedding a command) decides where text goes.

#include <QString>
#include <QTextStream>

namespace m1 {

struct CliContext
{
    QTextStream &out;
    QTextStream &err;
    QString program = QStringLiteral("m1bot");
};

// Exit codes scripts can rely on.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the command ran and failed (unreadable input, nothing loaded, ...)
    ExitUsage = 2,   // bad arguments
};

} // namespace m1
