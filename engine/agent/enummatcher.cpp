#include "agent/enummatcher.h"

#include "agent/textfold.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Folded English concept → what drivers write, English and Croatian, '|'-separated (a synonym
// may be a phrase). Kept to the vocabulary of
// fleet APIs (fuel, damage, status, priority, bookings, expenses).
const std::pair<const char16_t *, const char16_t *> kVocabulary[] = {
    {u"diesel", u"dizel|disel|nafta"},
    {u"petrol", u"benzin|gasoline|benzinac"},
    {u"gasoline", u"benzin|petrol"},
    {u"electric", u"elektricni|elektricno|elektricna|elektro|struja|ev|electricity"},
    {u"hybrid", u"hibrid|hibridni|hibridno"},
    {u"lpg", u"plin|autoplin"},
    {u"cng", u"metan"},
    {u"hydrogen", u"vodik"},
    {u"scratch", u"ogrebotina|ogrebotine|ogreban|ogrebana|ogrebano|ogrebao|izgreben|scratched"},
    {u"dent", u"udubljenje|udubina|ulegnuce|ulubljen|dented"},
    {u"broken", u"slomljen|slomljeno|slomljena|razbijen|razbijeno|pokvaren|polomljen"},
    {u"glass", u"staklo|stakla"},
    {u"windshield", u"vjetrobran|vjetrobransko|windscreen"},
    {u"windscreen", u"vjetrobran|vjetrobransko|windshield"},
    {u"tire", u"guma|gume|tyre|pneumatik"},
    {u"tyre", u"guma|gume|tire"},
    {u"mirror", u"retrovizor|ogledalo"},
    {u"bumper", u"branik"},
    {u"light", u"svjetlo|svjetla|far"},
    {u"engine", u"motor"},
    {u"accident", u"nesreca|sudar|udes|prometna"},
    {u"collision", u"sudar|nesreca"},
    {u"theft", u"kradja|ukraden|ukradeno|provala"},
    {u"vandalism", u"vandalizam"},
    {u"interior", u"unutrasnjost|interijer"},
    {u"mechanical", u"mehanicki|mehanicka|kvar"},
    {u"other", u"ostalo|drugo"},
    {u"low", u"nisko|niski|niska|nizak"},
    {u"medium", u"srednje|srednji|srednja"},
    {u"normal", u"normalno|normalan|normalna|uobicajeno"},
    {u"high", u"visoko|visok|visoki|visoka"},
    {u"urgent", u"hitno|hitan|hitna"},
    {u"critical", u"kriticno|kritican|kriticna"},
    {u"pending", u"cekanje|ceka|na cekanju"},
    {u"requested", u"zatrazeno|zatrazen"},
    {u"confirmed", u"potvrden|potvrdeno|potvrdena"},
    {u"approved", u"odobren|odobreno|odobrena"},
    {u"rejected", u"odbijen|odbijeno|odbijena"},
    {u"cancelled", u"otkazan|otkazano|otkazana|storniran|stornirano|canceled"},
    {u"canceled", u"otkazan|otkazano|otkazana|cancelled"},
    {u"completed", u"zavrsen|zavrseno|zavrsena|gotovo|obavljeno"},
    {u"done", u"gotovo|zavrseno"},
    {u"closed", u"zatvoren|zatvoreno|zatvorena"},
    {u"open", u"otvoren|otvoreno|otvorena"},
    {u"reported", u"prijavljen|prijavljeno|prijavljena"},
    {u"in progress", u"u tijeku|u obradi|obrada"},
    {u"active", u"aktivan|aktivno|aktivna"},
    {u"inactive", u"neaktivan|neaktivno|neaktivna"},
    {u"available", u"dostupan|dostupno|dostupna|slobodan|slobodno|slobodna"},
    {u"in use", u"zauzet|zauzeto|zauzeta|u upotrebi"},
    {u"reserved", u"rezerviran|rezervirano|rezervirana"},
    {u"maintenance", u"odrzavanje|servis"},
    {u"service", u"servis|servisiranje"},
    {u"repair", u"popravak|popravka|popravkom"},
    {u"inspection", u"pregled|tehnicki"},
    {u"cleaning", u"ciscenje|pranje"},
    {u"wash", u"pranje"},
    {u"oil change", u"promjena ulja|izmjena ulja|ulje"},
    {u"tire change", u"tyre change|zamjena guma|promjena guma|izmjena guma"},
    {u"tyre change", u"tire change|zamjena guma|promjena guma|izmjena guma"},
    {u"registration", u"registracija"},
    {u"insurance", u"osiguranje"},
    {u"toll", u"cestarina"},
    {u"parking", u"parkiranje"},
    {u"fuel", u"gorivo"},
    {u"business", u"sluzbeno|sluzbeni|sluzbena|poslovno|poslovni"},
    {u"private", u"privatno|privatni|privatna"},
    {u"personal", u"osobno|osobni|osobna"},
    {u"card", u"kartica|karticom"},
    {u"cash", u"gotovina|gotovinom"},
    {u"car", u"auto|automobil|osobni"},
    {u"van", u"kombi"},
    {u"truck", u"kamion"},
    {u"manual", u"rucni|manualni|rucno"},
    {u"automatic", u"automatik|automatski"},
    {u"daily", u"dnevno|dnevni"},
    {u"weekly", u"tjedno|tjedni"},
    {u"monthly", u"mjesecno|mjesecni"},
    {u"left", u"lijevo|lijevi|lijeva"},
    {u"right", u"desno|desni|desna"},
    {u"front", u"prednji|prednja|naprijed|sprijeda"},
    {u"rear", u"straznji|straznja|straga|back"},
    {u"english", u"engleski|en"},
    {u"croatian", u"hrvatski|hr"},
    {u"summer", u"ljeto|ljetne|ljetni|ljetnih"},
    {u"winter", u"zima|zimske|zimski|zimskih"},
    {u"all season", u"cjelogodisnje|cjelogodisnji"},
    {u"commute", u"posao|dolazak"},
    {u"client visit", u"posjet klijentu|klijent"},
    {u"training", u"edukacija|obuka|seminar"},
    {u"delivery", u"dostava|isporuka"},
    {u"minor", u"manja|manje|lakse|laksa|sitna"},
    {u"moderate", u"umjerena|umjereno"},
    {u"severe", u"teska|tesko|ozbiljna|ozbiljno"},
    {u"parking damage", u"parkiraliste|parkingu"},
    {u"hail", u"tuca|tuce|tucom|tuci"},
    {u"animal", u"zivotinja|divljac|srna"},
    {u"tyre rim", u"felga|naplatak"},
    {u"morning", u"jutro|ujutro|prijepodne"},
    {u"midday", u"podne"},
    {u"afternoon", u"poslijepodne|popodne"},
    {u"flat tyre", u"probusena guma|pukla guma|probusena"},
    {u"wont start", u"ne pali|nece upaliti|ne upali"},
    {u"locked out", u"zakljucan|zakljucao"},
    {u"out of fuel", u"nestalo goriva|bez goriva"},
    {u"warning light", u"lampica|upozorenje"},
    {u"battery", u"akumulator|baterija"},
    {u"brakes", u"kocnice"},
    {u"air conditioning", u"klima|klimu"},
    {u"bodywork", u"limarija|limar"},
    {u"diagnostics", u"dijagnostika"},
    {u"regular service", u"redovni servis|redovni"},
    {u"car wash", u"pranje|autopraonica"},
    {u"washing", u"pranje"},
    {u"tolls", u"cestarina|cestarine"},
    {u"fines", u"kazna|kazne"},
    {u"ferry", u"trajekt"},
    {u"vignette", u"vinjeta"},
    {u"speeding", u"brzina|prebrza"},
    {u"lost", u"izgubljena|izgubljen"},
    {u"stolen", u"ukradena|ukraden"},
    {u"damaged", u"ostecena|ostecen"},
    {u"yes", u"da"},
    {u"no", u"ne"},
};

