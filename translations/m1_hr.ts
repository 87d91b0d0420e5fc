<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="hr_HR">
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
        <source>What is the vehicle's licence plate? (for example: ZG-1234-AB)</source>
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
        <translation><numerusform>%n stavka:</numerusform><numerusform>%n stavke:</numerusform><numerusform>%n stavki:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… i još %n</numerusform><numerusform>… i još %n</numerusform><numerusform>… i još %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation><numerusform>%n stavka</numerusform><numerusform>%n stavke</numerusform><numerusform>%n stavki</numerusform></translation>
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
        <translation><numerusform>%n alat</numerusform><numerusform>%n alata</numerusform><numerusform>%n alata</numerusform></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Pohrana: %1</translation>
    </message>
    <message>
        <source>Store problem: %1</source>
        <translation>Problem s pohranom: %1</translation>
    </message>
</context>
<context>
    <name>m1::RegistryPanel</name>
    <message>
        <source>Filter by id, path, category or source…</source>
        <translation>Filtriraj po oznaci, putanji, kategoriji ili izvoru…</translation>
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
        <source>Load problems</source>
        <translation>Problemi pri učitavanju</translation>
    </message>
    <message>
        <source>Loading the API descriptions…</source>
        <translation>Učitavanje opisa API-ja…</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s) from %1 source(s), loaded in %2 ms; %3 problem(s); %4 graph edge(s).</source>
        <translation><numerusform>%n alat iz %1 izvora, učitan za %2 ms; problema: %3; veza u grafu: %4.</numerusform><numerusform>%n alata iz %1 izvora, učitana za %2 ms; problema: %3; veza u grafu: %4.</numerusform><numerusform>%n alata iz %1 izvora, učitano za %2 ms; problema: %3; veza u grafu: %4.</numerusform></translation>
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