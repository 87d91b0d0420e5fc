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