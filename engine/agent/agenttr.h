#pragma once

// Translation of the bot's own phrases into the language of each user (not the application's
// one language): English is the source text, Croatian comes from a QTranslator loaded from
// m1_hr.qm. Call sites mark their phrases with QT_TRANSLATE_NOOP("m1::Agent", "...") so lupdate
// extracts them into translations/*.ts; field labels use the context "m1::AgentLabels".
// Without a Croatian translator the application's installed translators are asked
// (QCoreApplication::translate), then the English text is used.

#include "agent/replylanguage.h"

#include <QRegularExpression>

#include <memory>

class QTranslator;

namespace m1 {

class AgentTr
{
public:
    static constexpr const char *kContext = "m1::Agent";
    static constexpr const char *kLabelContext = "m1::AgentLabels";

    explicit AgentTr(const QTranslator *croatian = nullptr);

    // `n` >= 0 fills "%n"; English sources write plurals as "%n item(s)".
    QString tr(ReplyLanguage language, const char *source, int n = -1) const;
    // A label built at run time ("Licence plate"); translated when the catalogue has it.
    QString label(ReplyLanguage language, const QString &englishLabel) const;

    static ReplyLanguage languageFromCode(const QString &code); // "hr", "hr-HR", "hrv" → Croatian
    static QString languageCode(ReplyLanguage language);        // "en" / "hr"
    // For users without a profile language: Croatian when the message reads as Croatian.
    ReplyLanguage guessLanguage(const QString &message) const;

    // Loads the bundled Croatian catalogue (":/m1/i18n/m1_hr.qm" unless told otherwise); null
    // when it is not there.
    static std::unique_ptr<QTranslator> loadCroatian(const QString &qmPath = QStringLiteral(":/m1/i18n/m1_hr.qm"));

private:
    QString translate(ReplyLanguage language, const char *context, const QByteArray &source, int n) const;

    const QTranslator *m_croatian;
    QRegularExpression m_croatianWords;
    QRegularExpression m_englishWords;
};

} // namespace m1
