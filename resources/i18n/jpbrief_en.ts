<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChronologyPanel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FiguresWindow</name>
    <message numerus="yes">
        <source>{shown} of %n figure(s)</source>
        <translation>
            <numerusform>{shown} of %n figure</numerusform>
            <numerusform>{shown} of %n figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation>
            <numerusform>%n figure</numerusform>
            <numerusform>%n figures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsBanner</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n changed article(s) could not be loaded&lt;/b&gt; — the last version that loaded is still shown. Fix the file and save it again.</source>
        <translation>
            <numerusform>&lt;b&gt;%n changed article could not be loaded&lt;/b&gt; — the last version that loaded is still shown. Fix the file and save it again.</numerusform>
            <numerusform>&lt;b&gt;%n changed articles could not be loaded&lt;/b&gt; — the last version that loaded is still shown. Fix the file and save it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n article(s) could not be loaded&lt;/b&gt; — the others are shown. Run &lt;code&gt;jpbrief check&lt;/code&gt; for details.</source>
        <translation>
            <numerusform>&lt;b&gt;%n article could not be loaded&lt;/b&gt; — the others are shown. Run &lt;code&gt;jpbrief check&lt;/code&gt; for details.</numerusform>
            <numerusform>&lt;b&gt;%n articles could not be loaded&lt;/b&gt; — the others are shown. Run &lt;code&gt;jpbrief check&lt;/code&gt; for details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n problem(s) in the content&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n problem in the content&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n problems in the content&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s): run &lt;code&gt;jpbrief check&lt;/code&gt;</source>
        <translation>
            <numerusform>… and %n more line: run &lt;code&gt;jpbrief check&lt;/code&gt;</numerusform>
            <numerusform>… and %n more lines: run &lt;code&gt;jpbrief check&lt;/code&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemesPanel</name>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>editor&apos;s label, reported by %n articles</source>
        <translation>
            <numerusform>editor&apos;s label, reported by %n articles</numerusform>
            <numerusform>editor&apos;s label, reported by %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
</TS>
