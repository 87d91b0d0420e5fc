#include "agent/filledvalue.h"

namespace m1 {

QString valueSourceName(ValueSource source)
{
    switch (source) {
    case ValueSource::Message: return QStringLiteral("message");
    case ValueSource::Profile: return QStringLiteral("profile");
    case ValueSource::History: return QStringLiteral("history");
    case ValueSource::Provider: return QStringLiteral("provider");
    case ValueSource::Default: return QStringLiteral("default");
    }
    return QStringLiteral("message");
}

} // namespace m1
