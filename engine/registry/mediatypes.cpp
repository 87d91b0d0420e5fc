#include "registry/mediatypes.h"

namespace m1::MediaTypes {

QString preferred(const QStringList &mediaTypes)
{
    for (const QString &type : mediaTypes) {
        if (type.compare(u"application/json", Qt::CaseInsensitive) == 0)
            return type;
    }
    for (const QString &type : mediaTypes) {
        if (type.contains(u"json", Qt::CaseInsensitive))
            return type;
    }
    // "*/*" (kubernetes) accepts anything, so speak JSON.
    if (mediaTypes.contains(u"*/*"))
        return QStringLiteral("application/json");
    return mediaTypes.value(0);
}

} // namespace m1::MediaTypes
