#pragma once

// RFC 6901 JSON pointers: escaping tokens for error messages, reading the fragment of a
// `$ref` (a URI fragment, so percent-encoded too) and resolving a pointer in a document.

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace m1 {

class JsonPointer
{
public:
    // "a/b~c" -> "a~1b~0c"
    static QString escape(QStringView token);
    // Appends one escaped token: append("/paths", "/pets") -> "/paths/~1pets"
    static QString append(const QString &pointer, QStringView token);
    static QString append(const QString &pointer, int index);

    // A `$ref` fragment ("/components/schemas/A%20B") percent-decoded; still pointer-escaped.
    static QString fromUriFragment(QStringView fragment);

    // Splits "/a~1b/c" into unescaped tokens {"a/b", "c"}. False (with a reason) when the pointer
    // does not start with '/' or holds a '~' that is not "~0" or "~1".
    static bool split(const QString &pointer, QStringList *tokens, QString *error);

    // The value at `pointer` in `root`; nullopt with a reason naming the first token that is
    // missing or the value that cannot be entered.
    static std::optional<QJsonValue> resolve(const QJsonValue &root, const QString &pointer,
                                             QString *error);
};

} // namespace m1
