<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CoverageView</name>
    <message numerus="yes">
        <source>%n row(s) ({0}): {1} approved, {2} captured, {3} missing; {4} at risk</source>
        <translation>
            <numerusform>%n row ({0}): {1} approved, {2} captured, {3} missing; {4} at risk</numerusform>
            <numerusform>%n rows ({0}): {1} approved, {2} captured, {3} missing; {4} at risk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message numerus="yes">
        <source>&lt;span style=&apos;font-size:20pt; font-weight:bold&apos;&gt;%n&lt;/span&gt; step(s)</source>
        <translation>
            <numerusform>&lt;span style=&apos;font-size:20pt; font-weight:bold&apos;&gt;%n&lt;/span&gt; step</numerusform>
            <numerusform>&lt;span style=&apos;font-size:20pt; font-weight:bold&apos;&gt;%n&lt;/span&gt; steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; session(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; session</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; step(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; step</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n face(s) blurred</source>
        <translation>
            <numerusform>, %n face blurred</numerusform>
            <numerusform>, %n faces blurred</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n name(s) and term(s) redacted</source>
        <translation>
            <numerusform>, %n name or term redacted</numerusform>
            <numerusform>, %n names and terms redacted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n file(s) match the manifest.</source>
        <translation>
            <numerusform>the %n file matches the manifest.</numerusform>
            <numerusform>all %n files match the manifest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n step(s) to {path}</source>
        <translation>
            <numerusform>Exported %n step to {path}</numerusform>
            <numerusform>Exported %n steps to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message numerus="yes">
        <source>%n session(s), {0} h</source>
        <translation>
            <numerusform>%n session, {0} h</numerusform>
            <numerusform>%n sessions, {0} h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IngestQueue</name>
    <message numerus="yes">
        <source>ready: %n step(s)</source>
        <translation>
            <numerusform>ready: %n step</numerusform>
            <numerusform>ready: %n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message numerus="yes">
        <source>Recording saved ({duration}, %n marker(s)); queued for processing.</source>
        <translation>
            <numerusform>Recording saved ({duration}, %n marker); queued for processing.</numerusform>
            <numerusform>Recording saved ({duration}, %n markers); queued for processing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message numerus="yes">
        <source>%n unfinished recording(s) found: {title}, {duration}</source>
        <translation>
            <numerusform>%n unfinished recording found: {title}, {duration}</numerusform>
            <numerusform>%n unfinished recordings found: {title}, {duration}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <source>%n step(s) found for “{query}”</source>
        <translation>
            <numerusform>%n step found for “{query}”</numerusform>
            <numerusform>%n steps found for “{query}”</numerusform>
        </translation>
    </message>
</context>
</TS>
