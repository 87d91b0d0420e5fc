#pragma once

// What every libFuzzer target here shares: Qt's chatter silenced (a warning per input would
// make the fuzzer spend its time writing to stderr), and FUZZ_CHECK for the invariants a target
// asserts on top of "does not crash": a broken invariant aborts with its message, so libFuzzer
// saves the input like any other crash.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace m1::fuzz {

// Warnings and debug output are dropped; fatal messages (Q_ASSERT, qFatal) are still printed
// before Qt aborts, so a crash report says what broke.
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type == QtFatalMsg)
            std::fprintf(stderr, "qFatal: %s\n", text.toLocal8Bit().constData());
    });
}

[[noreturn]] inline void invariantBroken(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    std::abort();
}

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace m1::fuzz

#define FUZZ_CHECK(condition)                                                                    \
    do {                                                                                         \
        if (!(condition))                                                                        \
            ::m1::fuzz::invariantBroken(#condition, __FILE__, __LINE__);                         \
    } while (false)
