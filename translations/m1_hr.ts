<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hr_HR">
<context>
    <name>GraphExporter</name>
    <message>
        <source>There is no graph to export.</source>
        <translation>Nema grafa za izvoz.</translation>
    </message>
    <message>
        <source>Could not write the picture to %1.</source>
        <translation>Slika se nije mogla zapisati u %1.</translation>
    </message>
    <message>
        <source>Dependency graph exported from MobilityOne Console</source>
        <translation>Graf ovisnosti izvezen iz MobilityOne konzole</translation>
    </message>
    <message>
        <source>Could not write the drawing to %1.</source>
        <translation>Crtež se nije mogao zapisati u %1.</translation>
    </message>
    <message>
        <source>Could not open %1 for writing: %2</source>
        <translation>Datoteka %1 ne može se otvoriti za pisanje: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Zapisivanje u %1 nije uspjelo: %2</translation>
    </message>
</context>
<context>
    <name>RegistryLint</name>
    <message>
        <source>No description</source>
        <translation>Nema opisa</translation>
    </message>
    <message>
        <source>Near-duplicate summary</source>
        <translation>Gotovo isti sažetak</translation>
    </message>
    <message>
        <source>Input no tool provides</source>
        <translation>Ulaz koji nijedan alat ne daje</translation>
    </message>
    <message>
        <source>Neither a summary nor a description: search has only the path to go on.</source>
        <translation>Nema ni sažetka ni opisa: pretraživanje se može osloniti samo na putanju.</translation>
    </message>
    <message>
        <source>Only a summary: a description with examples would help search.</source>
        <translation>Ima samo sažetak: opis s primjerima pomogao bi pretraživanju.</translation>
    </message>
    <message>
        <source>Summary “%1” is %2% like that of %3: search cannot tell them apart.</source>
        <translation>Sažetak „%1” sličan je sažetku alata %3 u %2 %: pretraživanje ih ne može razlikovati.</translation>
    </message>
    <message>
        <source>Requires “%1” (key %2), which no tool provides: the bot must ask the user for it.</source>
        <translation>Traži „%1” (ključ %2), koji nijedan alat ne daje: bot ga mora zatražiti od korisnika.</translation>
    </message>
</context>
<context>
    <name>ScorePartStyle</name>
    <message>
        <source>dense</source>
        <translation>vektorski</translation>
    </message>
    <message>
        <source>lexical</source>
        <translation>leksički</translation>
    </message>
    <message>
        <source>method</source>
        <translation>metoda</translation>
    </message>
    <message>
        <source>user</source>
        <translation>korisnik</translation>
    </message>
    <message>
        <source>category</source>
        <translation>kategorija</translation>
    </message>
    <message>
        <source>docs</source>
        <translation>dokumentacija</translation>
    </message>
    <message>
        <source>eval</source>
        <translation>evaluacija</translation>
    </message>
</context>
<context>
    <name>ToolDetailsHtml</name>
    <message>
        <source>deprecated</source>
        <translation>zastarjelo</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametri</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obavezno</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>neobavezno</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Izlazi</translation>
    </message>
    <message>
        <source>Provided by</source>
        <translation>Dobavljači</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Napaja</translation>
    </message>
    <message>
        <source>Embedded text</source>
        <translation>Tekst za ugradnju</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Izvor: %1</translation>
    </message>
</context>
<context>
    <name>m1::Agent</name>
    <message>
        <source>Not in the list? Just write it.</source>
        <translation>Nije na popisu? Samo napišite.</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Odaberi</translation>
    </message>
    <message>
        <source>Please confirm:</source>
        <translation>Molim potvrdite:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Potvrdi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Odustani</translation>
    </message>
    <message>
        <source>From when? (for example: tomorrow at 8)</source>
        <translation>Od kada? (npr. sutra u 8)</translation>
    </message>
    <message>
        <source>Until when? (for example: Friday at 16)</source>
        <translation>Do kada? (npr. petak u 16)</translation>
    </message>
    <message>
        <source>Which date? (for example: 3.12. or tomorrow)</source>
        <translation>Koji datum? (npr. 3.12. ili sutra)</translation>
    </message>
    <message>
        <source>What is the vehicle&apos;s licence plate? (for example: ZG-1234-AB)</source>
        <translation>Koja je registracija vozila? (npr. ZG-1234-AB)</translation>
    </message>
    <message>
        <source>What does the odometer show (km)?</source>
        <translation>Koliko kilometara pokazuje brojač?</translation>
    </message>
    <message>
        <source>How many litres?</source>
        <translation>Koliko litara?</translation>
    </message>
    <message>
        <source>What is the amount in EUR?</source>
        <translation>Koliki je iznos u eurima?</translation>
    </message>
    <message>
        <source>Please describe it in a few words (%1).</source>
        <translation>Molim opišite ukratko (%1).</translation>
    </message>
    <message>
        <source>Please tell me: %1</source>
        <translation>Molim upišite: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ne</translation>
    </message>
    <message>
        <source>I could not send that request: %1</source>
        <translation>Taj zahtjev nisam mogao poslati: %1</translation>
    </message>
    <message>
        <source>The fleet service cannot be reached right now. Please try again in a few minutes.</source>
        <translation>Sustav voznog parka trenutno nije dostupan. Pokušajte ponovno za nekoliko minuta.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>Nemate ovlasti za to.</translation>
    </message>
    <message>
        <source>I could not find that. Please check the details.</source>
        <translation>Nisam to pronašao. Molim provjerite podatke.</translation>
    </message>
    <message>
        <source>That clashes with existing data: %1</source>
        <translation>To je u sukobu s postojećim podacima: %1</translation>
    </message>
    <message>
        <source>The fleet service is busy. Please try again in a minute.</source>
        <translation>Sustav voznog parka je zauzet. Pokušajte ponovno za minutu.</translation>
    </message>
    <message>
        <source>The fleet service did not accept the request: %1</source>
        <translation>Sustav voznog parka nije prihvatio zahtjev: %1</translation>
    </message>
    <message>
        <source>The fleet service had a problem (HTTP %1). Please try again later.</source>
        <translation>Sustav voznog parka ima poteškoća (HTTP %1). Pokušajte ponovno kasnije.</translation>
    </message>
    <message>
        <source>(Test mode: nothing was really changed.)</source>
        <translation>(Testni način: ništa nije stvarno promijenjeno.)</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Gotovo.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ništa nije pronađeno.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s):</source>
        <translation>
            <numerusform>%n stavka:</numerusform>
            <numerusform>%n stavke:</numerusform>
            <numerusform>%n stavki:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… i još %n</numerusform>
            <numerusform>… i još %n</numerusform>
            <numerusform>… i još %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n stavka</numerusform>
            <numerusform>%n stavke</numerusform>
            <numerusform>%n stavki</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Otkazano. Ništa nije promijenjeno.</translation>
    </message>
    <message>
        <source>Sorry, I did not understand. Could you say what you need in other words?</source>
        <translation>Oprostite, nisam razumio. Možete li drugim riječima reći što trebate?</translation>
    </message>
    <message>
        <source>Which of these did you mean?</source>
        <translation>Koje od ovoga ste mislili?</translation>
    </message>
    <message>
        <source>Please choose: %1</source>
        <translation>Odaberite: %1</translation>
    </message>
    <message>
        <source>I can help with the company&apos;s vehicles: bookings, mileage, fuel cards, damage reports and more. What do you need?</source>
        <translation>Mogu pomoći oko službenih vozila: rezervacije, kilometraža, kartice za gorivo, prijave štete i drugo. Što vam treba?</translation>
    </message>
