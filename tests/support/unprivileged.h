#pragma once

// Runs helper programs as an unprivileged user when the tests run as root (CI containers):
// PostgreSQL refuses to start as root, and root ignores file permissions, so a "read-only file"
// test needs someone the permissions apply to. Not root → everything runs as is.

#include <QString>
#include <QStringList>

namespace m1 {

class Unprivileged
{
public:
    static bool isRoot();
    // The account used when dropping root (nobody); -1 when it cannot be found.
    static int uid();
    static int gid();
    // Rewrites program/arguments to run as that account when root (via setpriv); false with
    // *error when root and setpriv is missing.
    static bool wrap(QString *program, QStringList *arguments, QString *error);
    // Gives `path` to that account when root, so it can write there. False with *error.
    static bool handOver(const QString &path, QString *error);
};

} // namespace m1
