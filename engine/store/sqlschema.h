#pragma once

// The SQL store's schema as an ordered list of migrations. Append new versions at the end;
// never edit one that has shipped (databases in the field have already run it).

#include "store/sqlmigration.h"

#include <QList>

namespace m1 {

class SqlSchema
{
public:
    static const QList<SqlMigration> &migrations();
    static int latestVersion();
};

} // namespace m1
