<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>m1::Agent</name>
    <message numerus="yes">
        <source>%n item(s):</source>
        <translation>
            <numerusform>%n item:</numerusform>
            <numerusform>%n items:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>m1::MainWindow</name>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation>
            <numerusform>%n tool</numerusform>
            <numerusform>%n tools</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>m1::RegistryPanel</name>
    <message numerus="yes">
        <source>%n tool(s) from %1 source(s), loaded in %2 ms; %3 problem(s); %4 graph edge(s).</source>
        <translation>
            <numerusform>%n tool from %1 source, loaded in %2 ms; %3 problem; %4 graph edge.</numerusform>
            <numerusform>%n tools from %1 sources, loaded in %2 ms; %3 problems; %4 graph edges.</numerusform>
        </translation>
    </message>
</context>
</TS>
