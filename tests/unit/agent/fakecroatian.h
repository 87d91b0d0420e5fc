#pragma once

// A Croatian catalogue for tests: a QTranslator answering from a small table, so the tests do
// not depend on the compiled m1_hr.qm (which the lead builds from translations/m1_hr.ts).

#include <QHash>
#include <QStringList>
#include <QTranslator>

class FakeCroatian : public QTranslator
{
public:
    FakeCroatian()
    {
        using namespace Qt::StringLiterals;
        m_texts = {
            {u"Confirm"_s, u"Potvrdi"_s},
            {u"Cancel"_s, u"Odustani"_s},
            {u"Yes"_s, u"Da"_s},
            {u"No"_s, u"Ne"_s},
            {u"Choose"_s, u"Odaberi"_s},
            {u"Done."_s, u"Gotovo."_s},
            {u"Nothing found."_s, u"Ništa nije pronađeno."_s},
            {u"Please confirm:"_s, u"Molim potvrdite:"_s},
            {u"Please tell me: %1"_s, u"Molim upišite: %1"_s},
            {u"From when? (for example: tomorrow at 8)"_s, u"Od kada? (npr. sutra u 8)"_s},
            {u"You are not allowed to do that."_s, u"Nemate ovlasti za to."_s},
            {u"(Test mode: nothing was really changed.)"_s, u"(Testni način: ništa nije stvarno promijenjeno.)"_s},
            {u"Licence plate"_s, u"Registracija"_s},
            {u"Mileage (km)"_s, u"Kilometraža (km)"_s},
            {u"Status"_s, u"Status"_s},
            {u"From"_s, u"Od"_s},
            {u"To"_s, u"Do"_s},
            {u"Purpose"_s, u"Svrha"_s},
            {u"Business"_s, u"Službeno"_s},
            {u"Private"_s, u"Privatno"_s},
            {u"Active"_s, u"Aktivno"_s},
        };
        m_plurals = {
            {u"%n item(s)"_s, {u"%n stavka"_s, u"%n stavke"_s, u"%n stavki"_s}},
            {u"%n item(s):"_s, {u"%n stavka:"_s, u"%n stavke:"_s, u"%n stavki:"_s}},
            {u"… and %n more"_s, {u"… i još %n"_s, u"… i još %n"_s, u"… i još %n"_s}},
        };
    }

    QString translate(const char *, const char *source, const char * = nullptr, int n = -1) const override
    {
        const QString key = QString::fromUtf8(source);
        if (n >= 0 && m_plurals.contains(key)) {
            const int mod10 = n % 10, mod100 = n % 100;
            const int form = (mod10 == 1 && mod100 != 11) ? 0
                : (mod10 >= 2 && mod10 <= 4 && (mod100 < 10 || mod100 >= 20)) ? 1 : 2;
            return m_plurals.value(key).at(form);
        }
        return m_texts.value(key);
    }
    bool isEmpty() const override { return false; }

private:
    QHash<QString, QString> m_texts;
    QHash<QString, QStringList> m_plurals;
};
