<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the article or theme briefing shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the article or theme briefing shown, with its sources and the editor&apos;s notes, as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add content pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a trainer&apos;s signed content pack (.jpbpack) and add its articles to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close jpbrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the content folder again (after editing an article), keeping your place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;system appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Toggle light/dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch between light and dark appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the list of articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the search panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show bookmarks, highlights and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every dated event in date order, with the words that state it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &amp;figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the table of key figures, each linked to its passage and note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear theme marking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop marking the chosen theme&apos;s passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to where you were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous &amp;article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the previous article in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next a&amp;rticle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the next article in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmark this passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark the passage at the top of the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a note to the selection or passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every bookmark, highlight and note as Markdown, ODF, PDF or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About jpbrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and content information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>Notes are unavailable: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes database was repaired; see Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are read-only ({reason}): they are shown, but new ones cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not re-anchor notes: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select some text within one passage to highlight it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved; the {what}&apos;s text was copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the {what}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>Text size {percent} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface stays in this language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time you start jpbrief.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>↳ follows from this:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: warning: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>Theme briefing: {theme} — jpbrief</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chronology</name>
    <message>
        <source>Export the timeline as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the key figures as PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChronologyPanel</name>
    <message>
        <source>Timeline panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline theme filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Open link in your web browser?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link leads outside jpbrief. Open it in your web browser?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only open it if you expect to be online and trust this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on “{passage}”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline reader for briefings on Japan&apos;s defence and economic security.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles: {articles} · passages: {passages} · sources: {sources}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jpbrief never connects to the network. Cross-references, themes and summaries are the editor&apos;s annotations, shown as such; the articles&apos; text is the originals&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About jpbrief</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to open {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs in {aspects}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What (editor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author’s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measure is the editor&apos;s wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author&apos;s exact words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note {number} · {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note {number}: {citation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No note cited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate to open the passage and its note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate to open the passage with these words marked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresWindow</name>
    <message>
        <source>Key figures — jpbrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures theme filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures word filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen figure beside the others of its measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n figure(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FootnoteCard</name>
    <message>
        <source>News report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think-tank analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law-firm briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footnote card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to this passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footnote {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also cited in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor&apos;s cross-reference — not part of the author&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor&apos;s cross-reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported also in &lt;i&gt;{where}&lt;/i&gt;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources cited there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter goes there · Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections of this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content pack: {pack}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the content pack “{pack}” ({id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top of the article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesExport</name>
    <message>
        <source>Markdown memo (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word processor document, ODF (*.odt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, for jpbrief notes import (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are unavailable: nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes not exported to {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks, highlights and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookmarks or notes yet. Ctrl+D bookmarks the passage you are reading; select text and press Ctrl+Shift+H to highlight it, Ctrl+Shift+N to add a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected bookmark, highlight or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all notes to Markdown, a word processor document, PDF or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all bookmarks, highlights and notes (Markdown, ODF, PDF or JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · detached: its passage is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{What} not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing you typed is lost: retry (after freeing disk space, for example), or copy the text to paste it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pack is signed by a key you have not trusted yet. Compare the fingerprint above, group by group, with the one your trainer gave you in person, on paper or by phone — never one that came in the same e-mail or on the same USB stick as the pack. Install only if every group matches; if even one differs, cancel and tell your trainer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every group matches the fingerprint my trainer gave me; trust this trainer&apos;s packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer&apos;s key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by a key you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is new:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no changelog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles ({count}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles in the pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{version} (installed: {installed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pack cannot be installed: {reasons}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>article {id} is {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {installed} of this pack is installed; this older version {version} is not installed over it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {installed} of this pack is already installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file may have been damaged or changed on its way to you: do not use it, and ask your trainer for a new copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jpbrief did not install {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content pack refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Add content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content packs (*.jpbpack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content pack refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content pack not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installed content packs could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content packs changed: the library was updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated {pack} from version {previous}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed {pack}; articles added to the library: {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsBanner</name>
    <message>
        <source>Content problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the content problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n changed article(s) could not be loaded&lt;/b&gt; — the last version that loaded is still shown. Fix the file and save it again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n article(s) could not be loaded&lt;/b&gt; — the others are shown. Run &lt;code&gt;jpbrief check&lt;/code&gt; for details.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n problem(s) in the content&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s): run &lt;code&gt;jpbrief check&lt;/code&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Article text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article. Tab moves between footnote and cross-reference markers; Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>No article {id} in this library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reload</name>
    <message>
        <source>The content could not be reloaded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloading the content…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content reloaded: see the problems above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content reloaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Preparing the search index ({reason})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the search index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search is unavailable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search is unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words, &quot;exact phrases&quot;, OR, -exclude, prefix*; results appear as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only passages of theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only passages of article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean {words}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passage matches “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (showing {shown})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the next / previous marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the focused footnote or cross-reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the cross-referenced passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move from the query to the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThemeFilter</name>
    <message>
        <source>All themes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThemesPanel</name>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages of the chosen theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear theme marking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop marking this theme&apos;s passages (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{theme} · {passages} in {articles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Open this passage with the quoted words marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>editor&apos;s label, reported by %n articles</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>editor&apos;s label</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>[editor]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTree</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <source>Problems hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citation copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
