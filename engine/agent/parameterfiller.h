#pragma once

// Fills a tool's parameters from what the user wrote, who they are and what earlier turns
// found: dates and date-times (start/end pairs from "od sutra 8 do 12"), plates, numbers with
// units for mileage/litres/amount parameters, enum values (English or Croatian words, small
// typos), free text for description-like parameters, and "my" ids from the user's profile.
// A value from the message beats one from history or a provider tool, which beats the
// profile, which beats the spec's default. Reports what is still missing (required only), in
// spec order. Built once (extractors compile their patterns in their constructors); fill() is
// const and safe from several threads.

#include "agent/datetimeextractor.h"
#include "agent/enummatcher.h"
#include "agent/fillresult.h"
#include "agent/licenceplateextractor.h"
#include "agent/numberextractor.h"
#include "agent/parameterrole.h"

#include "registry/tooldefinition.h"

#include <QHash>

namespace m1 {

class ParameterFiller
{
public:
    explicit ParameterFiller(const Clock &clock,
                             QTimeZone zone = QTimeZone(QByteArrayLiteral("Europe/Zagreb")));

    FillResult fill(const ToolDefinition &tool, const QString &message,
                    const FillContext &context = {}) const;

    const DateTimeExtractor &dateTimes() const { return m_dateTimes; }
    const NumberExtractor &numbers() const { return m_numbers; }
    const LicencePlateExtractor &plates() const { return m_plates; }
    const EnumMatcher &enums() const { return m_enums; }

private:
    struct Scan; // everything recognised in one message
    Scan scan(const QString &message) const;
    void planDates(const ToolDefinition &tool, Scan &scan) const;
    std::optional<FilledValue> fromMessage(const ToolParameter &p, ParameterRole role, Scan &scan,
                                           const QString &message, bool answering) const;
    std::optional<FilledValue> numberFor(const ToolParameter &p, ParameterRole role, Scan &scan,
                                         bool answering) const;
    static std::optional<FilledValue> fromProfile(const ToolParameter &p, ParameterRole role,
                                                  const UserProfile &profile);
    QString freeText(const QString &message, const Scan &scan) const;
    static std::optional<FilledValue> currencyFor(const ToolParameter &p, const Scan &scan,
                                                  const QHash<QString, FilledValue> &known);
    QJsonValue dateValue(const ToolParameter &p, const DateTimeRange &range, bool endSide) const;
    static QJsonValue typed(const ToolParameter &p, const QString &text);

    DateTimeExtractor m_dateTimes;
    NumberExtractor m_numbers;
    LicencePlateExtractor m_plates;
    EnumMatcher m_enums;
    QRegularExpression m_spaceBeforePunct;
    QRegularExpression m_edgeJunk;
    QRegularExpression m_yes;
    QRegularExpression m_no;
};

} // namespace m1
