<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>m1::MainWindow</name>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>m1::RegistryPanel</name>
    <message numerus="yes">
        <source>%n tool(s) from %1 source(s), loaded in %2 ms; %3 problem(s); %4 graph edge(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