</context>
<context>
    <name>m1::AgentLabels</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ime</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Vrsta</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Opis</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Napomena</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Napomene</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Razlog</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Svrha</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vozilo</translation>
    </message>
    <message>
        <source>Vehicle ID</source>
        <translation>ID vozila</translation>
    </message>
    <message>
        <source>Person ID</source>
        <translation>ID osobe</translation>
    </message>
    <message>
        <source>Booking ID</source>
        <translation>ID rezervacije</translation>
    </message>
    <message>
        <source>Licence plate</source>
        <translation>Registracija</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Marka</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Izvedba</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Boja</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Broj sjedala</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Godina</translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation>Mjenjač</translation>
    </message>
    <message>
        <source>Fuel type</source>
        <translation>Vrsta goriva</translation>
    </message>
    <message>
        <source>Mileage (km)</source>
        <translation>Kilometraža (km)</translation>
    </message>
    <message>
        <source>Odometer (km)</source>
        <translation>Stanje brojača (km)</translation>
    </message>
    <message>
        <source>Current mileage (km)</source>
        <translation>Trenutna kilometraža (km)</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>Udaljenost (km)</translation>
    </message>
    <message>
        <source>Fuel level (%)</source>
        <translation>Razina goriva (%)</translation>
    </message>
    <message>
        <source>Litres</source>
        <translation>Litre</translation>
    </message>
    <message>
        <source>Quantity (l)</source>
        <translation>Količina (l)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Početak</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Kraj</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Datum početka</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Datum završetka</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Stvoreno</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Ažurirano</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Zabilježeno</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Dogodilo se</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Zakazano</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Vrijedi od</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Vrijedi do</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Rok</translation>
    </message>
    <message>
        <source>Reading date</source>
        <translation>Datum očitanja</translation>
    </message>
    <message>
        <source>Preferred date</source>
        <translation>Željeni datum</translation>
    </message>
    <message>
        <source>Preferred time slot</source>
        <translation>Željeni termin</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Iznos</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Ukupno</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>Ukupni iznos</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>Ukupni trošak</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Procijenjeni trošak</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Cijena</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-pošta</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresa</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Grad</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Država</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokacija</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Položaj</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Odredište</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Putnici</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ozbiljnost</translation>
    </message>
    <message>
        <source>Damage type</source>
        <translation>Vrsta štete</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Vrsta servisa</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>Sezona</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Pružatelj</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Izvor</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Stavke</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Ime</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Prezime</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>Workshop ID</source>
        <translation>ID servisa</translation>
    </message>
    <message>
        <source>Cost centre ID</source>
        <translation>ID mjesta troška</translation>
    </message>
    <message>
        <source>Location ID</source>
        <translation>ID lokacije</translation>
    </message>
    <message>
        <source>Diesel</source>
        <translation>Dizel</translation>
    </message>
    <message>
        <source>Petrol</source>
        <translation>Benzin</translation>
    </message>
    <message>
        <source>Electric</source>
        <translation>Električni</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hibrid</translation>
    </message>
    <message>
        <source>Plug in hybrid</source>
        <translation>Plug-in hibrid</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Ručni</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatski</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Službeno</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privatno</translation>
    </message>
    <message>
        <source>Commute</source>
        <translation>Dolazak na posao</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivno</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Neaktivno</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Dostupno</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Rezervirano</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>Na servisu</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Čeka odobrenje</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Zatraženo</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Potvrđeno</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Završeno</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Otkazano</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Odbijeno</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Odobreno</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Predano</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Nacrt</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Prijavljeno</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Otvoreno</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>U tijeku</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Riješeno</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Zatvoreno</translation>
    </message>
    <message>
        <source>Scratch</source>
        <translation>Ogrebotina</translation>
    </message>
    <message>
        <source>Dent</source>
        <translation>Udubljenje</translation>
    </message>
    <message>
        <source>Glass</source>
        <translation>Staklo</translation>
    </message>
    <message>
        <source>Collision</source>
        <translation>Sudar</translation>
    </message>
    <message>
        <source>Theft</source>
        <translation>Krađa</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Ostalo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Nisko</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normalno</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Visoko</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Hitno</translation>
    </message>
    <message>
        <source>Summer</source>
        <translation>Ljetne</translation>
    </message>
    <message>
        <source>Winter</source>
        <translation>Zimske</translation>
    </message>
    <message>
        <source>All season</source>
        <translation>Cjelogodišnje</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Jutro</translation>
    </message>
    <message>
        <source>Midday</source>
        <translation>Podne</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Poslijepodne</translation>
    </message>
    <message>
        <source>Regular service</source>
        <translation>Redovni servis</translation>
    </message>
    <message>
        <source>Oil change</source>
        <translation>Promjena ulja</translation>
    </message>
    <message>
        <source>Technical inspection</source>
        <translation>Tehnički pregled</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Popravak</translation>
    </message>
</context>
<context>
    <name>m1::ChatBubble</name>
    <message>
        <source>Reply id: %1</source>
        <translation>Oznaka odgovora: %1</translation>
    </message>
    <message>
        <source>Row id: %1</source>
        <translation>Oznaka retka: %1</translation>
    </message>
</context>
<context>
    <name>m1::FirstRun</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Pomoć</translation>
    </message>
    <message>
        <source>&amp;Welcome to MobilityOne Console…</source>
        <translation>&amp;Dobrodošli u MobilityOne konzolu…</translation>
    </message>
