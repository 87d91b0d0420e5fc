#include "channel/grapherror.h"

using namespace Qt::StringLiterals;

namespace m1 {

QString GraphError::toString() const
{
    QString out = QString::number(code);
    const QString &headline = title.isEmpty() ? message : title;
    if (!headline.isEmpty())
        out += u' ' + headline;
    if (!details.isEmpty())
        out += u": "_s + details;
    else if (!message.isEmpty() && message != headline)
        out += u": "_s + message;
    return out;
}

} // namespace m1