int commonPrefix(const QString &a, const QString &b)
{
    const int n = int(std::min(a.size(), b.size()));
    int i = 0;
    while (i < n && a.at(i) == b.at(i))
        ++i;
    return i;
}

// How well one variant word matches one message word: 2 exact, 1 typo or shared stem, 0 not.
int wordScore(const QString &want, const QString &have)
{
    if (want == have)
        return 2;
    if (want.size() >= 5 && have.size() >= 5 && TextFold::editDistance(want, have, 1) <= 1)
        return 1;
    const int prefix = commonPrefix(want, have);
    if (prefix >= 5 && prefix * 10 >= int(std::min(want.size(), have.size())) * 6)
        return 1;
    return 0;
}

} // namespace

EnumMatcher::EnumMatcher()
    : m_stopWords({u"a"_s, u"an"_s, u"the"_s, u"i"_s, u"u"_s, u"na"_s, u"on"_s, u"in"_s,
                   u"to"_s, u"do"_s, u"od"_s, u"za"_s, u"je"_s, u"is"_s, u"of"_s, u"s"_s,
                   u"sa"_s, u"by"_s, u"at"_s, u"or"_s, u"ili"_s, u"and"_s, u"type"_s,
                   u"status"_s, u"vrsta"_s, u"tip"_s})
{
    for (const auto &[key, synonyms] : kVocabulary)
        m_synonyms.insert(QString::fromUtf16(key), QString::fromUtf16(synonyms).split(u'|'));
}