</context>
<context>
    <name>m1::GraphPanel</name>
    <message>
        <source>All tools</source>
        <translation>Svi alati</translation>
    </message>
    <message>
        <source>How many links away from the focused tool to show</source>
        <translation>Koliko veza od odabranog alata prikazati</translation>
    </message>
    <message>
        <source>Providers and consumers</source>
        <translation>Davatelji i primatelji</translation>
    </message>
    <message>
        <source>Providers only</source>
        <translation>Samo davatelji</translation>
    </message>
    <message>
        <source>Consumers only</source>
        <translation>Samo primatelji</translation>
    </message>
    <message>
        <source>At most this many tools; the most strongly linked neighbours are kept</source>
        <translation>Najviše ovoliko alata; zadržavaju se najjače povezani susjedi</translation>
    </message>
    <message>
        <source>Show every tool at once (a force-directed layout without key labels)</source>
        <translation>Prikaži sve alate odjednom (raspored silama, bez oznaka ključeva)</translation>
    </message>
    <message>
        <source>Loading the API descriptions…</source>
        <translation>Učitavanje opisa API-ja…</translation>
    </message>
    <message>
        <source>Find a tool and press Enter to focus on it…</source>
        <translation>Pronađite alat i pritisnite Enter da biste se usredotočili na njega…</translation>
    </message>
    <message>
        <source>Find a tool</source>
        <translation>Pronađi alat</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Povećaj</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Smanji</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Prilagodi</translation>
    </message>
    <message>
        <source>Fit the graph into the view</source>
        <translation>Prilagodi graf prikazu</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Izvoz</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>Slika (PNG)…</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG slike (*.png)</translation>
    </message>
    <message>
        <source>Drawing (SVG)…</source>
        <translation>Crtež (SVG)…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG crteži (*.svg)</translation>
    </message>
    <message>
        <source>Graphviz (DOT)…</source>
        <translation>Graphviz (DOT)…</translation>
    </message>
    <message>
        <source>Graphviz files (*.dot *.gv)</source>
        <translation>Graphviz datoteke (*.dot *.gv)</translation>
    </message>
    <message>
        <source>Hops:</source>
        <translation>Koraci:</translation>
    </message>
    <message>
        <source>Max. tools:</source>
        <translation>Najviše alata:</translation>
    </message>
    <message>
        <source>Laying out every tool…</source>
        <translation>Raspoređujem sve alate…</translation>
    </message>
    <message>
        <source>Laying out the neighbourhood of %1…</source>
        <translation>Raspoređujem susjedstvo alata %1…</translation>
    </message>
    <message>
        <source>The graph could not be laid out: %1</source>
        <translation>Graf se nije mogao rasporediti: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n tool(s) within %2 hop(s)</source>
        <translation>
            <numerusform>%1: %n alat unutar %2 koraka</numerusform>
            <numerusform>%1: %n alata unutar %2 koraka</numerusform>
            <numerusform>%1: %n alata unutar %2 koraka</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n tool(s)</source>
        <translation>
            <numerusform>Svi alati: %n</numerusform>
            <numerusform>Svi alati: %n</numerusform>
            <numerusform>Svi alati: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n veza</numerusform>
            <numerusform>%n veze</numerusform>
            <numerusform>%n veza</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) among outer tools not drawn</source>
        <translation>
            <numerusform>%n veza među vanjskim alatima nije nacrtana</numerusform>
            <numerusform>%n veze među vanjskim alatima nisu nacrtane</numerusform>
            <numerusform>%n veza među vanjskim alatima nije nacrtano</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more neighbour(s) not shown (raise Max. tools)</source>
        <translation>
            <numerusform>još %n susjed nije prikazan (povećajte „Najviše alata”)</numerusform>
            <numerusform>još %n susjeda nisu prikazana (povećajte „Najviše alata”)</numerusform>
            <numerusform>još %n susjeda nije prikazano (povećajte „Najviše alata”)</numerusform>
        </translation>
    </message>
    <message>
        <source>laid out by Graphviz %1 in %2 ms</source>
        <translation>raspored: Graphviz %1 za %2 ms</translation>
    </message>
    <message>
        <source>click a tool to open it in the registry; right-click to focus on it</source>
        <translation>klik na alat otvara ga u registru; desni klik usredotočuje se na njega</translation>
    </message>
    <message>
        <source>No tool matches “%1”.</source>
        <translation>Nijedan alat ne odgovara upitu „%1”.</translation>
    </message>
    <message>
        <source>Focus on %1</source>
        <translation>Usredotoči se na %1</translation>
    </message>
    <message>
        <source>Open %1 in the registry</source>
        <translation>Otvori %1 u registru</translation>
    </message>
    <message>
        <source>Neighbourhood of %1</source>
        <translation>Susjedstvo alata %1</translation>
    </message>
    <message>
        <source>Unknown export format “%1”: use .png, .svg or .dot.</source>
        <translation>Nepoznat format izvoza „%1”: koristite .png, .svg ili .dot.</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>Izvoz grafa</translation>
    </message>
</context>
<context>
    <name>m1::KeychainSecretStore</name>
    <message>
        <source>No keychain service is available (%1), so secrets are stored unencrypted in %2, readable only by you.</source>
        <translation>Nijedna usluga privjeska ključeva nije dostupna (%1), pa se tajne spremaju nešifrirane u %2, čitljive samo vama.</translation>
    </message>
    <message>
        <source>The keychain refused access (%1): secrets could not be read or saved.</source>
        <translation>Privjesak ključeva odbio je pristup (%1): tajne se nisu mogle pročitati ni spremiti.</translation>
    </message>
    <message>
        <source>No keychain service is available, so secrets are stored unencrypted in %1, readable only by you.</source>
        <translation>Nijedna usluga privjeska ključeva nije dostupna, pa se tajne spremaju nešifrirane u %1, čitljive samo vama.</translation>
    </message>
</context>
<context>
    <name>m1::LintList</name>
    <message>
        <source>Check</source>
        <translation>Provjera</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Alat</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Nalaz</translation>
    </message>
</context>
<context>
    <name>m1::LogModel</name>
    <message>
        <source>debug</source>
        <translation>dijagnostika</translation>
    </message>
    <message>
        <source>info</source>
        <translation>informacija</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>upozorenje</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritično</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>fatalno</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Vrijeme</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Razina</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Poruka</translation>
    </message>
</context>
<context>
    <name>m1::LogsPanel</name>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Prati</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Dijagnostika i više</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Informacije i više</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>Upozorenja i više</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Samo kritično</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Sve kategorije</translation>
    </message>
    <message>
        <source>Filter messages…</source>
        <translation>Filtriraj poruke…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Pa&amp;uziraj</translation>
    </message>
    <message>
        <source>Hold the view still; records arriving meanwhile are shown on resume</source>
        <translation>Zadrži prikaz; zapisi koji u međuvremenu stignu prikazuju se po nastavku</translation>
    </message>
    <message>
        <source>Keep the newest record in view</source>
        <translation>Najnoviji zapis uvijek na vidiku</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>O&amp;čisti</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%1 od %n zapisa</numerusform>
            <numerusform>%1 od %n zapisa</numerusform>
            <numerusform>%1 od %n zapisa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n waiting)</source>
        <translation>
            <numerusform>(%n čeka)</numerusform>
            <numerusform>(%n čekaju)</numerusform>
            <numerusform>(%n čeka)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>m1::MainWindow</name>
    <message>
        <source>MobilityOne Console</source>
        <translation>MobilityOne konzola</translation>
    </message>
    <message>
        <source>&amp;Registry</source>
        <translation>&amp;Registar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Učitavanje…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datoteka</translation>
    </message>
    <message>
        <source>&amp;Reload sources</source>
        <translation>&amp;Ponovno učitaj izvore</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Izlaz</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Prikaz</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation>
            <numerusform>%n alat</numerusform>
            <numerusform>%n alata</numerusform>
            <numerusform>%n alata</numerusform>
        </translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Pohrana: %1</translation>
    </message>
    <message>
        <source>Store problem: %1</source>
        <translation>Problem s pohranom: %1</translation>
    </message>
    <message>
        <source>Si&amp;mulator</source>
        <translation>Si&amp;mulator</translation>
    </message>
    <message>
        <source>Me&amp;trics</source>
        <translation>Me&amp;trike</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>&amp;Zapisi</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>P&amp;ostavke</translation>
    </message>
    <message>
        <source>&amp;Configure MobilityOne Console…</source>
        <translation>&amp;Podesi MobilityOne konzolu…</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graf</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>Pr&amp;etraživanje</translation>
    </message>
    <message>
        <source>The secrets were not saved: %1</source>
        <translation>Tajne nisu spremljene: %1</translation>
    </message>
    <message>
        <source>Settings not applied: %1</source>
        <translation>Postavke nisu primijenjene: %1</translation>
    </message>
