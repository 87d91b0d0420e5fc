#include "search/intentclassifier.h"

namespace m1 {

namespace {

// Folded (no diacritics) verb stems; \w* takes the inflected endings.
const char16_t kRead[]
    = u"show\\w*|get|gets|list|listing|display\\w*|view\\w*|see|find|search\\w*|look\\w*|check\\w*|"
      u"what|whats|which|who"
      u"|where|when|how many|how much|how long|how far|tell|give|fetch\\w*|lookup|retrieve\\w*|is "
      u"there|are there"
      u"|pokazi\\w*|pokazat\\w*|prikazi\\w*|prikazat\\w*|daj|dajte|koliko|vidi\\w*|vidjet\\w*|"
      u"pogledaj\\w*"
      u"|provjeri\\w*|pronadi\\w*|nadi|trazi\\w*|pretrazi\\w*|koji|koja|koje|kojeg|kojem|kakav|"
      u"kakvo|kakva|gdje"
      u"|kada|kad|ima li|imam li|imaju li|popis\\w*|izlistaj\\w*|dohvati\\w*|reci|recite";
const char16_t kCreate[]
    = u"book|books|booking|book\\w*ed|create\\w*|add|adding|added|report|reporting|register\\w*"
      u"|submit\\w*"
      u"|make|schedule|request|raise|file|upload\\w*|send|start|open a|log a|enter"
      u"|prijavi\\w*|prijavit\\w*|rezerviraj\\w*|rezervirat\\w*|dodaj\\w*|dodat\\w*|kreiraj\\w*|"
      u"napravi\\w*"
      u"|stvori\\w*|unesi\\w*|posalji\\w*|zakazi\\w*|zatrazi\\w*|otvori\\w*|"
      u"upisi\\w*"
      u"|evidentiraj\\w*|zabiljezi\\w*|naruci\\w*|pokreni\\w*";
const char16_t kUpdate[] = u"change\\w*|update\\w*|edit\\w*|modify\\w*|extend\\w*|set|rename\\w*|"
                           u"move|reschedul\\w*|adjust\\w*"
                           u"|correct\\w*|replace\\w*|assign\\w*|reassign\\w*|approve\\w*|"
                           u"reject\\w*|mark\\w*|close|complete|finish"
                           u"|promjeni\\w*|promijeni\\w*|izmjeni\\w*|izmijeni\\w*|uredi\\w*|"
                           u"azuriraj\\w*|produzi\\w*|produlj\\w*"
                           u"|postavi\\w*|pomakni\\w*|premjesti\\w*|ispravi\\w*|zamijeni\\w*|"
                           u"dodijeli\\w*|odobri\\w*|odbij\\w*"
                           u"|zatvori\\w*|zavrsi\\w*|oznaci\\w*";
const char16_t kDelete[] = u"cancel\\w*|delete\\w*|remove\\w*|revoke\\w*|terminate\\w*|erase\\w*|"
                           u"withdraw\\w*|discard\\w*"
                           u"|otkazi\\w*|otkazat\\w*|obrisi\\w*|obrisat\\w*|izbrisi\\w*|"
                           u"izbrisat\\w*|ukloni\\w*|makni\\w*"
                           u"|ponisti\\w*|storniraj\\w*|odjavi\\w*";

// "new" and "novi/nova/..." mostly mean "make one" ("new booking", "trebam novu karticu"), but as
// adjectives they also open questions about what exists ("new here, which car is mine?"). They
// decide only when the message has no other intent word.
const char16_t kWeakCreate[] = u"new|nova|novi|novo|novu|novog|novoj|novom";

} // namespace

IntentClassifier::IntentClassifier()
{
    const QString pattern = QStringLiteral("\\b(?:(?<read>") + QString::fromUtf16(kRead)
        + QStringLiteral(")|(?<create>") + QString::fromUtf16(kCreate)
        + QStringLiteral(")|(?<update>") + QString::fromUtf16(kUpdate)
        + QStringLiteral(")|(?<delete>") + QString::fromUtf16(kDelete) + QStringLiteral("))\\b");
    m_pattern.setPattern(pattern);
    m_pattern.optimize(); // JIT-compile now, not on the first message
    m_weakCreate.setPattern(QStringLiteral("\\b(?:") + QString::fromUtf16(kWeakCreate)
                            + QStringLiteral(")\\b"));
    m_weakCreate.optimize();
}

Intent IntentClassifier::classify(const QString &folded) const
{
    const QRegularExpressionMatch match = m_pattern.match(folded);
    if (!match.hasMatch())
        return m_weakCreate.match(folded).hasMatch() ? Intent::Create : Intent::Unknown;
    if (match.capturedStart(1) >= 0)
        return Intent::Read;
    if (match.capturedStart(2) >= 0)
        return Intent::Create;
    if (match.capturedStart(3) >= 0)
        return Intent::Update;
    return Intent::Delete;
}

QString IntentClassifier::name(Intent intent)
{
    switch (intent) {
    case Intent::Unknown:
        return QStringLiteral("unknown");
    case Intent::Read:
        return QStringLiteral("read");
    case Intent::Create:
        return QStringLiteral("create");
    case Intent::Update:
        return QStringLiteral("update");
    case Intent::Delete:
        return QStringLiteral("delete");
    }
    return QStringLiteral("unknown");
}

} // namespace m1
