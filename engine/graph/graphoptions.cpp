#include "graph/graphoptions.h"

namespace m1 {

bool GraphOptions::isLookupKey(const QString &normalisedKey) const
{
    if (linkEveryKey || lookupKeys.contains(normalisedKey))
        return true;
    const qsizetype lastSeparator = normalisedKey.lastIndexOf(u'_');
    const QStringView lastWord = QStringView(normalisedKey).mid(lastSeparator + 1);
    for (const QString &word : lookupKeyWords) {
        if (lastWord == word)
            return true;
    }
    return false;
}

} // namespace m1