</context>
<context>
    <name>m1::MetricsPanel</name>
    <message>
        <source>Milliseconds</source>
        <translation>Milisekunde</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Zadnjih 5 minuta</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Zadnji sat</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Zadnja 24 sata</translation>
    </message>
    <message>
        <source>The time span the charts show</source>
        <translation>Vremenski raspon koji grafikoni prikazuju</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Izvezi &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Izvezi &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Razdoblje:</translation>
    </message>
    <message>
        <source>Start-up phases</source>
        <translation>Faze pokretanja</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Search latency</source>
        <translation>Latencija pretraživanja</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>End-to-end latency</source>
        <translation>Ukupna latencija</translation>
    </message>
    <message>
        <source>p50 (queue to reply)</source>
        <translation>p50 (od reda do odgovora)</translation>
    </message>
    <message>
        <source>p99 (queue to reply)</source>
        <translation>p99 (od reda do odgovora)</translation>
    </message>
    <message>
        <source>p99 (turn)</source>
        <translation>p99 (potez)</translation>
    </message>
    <message>
        <source>Redis per second</source>
        <translation>Redis u sekundi</translation>
    </message>
    <message>
        <source>per s</source>
        <translation>u s</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>naredbe</translation>
    </message>
    <message>
        <source>round trips</source>
        <translation>povratna putovanja</translation>
    </message>
    <message>
        <source>Redis per message</source>
        <translation>Redis po poruci</translation>
    </message>
    <message>
        <source>per message</source>
        <translation>po poruci</translation>
    </message>
    <message>
        <source>Model calls</source>
        <translation>Pozivi modela</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>na sat</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>ugradnja</translation>
    </message>
    <message>
        <source>LLM</source>
        <translation>LLM</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memorija</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>resident (RSS)</source>
        <translation>rezidentna (RSS)</translation>
    </message>
    <message>
        <source>Waiting for the engine&apos;s first metrics…</source>
        <translation>Čekanje na prve metrike pogona…</translation>
    </message>
    <message>
        <source>RSS %1 MiB</source>
        <translation>RSS %1 MiB</translation>
    </message>
    <message>
        <source>%1 messages/s</source>
        <translation>%1 poruka/s</translation>
    </message>
    <message>
        <source>search p99 %1 µs</source>
        <translation>pretraživanje p99 %1 µs</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) kept</source>
        <translation>
            <numerusform>%n uzorak zadržan</numerusform>
            <numerusform>%n uzorka zadržana</numerusform>
            <numerusform>%n uzoraka zadržano</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Nije moguće zapisati %1: %2</translation>
    </message>
    <message>
        <source>Cannot write the picture %1.</source>
        <translation>Nije moguće zapisati sliku %1.</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>Izvezi grafikone kao PNG</translation>
    </message>
    <message>
        <source>Export metrics as CSV</source>
        <translation>Izvezi metrike kao CSV</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG slike (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV datoteke (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Izvoz</translation>
    </message>
</context>
<context>
    <name>m1::RegistryPanel</name>
    <message>
        <source>Filter by id, path, category or source…</source>
        <translation>Filtriraj po oznaci, putanji, kategoriji ili izvoru…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Ponovno učitaj</translation>
    </message>
    <message>
        <source>Load problems</source>
        <translation>Problemi pri učitavanju</translation>
    </message>
    <message>
        <source>Loading the API descriptions…</source>
        <translation>Učitavanje opisa API-ja…</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s) from %1 source(s), loaded in %2 ms; %3 problem(s); %4 graph edge(s).</source>
        <translation>
            <numerusform>%n alat iz %1 izvora, učitan za %2 ms; problema: %3; veza u grafu: %4.</numerusform>
            <numerusform>%n alata iz %1 izvora, učitana za %2 ms; problema: %3; veza u grafu: %4.</numerusform>
            <numerusform>%n alata iz %1 izvora, učitano za %2 ms; problema: %3; veza u grafu: %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter the tools</source>
        <translation>Filtriraj alate</translation>
    </message>
    <message>
        <source>Show in graph</source>
        <translation>Prikaži u grafu</translation>
    </message>
    <message>
        <source>Open the dependency graph focused on the selected tool</source>
        <translation>Otvori graf ovisnosti usredotočen na odabrani alat</translation>
    </message>
    <message>
        <source>Load every source again</source>
        <translation>Ponovno učitaj sve izvore</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ozbiljnost</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Izvor</translation>
    </message>
    <message>
        <source>JSON pointer</source>
        <translation>JSON pokazivač</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Lint (%1)</source>
        <translation>Provjera (%1)</translation>
    </message>
    <message>
        <source>Lint</source>
        <translation>Provjera</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Izvori</translation>
    </message>
    <message>
        <source>Sources (%1)</source>
        <translation>Izvori (%1)</translation>
    </message>
    <message>
        <source>Lint (checking…)</source>
        <translation>Provjera (u tijeku…)</translation>
    </message>
    <message>
        <source>Search is unavailable: %1</source>
        <translation>Pretraživanje nije dostupno: %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>pogreška</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>upozorenje</translation>
    </message>
    <message>
        <source>Load problems (%1)</source>
        <translation>Problemi pri učitavanju (%1)</translation>
    </message>
</context>
<context>
    <name>m1::ScoringEditor</name>
    <message>
        <source>Fusion</source>
        <translation>Spajanje</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP metoda</translation>
    </message>
    <message>
        <source>User history</source>
        <translation>Povijest korisnika</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentacija</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluacija</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Pragovi</translation>
    </message>
    <message>
        <source>Fusion method</source>
        <translation>Način spajanja</translation>
    </message>
    <message>
        <source>Dense (embedding) weight</source>
        <translation>Težina vektorske sličnosti</translation>
    </message>
    <message>
        <source>Lexical (BM25) weight</source>
        <translation>Težina leksičke sličnosti (BM25)</translation>
    </message>
    <message>
        <source>RRF k</source>
        <translation>RRF k</translation>
    </message>
    <message>
        <source>Candidates per side</source>
        <translation>Kandidata po strani</translation>
    </message>
    <message>
        <source>Method matches the intent</source>
        <translation>Metoda odgovara namjeri</translation>
    </message>
    <message>
        <source>Another write method</source>
        <translation>Druga metoda pisanja</translation>
    </message>
    <message>
        <source>Read/write mismatch</source>
        <translation>Neslaganje čitanja i pisanja</translation>
    </message>
    <message>
        <source>User history weight</source>
        <translation>Težina povijesti korisnika</translation>
    </message>
    <message>
        <source>Uses for the full boost</source>
        <translation>Korištenja za puni poticaj</translation>
    </message>
    <message>
        <source>Category share weight</source>
        <translation>Težina udjela kategorije</translation>
    </message>
    <message>
        <source>Top tools counted</source>
        <translation>Najboljih alata u udjelu</translation>
    </message>
    <message>
        <source>Minimum share</source>
        <translation>Najmanji udio</translation>
    </message>
    <message>
        <source>Category named in the message</source>
        <translation>Kategorija spomenuta u poruci</translation>
    </message>
    <message>
        <source>Example words weight</source>
        <translation>Težina riječi iz primjera</translation>
    </message>
    <message>
        <source>Example meaning weight</source>
        <translation>Težina značenja primjera</translation>
    </message>
    <message>
        <source>Examples looked at per query</source>
        <translation>Primjera po upitu</translation>
    </message>
    <message>
        <source>Evaluation weight</source>
        <translation>Težina evaluacije</translation>
    </message>
    <message>
        <source>Outcomes for the full weight</source>
        <translation>Ishoda za punu težinu</translation>
    </message>
    <message>
        <source>Candidate from</source>
        <translation>Kandidat od</translation>
    </message>
    <message>
        <source>Act without asking from</source>
        <translation>Izvrši bez pitanja od</translation>
    </message>
    <message>
        <source>Out of scope below</source>
        <translation>Izvan opsega ispod</translation>
    </message>
    <message>
        <source>Candidates offered</source>
        <translation>Ponuđenih kandidata</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spremi</translation>
    </message>
    <message>
        <source>Save these weights to your configuration; the console starts with them next time</source>
        <translation>Spremi ove težine u svoju konfiguraciju; konzola će se sljedeći put pokrenuti s njima</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Vrati</translation>
    </message>
    <message>
        <source>Back to the saved weights (or the defaults when none are saved)</source>
        <translation>Natrag na spremljene težine (ili na zadane ako nijedne nisu spremljene)</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Zadano</translation>
    </message>
    <message>
        <source>The weights the console ships with</source>
        <translation>Težine s kojima se konzola isporučuje</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linearno</translation>
    </message>
    <message>
        <source>reciprocal rank</source>
        <translation>recipročni rang</translation>
    </message>
    <message>
        <source>the editor</source>
        <translation>uređivač</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nije primijenjeno: %1</translation>
    </message>
    <message>
        <source>There is no place to save to.</source>
        <translation>Nema mjesta za spremanje.</translation>
    </message>
    <message>
        <source>Could not open %1 for writing: %2</source>
        <translation>Datoteka %1 ne može se otvoriti za pisanje: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Zapisivanje u %1 nije uspjelo: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Spremljeno u %1.</translation>
    </message>
    <message>
        <source>Could not read the weights: %1</source>
        <translation>Težine se nisu mogle pročitati: %1</translation>
    </message>
    <message>
        <source>Approximate example index from</source>
        <translation>Približni indeks primjera od</translation>
    </message>
    <message>
        <source>Example classifier weight</source>
        <translation>Težina klasifikatora primjera</translation>
    </message>
    <message>
        <source>Classifier&apos;s tools added as candidates</source>
        <translation>Alati klasifikatora dodani kao kandidati</translation>
    </message>
    <message>
        <source>Lead over the second needed</source>
        <translation>Potrebna prednost pred drugim</translation>
    </message>
</context>
<context>
    <name>m1::SearchPanel</name>
    <message>
        <source>read</source>
        <translation>čitanje</translation>
    </message>
    <message>
        <source>create</source>
        <translation>stvaranje</translation>
    </message>
    <message>
        <source>update</source>
        <translation>izmjena</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>brisanje</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>nepoznato</translation>
    </message>
    <message>
        <source>Type a message as a driver would, e.g. “book a car for tomorrow”</source>
        <translation>Upišite poruku kao što bi je napisao vozač, npr. „rezerviraj auto za sutra”</translation>
    </message>
    <message>
        <source>The user whose history boosts tools they used before (a phone number)</source>
        <translation>Korisnik čija povijest daje prednost alatima koje je već koristio (broj telefona)</translation>
    </message>
    <message>
        <source>(no user)</source>
        <translation>(bez korisnika)</translation>
    </message>
    <message>
        <source>How many tools to rank</source>
        <translation>Koliko alata rangirati</translation>
    </message>
    <message>
        <source>Type a query</source>
        <translation>Upiši upit</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Korisnik:</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>Najboljih:</translation>
    </message>
    <message>
        <source>Loading the API descriptions…</source>
        <translation>Učitavanje opisa API-ja…</translation>
    </message>
    <message>
        <source>Type a message to see how the tools rank for it.</source>
        <translation>Upišite poruku da biste vidjeli kako se alati za nju rangiraju.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Search failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Pretraživanje nije uspjelo:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;✔ Act:&lt;/b&gt; run &lt;b&gt;%1&lt;/b&gt; — its score %2 reaches the act threshold %3.</source>
        <translation>&lt;b&gt;✔ Izvrši:&lt;/b&gt; pokreni &lt;b&gt;%1&lt;/b&gt; — njegov rezultat %2 doseže prag izvršavanja %3.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;? Abstain:&lt;/b&gt; ask the user — the best score %1 is under the act threshold %2; %n candidate(s) would be offered.</source>
        <translation>
            <numerusform>&lt;b&gt;? Suzdržavanje:&lt;/b&gt; pitaj korisnika — najbolji rezultat %1 ispod je praga izvršavanja %2; ponudio bi se %n kandidat.</numerusform>
            <numerusform>&lt;b&gt;? Suzdržavanje:&lt;/b&gt; pitaj korisnika — najbolji rezultat %1 ispod je praga izvršavanja %2; ponudila bi se %n kandidata.</numerusform>
            <numerusform>&lt;b&gt;? Suzdržavanje:&lt;/b&gt; pitaj korisnika — najbolji rezultat %1 ispod je praga izvršavanja %2; ponudilo bi se %n kandidata.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;✘ Out of scope:&lt;/b&gt; the best score %1 is under %2; the bot says it cannot help with this.</source>
        <translation>&lt;b&gt;✘ Izvan opsega:&lt;/b&gt; najbolji rezultat %1 ispod je %2; bot kaže da s tim ne može pomoći.</translation>
    </message>
    <message>
        <source>Search took %1 µs (query embedding %2 µs%3) · intent: %4</source>
        <translation>Pretraživanje je trajalo %1 µs (vektor upita %2 µs%3) · namjera: %4</translation>
    </message>
    <message>
        <source>, from the cache</source>
        <translation>, iz predmemorije</translation>
    </message>
    <message>
        <source>(hatched: a deduction) &amp;nbsp; lines: ┆ candidate %1 · ╎ out of scope below %2 · │ act %3 · ▮ total</source>
        <translation>(šrafirano: odbitak) &amp;nbsp; crte: ┆ kandidat %1 · ╎ izvan opsega ispod %2 · │ izvrši %3 · ▮ ukupno</translation>
    </message>
</context>
<context>
    <name>m1::SearchResultModel</name>
    <message>
        <source>Tool</source>
        <translation>Alat</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Rezultat</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Raščlamba</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operacija</translation>
    </message>
</context>
<context>
    <name>m1::SecretField</name>
    <message>
        <source>Clear</source>
        <translation>Obriši</translation>
    </message>
    <message>
        <source>Forget the stored value</source>
        <translation>Zaboravi spremljenu vrijednost</translation>
    </message>
    <message>
        <source>new value</source>
        <translation>nova vrijednost</translation>
    </message>
    <message>
        <source>will be cleared</source>
        <translation>bit će obrisano</translation>
    </message>
    <message>
        <source>set</source>
        <translation>postavljeno</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nije postavljeno</translation>
    </message>
    <message>
        <source>stored — type to replace</source>
        <translation>spremljeno — upišite novu vrijednost za zamjenu</translation>
    </message>
</context>
<context>
    <name>m1::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Postavke</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Pohrana</translation>
    </message>
    <message>
        <source>&amp;Embedding</source>
        <translation>&amp;Ugradnja</translation>
    </message>
    <message>
        <source>&amp;Planner</source>
        <translation>P&amp;laner</translation>
    </message>
    <message>
        <source>&amp;WhatsApp</source>
        <translation>&amp;WhatsApp</translation>
    </message>
    <message>
        <source>S&amp;ources</source>
        <translation>&amp;Izvori</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>S&amp;učelje</translation>
    </message>
    <message>
        <source>&amp;Managed redis-server (started by the console)</source>
        <translation>&amp;Upravljani redis-server (pokreće ga konzola)</translation>
    </message>
    <message>
        <source>&amp;Redis server at this URL:</source>
        <translation>&amp;Redis poslužitelj na ovom URL-u:</translation>
    </message>
    <message>
        <source>In &amp;memory (lost on exit)</source>
        <translation>U &amp;memoriji (gubi se pri izlasku)</translation>
    </message>
    <message>
        <source>Applying a different store reopens the engine&apos;s store at once; conversations in the old one stay there.</source>
        <translation>Primjena druge pohrane odmah ponovno otvara pohranu pogona; razgovori u staroj ostaju ondje.</translation>
    </message>
    <message>
        <source>Local (offline, built in)</source>
        <translation>Lokalno (izvanmrežno, ugrađeno)</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>Vectors are computed in the process; nothing leaves the machine.</source>
        <translation>Vektori se računaju u procesu; ništa ne napušta računalo.</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Osnovni URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API ključ:</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Krajnja točka:</translation>
    </message>
    <message>
        <source>Deployment:</source>
        <translation>Implementacija:</translation>
    </message>
    <message>
        <source>API version:</source>
        <translation>Verzija API-ja:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Pružatelj:</translation>
    </message>
    <message>
        <source>Rules (deterministic, offline)</source>
        <translation>Pravila (deterministički, izvanmrežno)</translation>
    </message>
    <message>
        <source>LLM function calling</source>
        <translation>LLM pozivanje funkcija</translation>
    </message>
    <message>
        <source>Planner:</source>
        <translation>Planer:</translation>
    </message>
    <message>
        <source>App secret:</source>
        <translation>Tajna aplikacije:</translation>
    </message>
    <message>
        <source>Verify token:</source>
        <translation>Token za provjeru:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Pristupni token:</translation>
    </message>
    <message>
        <source>Phone number ID:</source>
        <translation>ID telefonskog broja:</translation>
    </message>
    <message>
        <source>https://… or a path</source>
        <translation>https://… ili putanja</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Dodaj &amp;datoteke…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Dod&amp;aj</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ukloni</translation>
    </message>
    <message>
        <source>OpenAPI 2.0/3.x files, folders, URLs or tool catalogs. With none, the bundled demo is loaded.</source>
        <translation>OpenAPI 2.0/3.x datoteke, mape, URL-ovi ili katalozi alata. Bez ijednog izvora učitava se priloženi demo.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Jezik sustava</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Jezik:</translation>
    </message>
    <message>
        <source>The language changes the next time the console starts.</source>
        <translation>Jezik se mijenja pri sljedećem pokretanju konzole.</translation>
    </message>
    <message>
        <source>Add API descriptions</source>
        <translation>Dodaj opise API-ja</translation>
    </message>
    <message>
        <source>OpenAPI and tool catalogs (*.yaml *.yml *.json *.jsonl);;All files (*)</source>
        <translation>OpenAPI i katalozi alata (*.yaml *.yml *.json *.jsonl);;Sve datoteke (*)</translation>
    </message>
    <message>
        <source>Applied at once: the engine rebuilds its search index with the new provider. If that fails (a missing key, an unreachable server), the old provider keeps running and the status bar says why.</source>
        <translation>Primjenjuje se odmah: pogon ponovno gradi indeks pretraživanja s novim pružateljem. Ako to ne uspije (nedostaje ključ, poslužitelj je nedostupan), stari pružatelj radi dalje, a traka stanja kaže zašto.</translation>
    </message>
    <message>
        <source>Language model</source>
        <translation>Jezični model</translation>
    </message>
    <message>
        <source>Model (OpenAI):</source>
        <translation>Model (OpenAI):</translation>
    </message>
    <message>
        <source>Deployment (Azure):</source>
        <translation>Implementacija (Azure):</translation>
    </message>
    <message>
        <source>API version (Azure):</source>
        <translation>Verzija API-ja (Azure):</translation>
    </message>
    <message>
        <source>Without a key of its own, the planner uses the embedding page&apos;s key of the same provider.</source>
        <translation>Bez vlastitog ključa planer koristi ključ istog pružatelja sa stranice ugradnje.</translation>
    </message>
    <message>
        <source>Applied at once. When the model is slow or unreachable, the rules decide for that turn.</source>
        <translation>Primjenjuje se odmah. Kad je model spor ili nedostupan, za taj korak odlučuju pravila.</translation>
    </message>
    <message>
        <source>Graph API URL:</source>
        <translation>URL Graph API-ja:</translation>
    </message>
    <message>
        <source>Receive WhatsApp messages in the console (webhook server)</source>
        <translation>Primaj WhatsApp poruke u konzoli (webhook poslužitelj)</translation>
    </message>
    <message>
        <source>The backend API (as m1bot serve)</source>
        <translation>Pozadinski API (kao m1bot serve)</translation>
    </message>
    <message>
        <source>Sandbox (made-up answers, nothing changes)</source>
        <translation>Proba (izmišljeni odgovori, ništa se ne mijenja)</translation>
    </message>
    <message>
        <source>Listen on address:</source>
        <translation>Slušaj na adresi:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Tool calls go to:</source>
        <translation>Pozivi alata idu na:</translation>
    </message>
    <message>
        <source>Messages go through the same queue and workers as m1bot serve, and replies go out through the Graph API. Meta delivers only to HTTPS: put a TLS proxy in front of this address.</source>
        <translation>Poruke prolaze kroz isti red i iste radnike kao kod m1bot serve, a odgovori odlaze preko Graph API-ja. Meta isporučuje samo na HTTPS: ispred ove adrese postavite TLS proxy.</translation>
    </message>
    <message>
        <source>Secrets go to the desktop keychain when there is one; they are never shown and are masked in every log line.</source>
        <translation>Tajne se spremaju u privjesak ključeva radne površine kad on postoji; nikad se ne prikazuju i skrivene su u svakom retku zapisnika.</translation>
    </message>
</context>
<context>
    <name>m1::SimulatorPanel</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Pošalji</translation>
    </message>
    <message>
        <source>Dry run (sandbox)</source>
        <translation>Proba (sandbox)</translation>
    </message>
    <message>
        <source>Live backend</source>
        <translation>Stvarni sustav</translation>
    </message>
    <message>
        <source>Dry run answers from the API description; live calls the real backend</source>
        <translation>Proba odgovara iz opisa API-ja; stvarni način poziva pravi sustav</translation>
    </message>
    <message>
        <source>Waiting for the engine…</source>
        <translation>Čekanje na pogon…</translation>
    </message>
    <message>
        <source>Write a message as the test user…</source>
        <translation>Napišite poruku kao testni korisnik…</translation>
    </message>
    <message>
        <source>Test user</source>
        <translation>Testni korisnik</translation>
    </message>
    <message>
        <source>&amp;Tools:</source>
        <translation>&amp;Alati:</translation>
    </message>
    <message>
        <source>live backend</source>
        <translation>stvarni sustav</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>proba</translation>
    </message>
    <message>
        <source>Idle (%1): the first message starts the workers.</source>
        <translation>Mirovanje (%1): prva poruka pokreće radnike.</translation>
    </message>
    <message numerus="yes">
        <source>Running: %1, %n worker(s), on %2</source>
        <translation>
            <numerusform>Radi: %1, %n radnik, na %2</numerusform>
            <numerusform>Radi: %1, %n radnika, na %2</numerusform>
            <numerusform>Radi: %1, %n radnika, na %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Ne radi: %1</translation>
    </message>
    <message>
        <source>Starting (%1)…</source>
        <translation>Pokretanje (%1)…</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>&amp;Novi razgovor</translation>
    </message>
    <message>
        <source>Clear the chat and make the bot forget this user&apos;s conversation</source>
        <translation>Očisti razgovor i neka bot zaboravi razgovor ovog korisnika</translation>
    </message>
</context>
<context>
    <name>m1::SourcesEditor</name>
    <message>
        <source>Remove</source>
        <translation>Ukloni</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Dodaj datoteku…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Dodaj mapu…</translation>
    </message>
    <message>
        <source>Add URL…</source>
        <translation>Dodaj URL…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Ponovno učitaj</translation>
    </message>
    <message>
        <source>Stop loading the selected sources (with none left, the bundled demo loads)</source>
        <translation>Prestani učitavati odabrane izvore (ako ne ostane nijedan, učitava se ugrađeni primjer)</translation>
    </message>
    <message>
        <source>%1 (the bundled demo)</source>
        <translation>%1 (ugrađeni primjer)</translation>
    </message>
    <message>
        <source> (folder)</source>
        <translation> (mapa)</translation>
    </message>
    <message>
        <source>Add API descriptions</source>
        <translation>Dodaj opise API-ja</translation>
    </message>
    <message>
        <source>OpenAPI and tool catalogs (*.yaml *.yml *.json *.jsonl);;All files (*)</source>
        <translation>OpenAPI i katalozi alata (*.yaml *.yml *.json *.jsonl);;Sve datoteke (*)</translation>
    </message>
    <message>
        <source>Add a folder of API descriptions</source>
        <translation>Dodaj mapu s opisima API-ja</translation>
    </message>
    <message>
        <source>Add an API description by URL</source>
        <translation>Dodaj opis API-ja s URL-a</translation>
    </message>
    <message>
        <source>URL (http or https):</source>
        <translation>URL (http ili https):</translation>
    </message>
</context>
<context>
    <name>m1::StatusIndicators</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokalno</translation>
    </message>
    <message>
        <source>Webhook: off</source>
        <translation>Webhook: isključen</translation>
    </message>
    <message>
        <source>Workers: –</source>
        <translation>Radnici: –</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 por./s</translation>
    </message>
    <message>
        <source>Embedding: %1</source>
        <translation>Ugradnja: %1</translation>
    </message>
    <message>
        <source>Planner: LLM</source>
        <translation>Planer: LLM</translation>
    </message>
    <message>
        <source>Planner: rules</source>
        <translation>Planer: pravila</translation>
    </message>
    <message>
        <source>Search index: %1</source>
        <translation>Indeks pretraživanja: %1</translation>
    </message>
    <message>
        <source>Workers: %1/%2 busy</source>
        <translation>Radnici: %1/%2 zauzeto</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued or running</source>
        <translation>
            <numerusform>%n poruka u redu ili u obradi</numerusform>
            <numerusform>%n poruke u redu ili u obradi</numerusform>
            <numerusform>%n poruka u redu ili u obradi</numerusform>
        </translation>
    </message>
    <message>
        <source>Embedding: %1 (switching…)</source>
        <translation>Ugradnja: %1 (prebacivanje…)</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <source>Search index: %1-d vectors</source>
        <translation>Indeks pretraživanja: %1-dimenzionalni vektori</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nije primijenjeno: %1</translation>
    </message>
    <message>
        <source>The console does not receive WhatsApp messages; enable the webhook server in the settings, or run `m1bot serve`.</source>
        <translation>Konzola ne prima WhatsApp poruke; uključite webhook poslužitelj u postavkama ili pokrenite `m1bot serve`.</translation>
    </message>
    <message>
        <source>Webhook: starting on %1…</source>
        <translation>Webhook: pokreće se na %1…</translation>
    </message>
    <message>
        <source>Waiting for the tools and the store, then the workers start and the server listens.</source>
        <translation>Čeka se na alate i pohranu, zatim se pokreću radnici i poslužitelj počinje slušati.</translation>
    </message>
    <message>
        <source>Webhook: listening on %1</source>
        <translation>Webhook: sluša na %1</translation>
    </message>
    <message numerus="yes">
        <source>WhatsApp messages posted to %1 go through the queue and %n worker(s).</source>
        <translation>
            <numerusform>WhatsApp poruke poslane na %1 prolaze kroz red i %n radnika.</numerusform>
            <numerusform>WhatsApp poruke poslane na %1 prolaze kroz red i %n radnika.</numerusform>
            <numerusform>WhatsApp poruke poslane na %1 prolaze kroz red i %n radnika.</numerusform>
        </translation>
    </message>
    <message>
        <source>Webhook: error: %1</source>
        <translation>Webhook: pogreška: %1</translation>
    </message>
</context>
<context>
    <name>m1::TestUserForm</name>
    <message>
        <source>International number, digits only, as WhatsApp sends it (385911234567)</source>
        <translation>Međunarodni broj, samo znamenke, kako ga šalje WhatsApp (385911234567)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>neobavezno</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Ime:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Jezik:</translation>
    </message>
    <message>
        <source>Pe&amp;rson ID:</source>
        <translation>ID &amp;osobe:</translation>
    </message>
    <message>
        <source>Default &amp;vehicle:</source>
        <translation>Zadano &amp;vozilo:</translation>
    </message>
</context>
<context>
    <name>m1::ToolTableModel</name>
    <message>
        <source>yes</source>
        <translation>da</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Alat</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metoda</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Putanja</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametri</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Izlazi</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Izvor</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Zastarjelo</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <source>Search has not been built for these tools.</source>
        <translation>Pretraživanje za ove alate nije izgrađeno.</translation>
    </message>
    <message>
        <source>not embedded</source>
        <translation>bez vektora</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>neuspjelo</translation>
    </message>
    <message>
        <source>Search was built without this tool.</source>
        <translation>Pretraživanje je izgrađeno bez ovog alata.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>nedostaje</translation>
    </message>
    <message>
        <source>In the %1 vector index: %2 dimensions; this load embedded %3 text(s), %4 from the cache, in %5 ms.</source>
        <translation>U vektorskom indeksu (%1): %2 dimenzija; pri ovom učitavanju izračunato tekstova: %3, iz predmemorije: %4, za %5 ms.</translation>
    </message>
    <message>
        <source>embedded</source>
        <translation>u indeksu</translation>
    </message>
</context>
<context>
    <name>m1::TraceView</name>
    <message>
        <source>Step</source>
        <translation>Korak</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Vrijednost</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Pojedinost</translation>
    </message>
    <message>
        <source>Turns, newest last; pick one to see its trace</source>
        <translation>Potezi, najnoviji na kraju; odaberite jedan za prikaz traga</translation>
    </message>
    <message>
        <source>%1: “%2” — %3%4</source>
        <translation>%1: „%2” — %3%4</translation>
    </message>
    <message>
        <source>from the message</source>
        <translation>iz poruke</translation>
    </message>
    <message>
        <source>from the user&apos;s profile</source>
        <translation>iz korisnikova profila</translation>
    </message>
    <message>
        <source>answered by the user</source>
        <translation>odgovorio korisnik</translation>
    </message>
    <message>
        <source>from earlier in the conversation</source>
        <translation>iz ranijeg dijela razgovora</translation>
    </message>
    <message>
        <source>default value</source>
        <translation>zadana vrijednost</translation>
    </message>
    <message>
        <source>read by the LLM planner</source>
        <translation>pročitao LLM planer</translation>
    </message>
    <message>
        <source>from the tool %1</source>
        <translation>iz alata %1</translation>
    </message>
    <message>
        <source>Planner decision</source>
        <translation>Odluka planera</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Faza</translation>
    </message>
    <message>
        <source>Chosen tool</source>
        <translation>Odabrani alat</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nijedan</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Napomena</translation>
    </message>
    <message>
        <source>Abstained</source>
        <translation>Suzdržano</translation>
    </message>
    <message>
        <source>no tool scored high enough</source>
        <translation>nijedan alat nije dovoljno visoko ocijenjen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Pogreška</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidati</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>odabran</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametri</translation>
    </message>
    <message>
        <source>Question asked</source>
        <translation>Postavljeno pitanje</translation>
    </message>
    <message>
        <source>Tool request</source>
        <translation>Zahtjev alatu</translation>
    </message>
    <message>
        <source>Tool response</source>
        <translation>Odgovor alata</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>body</source>
        <translation>tijelo</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Naredbe</translation>
    </message>
    <message>
        <source>Round trips</source>
        <translation>Povratna putovanja</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Vremena</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Pretraživanje</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planiranje</translation>
    </message>
    <message>
        <source>Provider tools</source>
        <translation>Alati dobavljači</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Poziv alata</translation>
    </message>
    <message>
        <source>Orchestrator total</source>
        <translation>Ukupno orkestrator</translation>
    </message>
    <message>
        <source>Queue to end of turn</source>
        <translation>Od reda do kraja poteza</translation>
    </message>
</context>
<context>
    <name>m1::WelcomeDialog</name>
    <message>
        <source>Welcome to MobilityOne Console</source>
        <translation>Dobrodošli u MobilityOne konzolu</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>Otvori &amp;postavke…</translation>
    </message>
    <message>
        <source>The console runs the same engine as the WhatsApp bot. It has started on a demo fleet API, so every panel can be tried at once; nothing done here reaches a real user.</source>
        <translation>Konzola pokreće istu jezgru kao i WhatsApp bot. Pokrenuta je na demo API-ju voznog parka, pa se svaka ploča može odmah isprobati; ništa što ovdje napravite ne stiže do stvarnog korisnika.</translation>
    </message>
    <message>
        <source>The panels</source>
        <translation>Ploče</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registar</translation>
    </message>
    <message>
        <source>the tools read from the API descriptions, their parameters and outputs, and every load problem. Sources are added and removed here.</source>
        <translation>alati učitani iz opisa API-ja, njihovi parametri i izlazi te svaki problem pri učitavanju. Ovdje se dodaju i uklanjaju izvori.</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graf</translation>
    </message>
    <message>
        <source>which tool provides the inputs another one needs, such as the vehicle id a booking asks for.</source>
        <translation>koji alat daje ulazne podatke potrebne drugom alatu, poput ID-a vozila koji traži rezervacija.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Pretraživanje</translation>
    </message>
    <message>
        <source>type a message as a driver would and see which tool the bot picks, with every part of the score. The weights can be tuned and saved.</source>
        <translation>napišite poruku kako bi je napisao vozač i pogledajte koji alat bot odabire, sa svim dijelovima ocjene. Težine se mogu podesiti i spremiti.</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>chat with the bot as a test user, through the real queue and workers. Tools run as a dry run, or against the live backend.</source>
        <translation>razgovarajte s botom kao testni korisnik, kroz stvarni red čekanja i radnike. Alati se izvode kao proba ili na stvarnom sustavu.</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrike</translation>
    </message>
    <message>
        <source>start-up phases, search and end-to-end latencies, and the store&apos;s work, as charts.</source>
        <translation>faze pokretanja, latencije pretraživanja i cijelog puta poruke te rad spremišta, u grafikonima.</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Zapisi</translation>
    </message>
    <message>
        <source>the engine&apos;s log, filtered by level, category and text.</source>
        <translation>zapisnik jezgre, filtriran po razini, kategoriji i tekstu.</translation>
    </message>
    <message>
        <source>Your own backend</source>
        <translation>Vaš pozadinski sustav</translation>
    </message>
    <message>
        <source>In Settings, on the Sources page, add your backend&apos;s OpenAPI descriptions (files, folders or URLs); with none, the demo is used. Tools call the base URL that each description names under &quot;servers&quot;. The simulator&apos;s live backend sends the bearer token from the environment variable M1_API_TOKEN; the bot service takes its base URL and credentials from its configuration file (serve.api_base_url, serve.auth).</source>
        <translation>U Postavkama, na stranici Izvori, dodajte OpenAPI opise svog pozadinskog sustava (datoteke, mape ili URL-ove); bez njih se koristi demo. Alati pozivaju osnovni URL koji svaki opis navodi pod &quot;servers&quot;. Simulator na stvarnom sustavu šalje bearer token iz varijable okruženja M1_API_TOKEN; usluga bota osnovni URL i vjerodajnice čita iz svoje konfiguracijske datoteke (serve.api_base_url, serve.auth).</translation>
    </message>
    <message>
        <source>Your WhatsApp number</source>
        <translation>Vaš WhatsApp broj</translation>
    </message>
    <message>
        <source>This welcome is in the Help menu.</source>
        <translation>Ova dobrodošlica nalazi se u izborniku Pomoć.</translation>
    </message>
    <message>
        <source>In Settings, on the WhatsApp page, enter the app secret, verify token, access token and phone number ID from Meta&apos;s app dashboard; for trials, the same page lets the console itself receive the number&apos;s messages. In production the bot runs as the m1bot service: its configuration is in /etc/m1bot, its secrets in /etc/m1bot/m1bot.env (see &quot;man m1bot&quot;).</source>
        <translation>U Postavkama, na stranici WhatsApp, unesite tajnu aplikacije, token za provjeru, pristupni token i ID telefonskog broja s Metine nadzorne ploče aplikacije; za probu, na istoj stranici konzola može i sama primati poruke s tog broja. U produkciji bot radi kao usluga m1bot: njezina je konfiguracija u /etc/m1bot, a tajne u /etc/m1bot/m1bot.env (vidi &quot;man m1bot&quot;).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MobilityOne admin console</source>
        <translation>MobilityOne administratorska konzola</translation>
    </message>
    <message>
        <source>Read the configuration from FILE.</source>
        <translation>Učitaj konfiguraciju iz datoteke FILE.</translation>
    </message>
    <message>
        <source>Load tools from PATH or URL (repeatable).</source>
        <translation>Učitaj alate s putanje PATH ili URL-a (može se ponoviti).</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguracija</translation>
    </message>
    <message>
        <source>Load the demo, write one PNG per panel into DIR and exit.</source>
        <translation>Učitaj demo, spremi po jednu PNG sliku svake ploče u mapu DIR i izađi.</translation>
    </message>
</context>
</TS>
