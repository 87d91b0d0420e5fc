#pragma once

// A JSON value together with where it lives (document key + JSON pointer), so every problem
// found in it can be reported at its real place, also inside referenced files.

#include "registry/jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace m1 {

struct Located
{
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // Undefined: nothing there
    QString document; // document key (see SourceLocation::documentKey)
    QString pointer; // JSON pointer inside it; empty for the whole document

    Located member(const QString &key) const
    {
        return { value.toObject().value(key), document, JsonPointer::append(pointer, key) };
    }
    Located element(int index) const
    {
        return { value.toArray().at(index), document, JsonPointer::append(pointer, index) };
    }
    QString key() const { return document + u'#' + pointer; }
    bool isDefined() const { return !value.isUndefined(); }
};

} // namespace m1
