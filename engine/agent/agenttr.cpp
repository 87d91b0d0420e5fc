#include "agent/agenttr.h"

#include "agent/textfold.h"

#include <QCoreApplication>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace m1 {

AgentTr::AgentTr(const QTranslator *croatian)
    : m_croatian(croatian)
    , m_croatianWords(u"(?<![\\p{L}])(je|sam|si|smo|mi|me|moj|moja|moje|mog|trebam|treba|molim|hvala|"
                      "sutra|danas|jucer|koliko|gdje|kada|kad|sto|sta|sto|ima|imam|vozilo|vozila|auto|"
                      "rezerviraj|rezervacija|prijavi|stetu|steta|bok|pozdrav|zelim|mogu|moze|li|"
                      "kilometara|gorivo|registracija|gume|servis|od|do|na|za|u|i|ili|nije|ne|da)(?![\\p{L}])"_s,
                      QRegularExpression::UseUnicodePropertiesOption)
    , m_englishWords(u"(?<![\\p{L}])(the|is|are|my|me|i|need|please|thanks|thank|tomorrow|today|"
                     "yesterday|how|many|much|where|when|what|book|booking|report|damage|car|"
                     "vehicle|fuel|mileage|tyres|tires|service|from|to|for|with|and|or|not|no|yes|"
                     "hi|hello|want|can|could|show|list)(?![\\p{L}])"_s,
                     QRegularExpression::UseUnicodePropertiesOption)
{
}

QString AgentTr::translate(ReplyLanguage language, const char *context, const QByteArray &source,
                           int n) const
{
    QString text;
    if (language == ReplyLanguage::Croatian) {
        if (m_croatian)
            text = m_croatian->translate(context, source.constData(), nullptr, n);
        if (text.isEmpty()) {
            // The application's catalogue (the console installs m1_hr.qm when it runs in Croatian).
            // It fills in %n itself, so compare against the source filled in the same way.
            const QString viaApp = QCoreApplication::translate(context, source.constData(), nullptr, n);
            QString untranslated = QString::fromUtf8(source);
            if (n >= 0)
                untranslated.replace(u"%n"_s, QString::number(n));
            if (viaApp != untranslated)
                return viaApp;
        }
    }
    if (text.isEmpty()) {
        text = QString::fromUtf8(source);
        if (n >= 0)
            text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    }
    if (n >= 0)
        text.replace(u"%n"_s, QString::number(n));
    return text;
}

QString AgentTr::tr(ReplyLanguage language, const char *source, int n) const
{
    return translate(language, kContext, QByteArray(source), n);
}

QString AgentTr::label(ReplyLanguage language, const QString &englishLabel) const
{
    if (language == ReplyLanguage::English)
        return englishLabel;
    return translate(language, kLabelContext, englishLabel.toUtf8(), -1);
}

ReplyLanguage AgentTr::languageFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c.startsWith(u"hr"_s) || c == u"croatian"_s || c == u"hrvatski"_s)
        return ReplyLanguage::Croatian;
    return ReplyLanguage::English;
}

QString AgentTr::languageCode(ReplyLanguage language)
{
    return language == ReplyLanguage::Croatian ? u"hr"_s : u"en"_s;
}

ReplyLanguage AgentTr::guessLanguage(const QString &message) const
{
    static constexpr char16_t diacritics[] = u"čćđšžČĆĐŠŽ";
    int croatian = 0;
    for (QChar c : message) {
        if (QStringView(diacritics).contains(c))
            croatian += 2;
    }
    const QString folded = TextFold::fold(message);
    for (auto it = m_croatianWords.globalMatch(folded); it.hasNext(); it.next())
        ++croatian;
    int english = 0;
    for (auto it = m_englishWords.globalMatch(folded); it.hasNext(); it.next())
        ++english;
    return croatian > english ? ReplyLanguage::Croatian : ReplyLanguage::English;
}

std::unique_ptr<QTranslator> AgentTr::loadCroatian(const QString &qmPath)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(qmPath))
        return nullptr;
    return translator;
}

} // namespace m1
