#include "registry/loaderror.h"

namespace m1 {

QString LoadError::toString() const
{
    QString where = source;
    if (!pointer.isEmpty())
        where += u'#' + pointer;
    return where.isEmpty() ? message : where + u": " + message;
}

} // namespace m1
