#include "registry/tooldefinition.h"

namespace m1 {

QString paramLocationName(ParamLocation location)
{
    switch (location) {
    case ParamLocation::Path: return QStringLiteral("path");
    case ParamLocation::Query: return QStringLiteral("query");
    case ParamLocation::Header: return QStringLiteral("header");
    case ParamLocation::Cookie: return QStringLiteral("cookie");
    case ParamLocation::Body: return QStringLiteral("body");
    }
    return QStringLiteral("query");
}

bool paramLocationFromName(const QString &name, ParamLocation *location)
{
    static constexpr ParamLocation all[] = {ParamLocation::Path, ParamLocation::Query,
                                            ParamLocation::Header, ParamLocation::Cookie,
                                            ParamLocation::Body};
    for (ParamLocation candidate : all) {
        if (paramLocationName(candidate) == name) {
            *location = candidate;
            return true;
        }
    }
    return false;
}

const ToolParameter *ToolDefinition::parameter(const QString &name) const
{
    for (const ToolParameter &p : parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QList<const ToolParameter *> ToolDefinition::requiredParameters() const
{
    QList<const ToolParameter *> out;
    for (const ToolParameter &p : parameters) {
        if (p.required)
            out.append(&p);
    }
    return out;
}

} // namespace m1