QStringList EnumMatcher::variants(const QString &enumValue) const
{
    QStringList out;
    const QStringList words = TextFold::identifierWords(enumValue);
    const QString phrase = words.join(u' ');
    out.append(phrase);
    out.append(m_synonyms.value(phrase));
    if (words.size() > 1) {
        for (const QString &w : words)
            out.append(m_synonyms.value(w));
    }
    out.removeDuplicates();
    return out;
}

QList<EnumMatcher::Variant> EnumMatcher::variantsOf(const QString &enumValue,
                                                    const QStringList &allValues) const
{
    QList<Variant> out;
    const QStringList words = TextFold::identifierWords(enumValue);
    if (words.isEmpty())
        return out;
    const QString phrase = words.join(u' ');
    out.append({words, words.size() > 1 ? 3 : 2});
    for (const QString &syn : m_synonyms.value(phrase))
        out.append({syn.split(u' '), syn.contains(u' ') ? 3 : 2});
    if (words.size() == 1)
        return out;
    // A word of a multi-word value stands for it, weakly, when no other value of the enum has it
    // ("inspection" for TECHNICAL_INSPECTION, but not "change" for OIL_CHANGE vs TIRE_CHANGE).
    // Short words are too common for that: "car" must not make every "auto" a CAR_WASH.
    for (const QString &w : words) {
        if (m_stopWords.contains(w) || w.size() < 5)
            continue;
        bool unique = true;
        for (const QString &other : allValues) {
            if (other != enumValue && TextFold::identifierWords(other).contains(w))
                unique = false;
        }
        if (!unique)
            continue;
        out.append({{w}, 1});
        for (const QString &syn : m_synonyms.value(w))
            out.append({syn.split(u' '), 1});
    }
    return out;
}

std::optional<EnumMatcher::Match> EnumMatcher::match(const QStringList &enumValues,
                                                     const QString &message) const
{
    const QList<TextFold::Word> words = TextFold::words(TextFold::fold(message));
    std::optional<Match> best;
    bool tie = false;
    for (const QString &value : enumValues) {
        std::optional<Match> own;
        for (const Variant &variant : variantsOf(value, enumValues)) {
            if (variant.words.size() == 1 && m_stopWords.contains(variant.words.first()))
                continue;
            const int n = int(variant.words.size());
            for (int i = 0; i + n <= words.size(); ++i) {
                int score = variant.weight;
                for (int k = 0; k < n && score > 0; ++k) {
                    const int s = wordScore(variant.words.at(k), words.at(i + k).text);
                    score = s == 0 ? 0 : (s == 2 ? score : 1);
                }
                // Short words must match exactly ("da" is yes, not "dan").
                if (score == 1 && n == 1 && variant.words.first().size() < 4)
                    score = 0;
                if (score > 0 && (!own || score > own->score)) {
                    const TextFold::Word &last = words.at(i + n - 1);
                    own = Match{value, {words.at(i).start, last.start + int(last.text.size()) - words.at(i).start}, score};
                }
            }
        }
        if (!own)
            continue;
        if (!best || own->score > best->score) {
            best = own;
            tie = false;
        } else if (own->score == best->score) {
            tie = true;
        }
    }
    if (tie)
        return std::nullopt;
    return best;
}

} // namespace m1
