#include "registry/jsonpointer.h"

#include "registry/jsonshape.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace m1 {

QString JsonPointer::escape(QStringView token)
{
    if (!token.contains(u'~') && !token.contains(u'/'))
        return token.toString();
    QString out;
    out.reserve(token.size() + 4);
    for (QChar c : token) {
        if (c == u'~')
            out += QLatin1String("~0");
        else if (c == u'/')
            out += QLatin1String("~1");
        else
            out += c;
    }
    return out;
}

QString JsonPointer::append(const QString &pointer, QStringView token)
{
    return pointer + u'/' + escape(token);
}

QString JsonPointer::append(const QString &pointer, int index)
{
    return pointer + u'/' + QString::number(index);
}

QString JsonPointer::fromUriFragment(QStringView fragment)
{
    if (!fragment.contains(u'%'))
        return fragment.toString();
    return QString::fromUtf8(QByteArray::fromPercentEncoding(fragment.toUtf8()));
}

bool JsonPointer::split(const QString &pointer, QStringList *tokens, QString *error)
{
    tokens->clear();
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(u'/')) {
        *error = QStringLiteral("a JSON pointer must start with '/', found '%1'").arg(pointer);
        return false;
    }
    const QList<QStringView> raw = QStringView(pointer).mid(1).split(u'/');
    tokens->reserve(raw.size());
    for (QStringView part : raw) {
        if (!part.contains(u'~')) {
            tokens->append(part.toString());
            continue;
        }
        QString token;
        token.reserve(part.size());
        for (qsizetype i = 0; i < part.size(); ++i) {
            if (part[i] != u'~') {
                token += part[i];
                continue;
            }
            const QChar next = i + 1 < part.size() ? part[i + 1] : QChar();
            if (next == u'0')
                token += u'~';
            else if (next == u'1')
                token += u'/';
            else {
                *error = QStringLiteral("'~' must be followed by 0 or 1 in JSON pointer '%1'")
                             .arg(pointer);
                return false;
            }
            ++i;
        }
        tokens->append(token);
    }
    return true;
}

std::optional<QJsonValue> JsonPointer::resolve(const QJsonValue &root, const QString &pointer,
                                               QString *error)
{
    QStringList tokens;
    if (!split(pointer, &tokens, error))
        return std::nullopt;
    QJsonValue current = root;
    QString walked;
    for (const QString &token : std::as_const(tokens)) {
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd()) {
                *error = QStringLiteral("'%1' has no member '%2'")
                             .arg(walked.isEmpty() ? QStringLiteral("#") : walked, token);
                return std::nullopt;
            }
            current = it.value();
        } else if (current.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size()) {
                *error = QStringLiteral("'%1' has no element '%2' (it has %3)")
                             .arg(walked, token)
                             .arg(array.size());
                return std::nullopt;
            }
            current = array.at(index);
        } else {
            *error = QStringLiteral("cannot enter '%1': %2")
                         .arg(walked,
                              JsonShape::expected(QStringLiteral("an object or array"), current));
            return std::nullopt;
        }
        walked = append(walked, token);
    }
    return current;
}

} // namespace m1
