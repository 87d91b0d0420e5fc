#pragma once

// Readable labels for API field names and enum values, in the user's language:
// "licencePlate" → "Licence plate" / "Registracija", "odometerKm" → "Odometer (km)",
// "vehicleId" → "Vehicle ID", "broken_glass" → "Broken glass". The English label is built from
// the name; the Croatian one comes from the catalogue (context "m1::AgentLabels") and falls
// back to English for names it does not know.

#include "agent/agenttr.h"

#include <QStringList>

namespace m1 {

class FieldLabels
{
public:
    explicit FieldLabels(const AgentTr &tr) : m_tr(tr) {}

    static QString english(const QString &name);
    static QString englishEnumValue(const QString &value);

    // `schemaTitle` (the property's "title"), when the spec gives one, wins over the name.
    QString label(ReplyLanguage language, const QString &name, const QString &schemaTitle = {}) const;
    QString enumValue(ReplyLanguage language, const QString &value) const;

    // Every English label the catalogue is expected to translate (for tests and tooling).
    static QStringList glossary();

private:
    const AgentTr &m_tr;
};

} // namespace m1
