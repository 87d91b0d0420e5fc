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
    <name>m1::GraphPanel</name>
    <message numerus="yes">
        <source>%1: %n tool(s) within %2 hop(s)</source>
        <translation>
            <numerusform>%1: %n tool within %2 hop(s)</numerusform>
            <numerusform>%1: %n tools within %2 hop(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n tool(s)</source>
        <translation>
            <numerusform>The only tool</numerusform>
            <numerusform>All %n tools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) among outer tools not drawn</source>
        <translation>
            <numerusform>%n link among outer tools not drawn</numerusform>
            <numerusform>%n links among outer tools not drawn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more neighbour(s) not shown (raise Max. tools)</source>
        <translation>
            <numerusform>%n more neighbour not shown (raise Max. tools)</numerusform>
            <numerusform>%n more neighbours not shown (raise Max. tools)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>m1::LogsPanel</name>
    <message numerus="yes">
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%1 of %n record</numerusform>
            <numerusform>%1 of %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n waiting)</source>
        <translation>
            <numerusform>(%n waiting)</numerusform>
            <numerusform>(%n waiting)</numerusform>
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
    <name>m1::MetricsPanel</name>
    <message numerus="yes">
        <source>%n sample(s) kept</source>
        <translation>
            <numerusform>%n sample kept</numerusform>
            <numerusform>%n samples kept</numerusform>
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
<context>
    <name>m1::SearchPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;? Abstain:&lt;/b&gt; ask the user — the best score %1 is under the act threshold %2; %n candidate(s) would be offered.</source>
        <translation>
            <numerusform>&lt;b&gt;? Abstain:&lt;/b&gt; ask the user — the best score %1 is under the act threshold %2; %n candidate would be offered.</numerusform>
            <numerusform>&lt;b&gt;? Abstain:&lt;/b&gt; ask the user — the best score %1 is under the act threshold %2; %n candidates would be offered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>m1::SimulatorPanel</name>
    <message numerus="yes">
        <source>Running: %1, %n worker(s), on %2</source>
        <translation>
            <numerusform>Running: %1, %n worker, on %2</numerusform>
            <numerusform>Running: %1, %n workers, on %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>m1::StatusIndicators</name>
    <message numerus="yes">
        <source>%n message(s) queued or running</source>
        <translation>
            <numerusform>%n message queued or running</numerusform>
            <numerusform>%n messages queued or running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>WhatsApp messages posted to %1 go through the queue and %n worker(s).</source>
        <translation>
            <numerusform>WhatsApp messages posted to %1 go through the queue and %n worker.</numerusform>
            <numerusform>WhatsApp messages posted to %1 go through the queue and %n workers.</numerusform>
        </translation>
    </message>
</context>
</TS>
