<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the article or theme briefing shown</source>
        <translation>表示中の記事またはテーマ別ブリーフィングを印刷します</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>PDFに書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the article or theme briefing shown, with its sources and the editor&apos;s notes, as a PDF</source>
        <translation>表示中の記事またはテーマ別ブリーフィングを、出典と編集者の注釈を含めてPDFとして保存します</translation>
    </message>
    <message>
        <source>&amp;Add content pack…</source>
        <translation>コンテンツパックを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Check a trainer&apos;s signed content pack (.jpbpack) and add its articles to the library</source>
        <translation>トレーナーが署名したコンテンツパック（.jpbpack）を検証し、その記事をライブラリに追加します</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Close jpbrief</source>
        <translation>jpbrief を終了します</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>選択したテキストをコピーします</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Search every article</source>
        <translation>すべての記事を検索します</translation>
    </message>
    <message>
        <source>&amp;Quick search</source>
        <translation>クイック検索(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>Read the content folder again (after editing an article), keeping your place</source>
        <translation>コンテンツフォルダーを読み込み直します（記事の編集後など）。読んでいた位置はそのままです</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>文字を大きくします</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>文字を小さくします</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>Reset the text size</source>
        <translation>文字サイズを元に戻します</translation>
    </message>
    <message>
        <source>Follow &amp;system appearance</source>
        <translation>システムの外観に合わせる(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Toggle light/dark</source>
        <translation>ライト/ダークを切り替え(&amp;T)</translation>
    </message>
    <message>
        <source>Switch between light and dark appearance</source>
        <translation>ライトとダークの外観を切り替えます</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>ライブラリ(&amp;L)</translation>
    </message>
    <message>
        <source>Show the list of articles</source>
        <translation>記事の一覧を表示します</translation>
    </message>
    <message>
        <source>&amp;Themes</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>Show the themes</source>
        <translation>テーマを表示します</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>Show the search panel</source>
        <translation>検索パネルを表示します</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>注釈(&amp;N)</translation>
    </message>
    <message>
        <source>Show bookmarks, highlights and notes</source>
        <translation>しおり・ハイライト・メモを表示します</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>年表(&amp;I)</translation>
    </message>
    <message>
        <source>Show every dated event in date order, with the words that state it</source>
        <translation>日付のある出来事を日付順に、それを述べた原文とともに表示します</translation>
    </message>
    <message>
        <source>Key &amp;figures</source>
        <translation>主要数値(&amp;F)</translation>
    </message>
    <message>
        <source>Open the table of key figures, each linked to its passage and note</source>
        <translation>主要数値の表を開きます（各数値は該当箇所と脚注にリンクしています）</translation>
    </message>
    <message>
        <source>&amp;Focus reader</source>
        <translation>本文にフォーカス(&amp;F)</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the text</source>
        <translation>キーボードフォーカスを本文に移します</translation>
    </message>
    <message>
        <source>&amp;Clear theme marking</source>
        <translation>テーマの強調表示を解除(&amp;C)</translation>
    </message>
    <message>
        <source>Stop marking the chosen theme&apos;s passages</source>
        <translation>選択したテーマの該当箇所の強調表示をやめます</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>言語(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>システムの言語(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Go back to where you were</source>
        <translation>直前の位置に戻ります</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>進む(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation>次の位置に進みます</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 戻る</translation>
    </message>
    <message>
        <source>Forward →</source>
        <translation>進む →</translation>
    </message>
    <message>
        <source>&amp;Start of article</source>
        <translation>記事の先頭(&amp;S)</translation>
    </message>
    <message>
        <source>Go to the start of the article</source>
        <translation>記事の先頭に移動します</translation>
    </message>
    <message>
        <source>&amp;End of article</source>
        <translation>記事の末尾(&amp;E)</translation>
    </message>
    <message>
        <source>Go to the end of the article</source>
        <translation>記事の末尾に移動します</translation>
    </message>
    <message>
        <source>&amp;Previous section</source>
        <translation>前の節(&amp;P)</translation>
    </message>
    <message>
        <source>Jump to the previous section</source>
        <translation>前の節に移動します</translation>
    </message>
    <message>
        <source>&amp;Next section</source>
        <translation>次の節(&amp;N)</translation>
    </message>
    <message>
        <source>Jump to the next section</source>
        <translation>次の節に移動します</translation>
    </message>
    <message>
        <source>Previous &amp;article</source>
        <translation>前の記事(&amp;A)</translation>
    </message>
    <message>
        <source>Open the previous article in the library</source>
        <translation>ライブラリの前の記事を開きます</translation>
    </message>
    <message>
        <source>Next a&amp;rticle</source>
        <translation>次の記事(&amp;R)</translation>
    </message>
    <message>
        <source>Open the next article in the library</source>
        <translation>ライブラリの次の記事を開きます</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Bookmark this passage</source>
        <translation>この箇所にしおりを挟む(&amp;B)</translation>
    </message>
    <message>
        <source>Bookmark the passage at the top of the view</source>
        <translation>表示の先頭にある箇所にしおりを挟みます</translation>
    </message>
    <message>
        <source>&amp;Highlight selection</source>
        <translation>選択範囲をハイライト(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight the selected text</source>
        <translation>選択したテキストをハイライトします</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>メモを追加(&amp;N)…</translation>
    </message>
    <message>
        <source>Attach a note to the selection or passage</source>
        <translation>選択範囲または箇所にメモを付けます</translation>
    </message>
    <message>
        <source>Ed&amp;it note…</source>
        <translation>メモを編集(&amp;I)…</translation>
    </message>
    <message>
        <source>Change the text of a note on the selection or passage (or right-click the passage)</source>
        <translation>選択範囲または箇所のメモの文面を変更します(箇所を右クリックしても変更できます)</translation>
    </message>
    <message>
        <source>&amp;Export notes…</source>
        <translation>注釈を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Save every bookmark, highlight and note as Markdown, ODF, PDF or JSON</source>
        <translation>すべてのしおり・ハイライト・メモを Markdown、ODF、PDF、JSON のいずれかで保存します</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>すべてのキーボードショートカットを一覧表示します</translation>
    </message>
    <message>
        <source>&amp;About jpbrief</source>
        <translation>jpbrief について(&amp;A)</translation>
    </message>
    <message>
        <source>Version and content information</source>
        <translation>バージョンとコンテンツの情報</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>Notes are unavailable: {error}</source>
        <translation>注釈を利用できません: {error}</translation>
    </message>
    <message>
        <source>The notes database was repaired; see Notes</source>
        <translation>注釈データベースを修復しました。「注釈」を確認してください</translation>
    </message>
    <message>
        <source>Notes are read-only ({reason}): they are shown, but new ones cannot be saved.</source>
        <translation>注釈は読み取り専用です（{reason}）。表示はできますが、新しい注釈は保存できません。</translation>
    </message>
    <message>
        <source>Could not re-anchor notes: {error}</source>
        <translation>注釈を本文に結び付け直せませんでした: {error}</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>しおりを挟みました</translation>
    </message>
    <message>
        <source>Bookmark removed</source>
        <translation>しおりを外しました</translation>
    </message>
    <message>
        <source>Select some text within one passage to highlight it</source>
        <translation>ハイライトするには、ひとつの段落の中でテキストを選択してください</translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation>ハイライトしました</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>メモを追加</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>メモを保存しました</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>メモを編集</translation>
    </message>
    <message>
        <source>A note cannot be empty; the note was not changed</source>
        <translation>メモを空にはできません。メモは変更されていません</translation>
    </message>
    <message>
        <source>This passage has no note; Ctrl+Shift+N adds one</source>
        <translation>この箇所にはメモがありません。Ctrl+Shift+N で追加できます</translation>
    </message>
    <message>
        <source>This passage has {count} notes. Edit which?</source>
        <translation>この箇所には {count} 件のメモがあります。どれを編集しますか?</translation>
    </message>
    <message>
        <source>Not saved; the {what}&apos;s text was copied</source>
        <translation>保存されませんでした。{what}のテキストをコピーしました</translation>
    </message>
    <message>
        <source>Could not remove the {what}: {error}</source>
        <translation>{what}を削除できませんでした: {error}</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>Text size {percent} %</source>
        <translation>文字サイズ {percent} %</translation>
    </message>
    <message>
        <source>The interface stays in this language.</source>
        <translation>表示言語は変わりません。</translation>
    </message>
    <message>
        <source>The new language applies the next time you start jpbrief.</source>
        <translation>新しい表示言語は、次回 jpbrief を起動したときに適用されます。</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>↳ follows from this:</source>
        <translation>↳ これに起因:</translation>
    </message>
    <message>
        <source>the content folder</source>
        <translation>コンテンツフォルダー</translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation>{file} の {line} 行目</translation>
    </message>
    <message>
        <source>{where}: warning: {message}</source>
        <translation>{where}: 警告: {message}</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>Theme briefing: {theme} — jpbrief</source>
        <translation>テーマ別ブリーフィング: {theme} — jpbrief</translation>
    </message>
    <message>
        <source>Theme briefing: {theme}</source>
        <translation>テーマ別ブリーフィング: {theme}</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>a space after &apos;{key}&apos; in the annotation: write {key}=&quot;{value}&quot; with no space around &apos;=&apos;</source>
        <translation>注記で &apos;{key}&apos; の後に空白があります: {key}=&quot;{value}&quot; のように &apos;=&apos; の前後に空白を入れずに書いてください</translation>
    </message>
    <message>
        <source>annotation cannot be read: {error}</source>
        <translation>注記を読み取れません: {error}</translation>
    </message>
    <message>
        <source>anchor {anchor} must be lower-case letters, digits, hyphens</source>
        <translation>アンカー {anchor} は英小文字・数字・ハイフンのみで書いてください</translation>
    </message>
    <message>
        <source>did you mean {key}=?</source>
        <translation>{key}= のことですか?</translation>
    </message>
    <message>
        <source>expected {keys}</source>
        <translation>{keys} のいずれかが必要です</translation>
    </message>
    <message>
        <source>unknown annotation {token} ({hint})</source>
        <translation>不明な注記 {token}（{hint}）</translation>
    </message>
    <message>
        <source>theme {theme} is not a theme id (lower-case, digits, hyphens)</source>
        <translation>テーマ {theme} はテーマ ID ではありません（英小文字・数字・ハイフン）</translation>
    </message>
    <message>
        <source>unknown role {role} (known: {known})</source>
        <translation>不明な role {role}（使えるもの: {known}）</translation>
    </message>
    <message>
        <source>{what} needs {key}</source>
        <translation>{what} には {key} が必要です</translation>
    </message>
    <message>
        <source>an event needs an id of lower-case letters, digits and hyphens</source>
        <translation>イベントには英小文字・数字・ハイフンからなる id が必要です</translation>
    </message>
    <message>
        <source>a figure needs an id of lower-case letters, digits and hyphens</source>
        <translation>数値データには英小文字・数字・ハイフンからなる id が必要です</translation>
    </message>
    <message>
        <source>duplicate event id {id!r} (first on line {first})</source>
        <translation>イベント id {id!r} が重複しています（最初は {first} 行目）</translation>
    </message>
    <message>
        <source>duplicate figure id {id!r} (first on line {first})</source>
        <translation>数値データ id {id!r} が重複しています（最初は {first} 行目）</translation>
    </message>
    <message>
        <source>{what}: unknown field {key!r}</source>
        <translation>{what}: 不明なフィールド {key!r}</translation>
    </message>
    <message>
        <source>event {id!r}</source>
        <translation>イベント {id!r}</translation>
    </message>
    <message>
        <source>figure {id!r}</source>
        <translation>数値データ {id!r}</translation>
    </message>
    <message>
        <source>{what}: unknown article {article}</source>
        <translation>{what}: 不明な記事 {article}</translation>
    </message>
    <message>
        <source>{what}: no passage {anchor} in article {article!r}</source>
        <translation>{what}: 記事 {article!r} にパッセージ {anchor} がありません</translation>
    </message>
    <message>
        <source>{what}: quote {quote} is not in the words of {place} (it must be copied exactly)</source>
        <translation>{what}: 引用 {quote} は {place} の本文にありません（一字一句そのまま写してください）</translation>
    </message>
    <message>
        <source>{what}: unknown theme {theme!r} (not in themes.yaml)</source>
        <translation>{what}: 不明なテーマ {theme!r}（themes.yaml にありません）</translation>
    </message>
    <message>
        <source>{what}: themes must be a list of theme ids</source>
        <translation>{what}: themes はテーマ ID のリストにしてください</translation>
    </message>
    <message>
        <source>{what}: footnote must be the footnote&apos;s number, got {value}</source>
        <translation>{what}: footnote には脚注の番号を書いてください（値: {value}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>{what}: footnote [{number}] is not in {place} (its footnotes: {numbers})</source>
        <translation>{what}: 脚注 [{number}] は {place} にありません（その脚注: {numbers}）</translation>
    </message>
    <message>
        <source>{what}: {key} must be an id or a list of ids</source>
        <translation>{what}: {key} は ID または ID のリストにしてください</translation>
    </message>
    <message>
        <source>{what}: {key} must be a real YYYY, YYYY-MM or YYYY-MM-DD, or a range START..END, got {value}</source>
        <translation>{what}: {key} は実在する YYYY、YYYY-MM、YYYY-MM-DD、または範囲 START..END にしてください（値: {value}）</translation>
    </message>
    <message>
        <source>{what}: quantity must be a number (scale words such as &apos;trillion&apos; belong in the quote only), got {value}</source>
        <translation>{what}: quantity は数値にしてください（&apos;trillion&apos; などの桁の語は引用にだけ書きます）（値: {value}）</translation>
    </message>
    <message>
        <source>{what}: unknown unit {unit} (currencies: {currencies}; units: {units})</source>
        <translation>{what}: 不明な単位 {unit}（通貨: {currencies}、単位: {units}）</translation>
    </message>
    <message>
        <source>{what}: relation must be one of {known}, got {value}</source>
        <translation>{what}: relation は {known} のいずれかにしてください（値: {value}）</translation>
    </message>
    <message>
        <source>{what}: the quote {quote} does not state {quantity:g}</source>
        <translation>{what}: 引用 {quote} は {quantity:g} を述べていません</translation>
    </message>
    <message>
        <source>{key} of {id!r}</source>
        <translation>{id!r} の {key}</translation>
    </message>
    <message>
        <source>{where} names the record itself</source>
        <translation>{where} がそのレコード自身を指しています</translation>
    </message>
    <message>
        <source>{where} names {target!r}, which is not in this file or has a problem of its own</source>
        <translation>{where} が {target!r} を指していますが、それはこのファイルにないか、それ自体に問題があります</translation>
    </message>
    <message>
        <source>{where}: {target!r} is dated {date}, which neither holds nor lies within {within}</source>
        <translation>{where}: {target!r} の日付は {date} で、{within} を含むことも、その中に収まることもありません</translation>
    </message>
    <message>
        <source>empty file: an article needs front matter and a body</source>
        <translation>空のファイルです: 記事にはフロントマターと本文が必要です</translation>
    </message>
    <message>
        <source>missing front matter: the file must start with a &apos;---&apos; line</source>
        <translation>フロントマターがありません: ファイルは &apos;---&apos; の行で始めてください</translation>
    </message>
    <message>
        <source>front matter is not closed by a &apos;---&apos; line</source>
        <translation>フロントマターが &apos;---&apos; の行で閉じられていません</translation>
    </message>
    <message>
        <source>front matter</source>
        <translation>フロントマター</translation>
    </message>
    <message>
        <source>front matter must be a mapping of keys to values</source>
        <translation>フロントマターはキーと値の対応（マッピング）にしてください</translation>
    </message>
    <message>
        <source>did you mean {name!r}?</source>
        <translation>{name!r} のことですか?</translation>
    </message>
    <message>
        <source>known: {names}</source>
        <translation>使えるもの: {names}</translation>
    </message>
    <message>
        <source>unknown front-matter key {key!r} ({hint})</source>
        <translation>不明なフロントマターのキー {key!r}（{hint}）</translation>
    </message>
    <message>
        <source>front matter needs an id of lower-case letters, digits and hyphens, got {id}</source>
        <translation>フロントマターには英小文字・数字・ハイフンからなる id が必要です（値: {id}）</translation>
    </message>
    <message>
        <source>id {id!r} does not match the file name {file!r}</source>
        <translation>id {id!r} がファイル名 {file!r} と一致しません</translation>
    </message>
    <message>
        <source>front matter needs a title</source>
        <translation>フロントマターに title が必要です</translation>
    </message>
    <message>
        <source>{key} must be text or null</source>
        <translation>{key} はテキストまたは null にしてください</translation>
    </message>
    <message>
        <source>url must be the original&apos;s complete http(s) address, or null; got {url}</source>
        <translation>url は原文の完全な http(s) アドレスか null にしてください（値: {url}）</translation>
    </message>
    <message>
        <source>retrieved must be a date (YYYY-MM-DD, YYYY-MM or YYYY) or null, got {value}</source>
        <translation>retrieved は日付（YYYY-MM-DD、YYYY-MM、YYYY）か null にしてください（値: {value}）</translation>
    </message>
    <message>
        <source>published must be an ISO date (YYYY-MM-DD) or null, got {value}</source>
        <translation>published は ISO 形式の日付（YYYY-MM-DD）か null にしてください（値: {value}）</translation>
    </message>
    <message>
        <source>references must be a list of source ids, as in references: [an-id, other-id]</source>
        <translation>references は references: [an-id, other-id] のように出典 ID のリストにしてください</translation>
    </message>
    <message>
        <source>references lists {ref!r} twice</source>
        <translation>references に {ref!r} が 2 回あります</translation>
    </message>
    <message>
        <source>{what}: {key} is given but ja (the Japanese name) is not</source>
        <translation>{what}: {key} がありますが、ja（日本語名）がありません</translation>
    </message>
    <message>
        <source>{what}: ja must be the Japanese name in Japanese script (kanji or kana, e.g. {example}), got {ja}</source>
        <translation>{what}: ja は日本語の文字（漢字・かな。例: {example}）で書いた日本語名にしてください（値: {ja}）</translation>
    </message>
    <message>
        <source>{what}: ja must start in Japanese script, got {ja}; put the romaji under reading:</source>
        <translation>{what}: ja は日本語の文字で始めてください（値: {ja}）。ローマ字は reading: に書きます</translation>
    </message>
    <message>
        <source>{what}: reading must be romaji in plain ASCII letters (e.g. &apos;hangeki noryoku&apos;; write ō as o or ou), got {reading}</source>
        <translation>{what}: reading は ASCII の英字だけのローマ字にしてください（例: &apos;hangeki noryoku&apos;。ō は o か ou と書きます）（値: {reading}）</translation>
    </message>
    <message>
        <source>{what}: ja needs ja_source: where the Japanese name is taken from (an official page&apos;s address or a document&apos;s title), so it is never a guess</source>
        <translation>{what}: ja には ja_source: が必要です。日本語名をどこから取ったか（公式ページのアドレスや文書名）を書き、推測で書かないでください</translation>
    </message>
    <message>
        <source>a term needs term: (English) and ja: (its Japanese name)</source>
        <translation>用語には term:（英語）と ja:（その日本語名）が必要です</translation>
    </message>
    <message>
        <source>a term needs term: (its English, or a list of the forms the articles print) and ja: (its Japanese name)</source>
        <translation>用語には term:（英語、または記事に出てくる語形のリスト）と ja:（その日本語名）が必要です</translation>
    </message>
    <message>
        <source>term {term!r}</source>
        <translation>用語 {term!r}</translation>
    </message>
    <message>
        <source>{what}: unknown field {key!r} (known: {known})</source>
        <translation>{what}: 不明なフィールド {key!r}（使えるもの: {known}）</translation>
    </message>
    <message>
        <source>form {number}</source>
        <translation>語形 {number}</translation>
    </message>
    <message>
        <source>{what}: ja (the Japanese name) is missing</source>
        <translation>{what}: ja（日本語名）がありません</translation>
    </message>
    <message>
        <source>an annotation must be the last line of its passage: put a blank line after it</source>
        <translation>注記はパッセージの最後の行にしてください: その後に空行を入れてください</translation>
    </message>
    <message>
        <source>{refusal}; this file is skipped</source>
        <translation>{refusal}。このファイルは読み込みません</translation>
    </message>
    <message>
        <source>the article has no passages (empty body)</source>
        <translation>記事にパッセージがありません（本文が空です）</translation>
    </message>
    <message>
        <source>quotes or lists nested deeper than {levels} levels</source>
        <translation>引用やリストが {levels} 段より深く入れ子になっています</translation>
    </message>
    <message>
        <source>passage of {size:,} characters is over the {cap:,} cap</source>
        <translation>{size:,} 文字のパッセージで、上限の {cap:,} 文字を超えています</translation>
    </message>
    <message>
        <source>more than {cap:,} Markdown characters ({chars}) in one file</source>
        <translation>1 つのファイルに Markdown 記号（{chars}）が {cap:,} 文字を超えてあります</translation>
    </message>
    <message>
        <source>too many &apos;[&apos; or &apos;&lt;&apos; characters ({count} in this passage) to render safely</source>
        <translation>&apos;[&apos; や &apos;&lt;&apos; が多すぎて（このパッセージに {count} 個）安全に表示できません</translation>
    </message>
    <message>
        <source>annotation line with no passage above it</source>
        <translation>上にパッセージのない注記行です</translation>
    </message>
    <message>
        <source>&apos;# &apos; is reserved for the title (in front matter); use &apos;## &apos; for a section</source>
        <translation>&apos;# &apos; はタイトル（フロントマターに書きます）用です: 節には &apos;## &apos; を使ってください</translation>
    </message>
    <message>
        <source>passage has no text</source>
        <translation>パッセージに本文がありません</translation>
    </message>
    <message>
        <source>annotation line has text after its closing &apos;}}&apos;: {line}</source>
        <translation>注記行の閉じ &apos;}}&apos; の後に文字があります: {line}</translation>
    </message>
    <message>
        <source>annotation line is not closed: add &apos;}}&apos; at the end of {line}</source>
        <translation>注記行が閉じられていません: {line} の末尾に &apos;}}&apos; を加えてください</translation>
    </message>
    <message>
        <source>duplicate anchor {anchor!r} (first used on line {first})</source>
        <translation>アンカー {anchor!r} が重複しています（最初は {first} 行目）</translation>
    </message>
    <message>
        <source>cross-reference {target} is not article#anchor</source>
        <translation>相互参照 {target} が article#anchor の形になっていません</translation>
    </message>
    <message>
        <source>the character reference {ref} names no character that can be shown: fix the number</source>
        <translation>文字参照 {ref} は表示できる文字を指していません: 番号を直してください</translation>
    </message>
    <message>
        <source>footnote [^{label}] must be labelled with the original&apos;s number</source>
        <translation>脚注 [^{label}] には原文の番号を付けてください</translation>
    </message>
    <message>
        <source>footnote [^{number}] defined twice (first on line {first})</source>
        <translation>脚注 [^{number}] が 2 回定義されています（最初は {first} 行目）</translation>
    </message>
    <message>
        <source>footnote [^{number}] names no source id</source>
        <translation>脚注 [^{number}] に出典 ID がありません</translation>
    </message>
    <message>
        <source>duplicate theme id {id!r}</source>
        <translation>テーマ id {id!r} が重複しています</translation>
    </message>
    <message>
        <source>duplicate source id {id!r}</source>
        <translation>出典 id {id!r} が重複しています</translation>
    </message>
    <message>
        <source>a theme needs an id, a label and a description</source>
        <translation>テーマには id、label、description が必要です</translation>
    </message>
    <message>
        <source>theme id {id!r} must be lower-case letters, digits, hyphens</source>
        <translation>テーマ id {id!r} は英小文字・数字・ハイフンのみで書いてください</translation>
    </message>
    <message>
        <source>theme {id!r} needs a label and a description</source>
        <translation>テーマ {id!r} には label と description が必要です</translation>
    </message>
    <message>
        <source>theme {id!r}</source>
        <translation>テーマ {id!r}</translation>
    </message>
    <message>
        <source>required theme {id!r} is missing</source>
        <translation>必須のテーマ {id!r} がありません</translation>
    </message>
    <message>
        <source>a source needs an id and a citation</source>
        <translation>出典には id と citation が必要です</translation>
    </message>
    <message>
        <source>source {id!r} needs the citation text as printed</source>
        <translation>出典 {id!r} には印刷されたとおりの引用文（citation）が必要です</translation>
    </message>
    <message>
        <source>source {id!r}</source>
        <translation>出典 {id!r}</translation>
    </message>
    <message>
        <source>{what}: authors must be a list of names</source>
        <translation>{what}: authors は名前のリストにしてください</translation>
    </message>
    <message>
        <source>{what}: {key} must be text or null</source>
        <translation>{what}: {key} はテキストまたは null にしてください</translation>
    </message>
    <message>
        <source>{what}: {key} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value}</source>
        <translation>{what}: {key} は YYYY、YYYY-MM、YYYY-MM-DD のいずれかにしてください（値: {value}）</translation>
    </message>
    <message>
        <source>{what}: unknown kind {kind} (known: {known})</source>
        <translation>{what}: 不明な kind {kind}（使えるもの: {known}）</translation>
    </message>
    <message>
        <source>{what}: url must be a complete http(s) address or null</source>
        <translation>{what}: url は完全な http(s) アドレスか null にしてください</translation>
    </message>
    <message>
        <source>author {number}</source>
        <translation>著者 {number}</translation>
    </message>
    <message>
        <source>the Japanese name {name!r} is given twice (first at line {first}); keep one entry</source>
        <translation>日本語名 {name!r} が 2 回あります（最初は {first} 行目）。1 つだけ残してください</translation>
    </message>
    <message>
        <source>an acronym needs a term and an expansion (or a list of them)</source>
        <translation>略語には term と expansion（またはそのリスト）が必要です</translation>
    </message>
    <message>
        <source>acronym</source>
        <translation>略語</translation>
    </message>
    <message>
        <source>; this entry is skipped</source>
        <translation>。この項目は読み込みません</translation>
    </message>
    <message>
        <source>acronym {term!r}: expansion {expansion!r} is listed twice</source>
        <translation>略語 {term!r}: 展開形 {expansion!r} が 2 回あります</translation>
    </message>
    <message>
        <source>acronym {term!r}</source>
        <translation>略語 {term!r}</translation>
    </message>
    <message>
        <source>{what} has {count} meanings: give each meaning&apos;s Japanese name under terms: instead of ja:</source>
        <translation>{what} には {count} 通りの意味があります: 各意味の日本語名は ja: ではなく terms: に書いてください</translation>
    </message>
    <message>
        <source>phrase {number}</source>
        <translation>語句 {number}</translation>
    </message>
    <message>
        <source>synonym group</source>
        <translation>同義語グループ</translation>
    </message>
    <message>
        <source>; this group is skipped</source>
        <translation>。このグループは読み込みません</translation>
    </message>
    <message>
        <source>a synonym group is a list of two or more phrases</source>
        <translation>同義語グループは 2 つ以上の語句のリストにしてください</translation>
    </message>
    <message>
        <source>(because {name} could not be loaded: see above)</source>
        <translation>（{name} を読み込めなかったため。上記参照）</translation>
    </message>
    <message>
        <source>{count} theme(s) in this file not checked {because}</source>
        <translation>このファイルのテーマ {count} 件は確認していません {because}</translation>
    </message>
    <message>
        <source>unknown theme {theme!r} (not in themes.yaml; {hint})</source>
        <translation>不明なテーマ {theme!r}（themes.yaml にありません。{hint}）</translation>
    </message>
    <message>
        <source>unknown theme {theme!r} (not in themes.yaml)</source>
        <translation>不明なテーマ {theme!r}（themes.yaml にありません）</translation>
    </message>
    <message>
        <source>cross-reference to {target} not checked {because}</source>
        <translation>{target} への相互参照は確認していません {because}</translation>
    </message>
    <message>
        <source>(because {name} was skipped: see above)</source>
        <translation>（{name} を読み込まなかったため。上記参照）</translation>
    </message>
    <message>
        <source>cross-reference to unknown article {article!r} ({hint})</source>
        <translation>不明な記事 {article!r} への相互参照です（{hint}）</translation>
    </message>
    <message>
        <source>cross-reference to unknown article {article!r}</source>
        <translation>不明な記事 {article!r} への相互参照です</translation>
    </message>
    <message>
        <source>cross-reference to missing anchor {anchor!r} in article {article!r} ({hint})</source>
        <translation>記事 {article!r} にないアンカー {anchor!r} への相互参照です（{hint}）</translation>
    </message>
    <message>
        <source>cross-reference to missing anchor {anchor!r} in article {article!r}</source>
        <translation>記事 {article!r} にないアンカー {anchor!r} への相互参照です</translation>
    </message>
    <message>
        <source>a cross-reference must point at another article</source>
        <translation>相互参照は別の記事を指してください</translation>
    </message>
    <message>
        <source>cross-reference to {target} is one-way: add see=&quot;{back}&quot; there too</source>
        <translation>{target} への相互参照が一方通行です: 向こうにも see=&quot;{back}&quot; を加えてください</translation>
    </message>
    <message>
        <source>footnote [^{number}] has no definition</source>
        <translation>脚注 [^{number}] に定義がありません</translation>
    </message>
    <message>
        <source>footnote [^{number}] is used twice (first on line {first})</source>
        <translation>脚注 [^{number}] が 2 回使われています（最初は {first} 行目）</translation>
    </message>
    <message>
        <source>footnote [^{number}] is defined but never referenced</source>
        <translation>脚注 [^{number}] は定義されていますが、どこからも参照されていません</translation>
    </message>
    <message>
        <source>footnote [^{number}] cites unknown source {source!r} {why}</source>
        <translation>脚注 [^{number}] が不明な出典 {source!r} を挙げています {why}</translation>
    </message>
    <message>
        <source>footnote [^{number}] cites unknown source {source!r}</source>
        <translation>脚注 [^{number}] が不明な出典 {source!r} を挙げています</translation>
    </message>
    <message>
        <source>references: unknown source {source!r} {why}</source>
        <translation>references: 不明な出典 {source!r} {why}</translation>
    </message>
    <message>
        <source>references: unknown source {source!r}</source>
        <translation>references: 不明な出典 {source!r}</translation>
    </message>
    <message>
        <source>({hint})</source>
        <translation>（{hint}）</translation>
    </message>
    <message>
        <source>{what}: {name} holds markup {markup}, but it is plain text{consequence}</source>
        <translation>{what}: {name} に書式 {markup} が含まれていますが、プレーンテキストの項目です{consequence}</translation>
    </message>
    <message>
        <source>content folder not found</source>
        <translation>コンテンツフォルダーが見つかりません</translation>
    </message>
    <message>
        <source>there is no {name} in this folder: create it (see docs/content-format.md, &apos;{name}&apos;)</source>
        <translation>このフォルダーに {name} がありません: 作成してください（docs/content-format.md の &apos;{name}&apos; を参照）</translation>
    </message>
    <message>
        <source>there is no articles/ folder in this folder: create it for the articles</source>
        <translation>このフォルダーに articles/ フォルダーがありません: 記事用に作成してください</translation>
    </message>
    <message>
        <source>cannot be read ({error}); skipped</source>
        <translation>読み込めません（{error}）。読み込みを省きました</translation>
    </message>
    <message>
        <source>duplicate article id {id!r} (already used by {owner}); this file is skipped</source>
        <translation>記事 id {id!r} が重複しています（{owner} が使用済み）。このファイルは読み込みません</translation>
    </message>
    <message>
        <source>passage #{anchor} has no theme</source>
        <translation>パッセージ #{anchor} にテーマがありません</translation>
    </message>
    <message>
        <source>source {id!r} is cited by no article</source>
        <translation>出典 {id!r} はどの記事からも引用されていません</translation>
    </message>
    <message>
        <source>acronym {term!r} has no glossary entry (first here, {count} times in all)</source>
        <translation>略語 {term!r} に用語集の項目がありません（初出はここ、全体で {count} 回）</translation>
    </message>
    <message>
        <source>acronym {term!r} has no glossary entry (first here, once)</source>
        <translation>略語 {term!r} に用語集の項目がありません（初出はここ、1 回のみ）</translation>
    </message>
    <message>
        <source>acronym {term!r} appears in no article, nor its expansion or synonyms</source>
        <translation>略語 {term!r} は、その展開形や同義語も含めて、どの記事にも出てきません</translation>
    </message>
    <message>
        <source>synonym group {group} appears in no article</source>
        <translation>同義語グループ {group} はどの記事にも出てきません</translation>
    </message>
    <message>
        <source>term {term!r} ({ja}) appears in no article</source>
        <translation>用語 {term!r}（{ja}）はどの記事にも出てきません</translation>
    </message>
    <message>
        <source>cross-reference from #{anchor} to {target}: the two passages share no word; is it the right anchor?</source>
        <translation>#{anchor} から {target} への相互参照: 2 つのパッセージに共通の語がありません。アンカーは正しいですか?</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <source>file is {size:.1f} MB, over the {cap} KiB cap</source>
        <translation>ファイルは {size:.1f} MB あり、上限の {cap} KiB を超えています</translation>
    </message>
    <message>
        <source>cannot read file: {error}</source>
        <translation>ファイルを読めません: {error}</translation>
    </message>
    <message>
        <source>not UTF-8: byte {byte:#04x} at offset {offset}</source>
        <translation>UTF-8 ではありません: オフセット {offset} にバイト {byte:#04x} があります</translation>
    </message>
    <message>
        <source>NUL byte (U+0000) at column {column}: remove it; this file is skipped</source>
        <translation>{column} 桁目に NUL バイト（U+0000）があります: 削除してください。このファイルは読み込みません</translation>
    </message>
    <message>
        <source>the list opened with &apos;[&apos; on this line is not closed: add &apos;]&apos; at its end, or put the whole value in double quotes if it is text</source>
        <translation>この行で開いた &apos;[&apos; が閉じられていません: 末尾に &apos;]&apos; を加えるか、テキストなら値全体を二重引用符で囲んでください</translation>
    </message>
    <message>
        <source>the &apos;{{&apos; on this line is not closed: add &apos;}}&apos; at its end, or put the whole value in double quotes if it is text</source>
        <translation>この行の &apos;{{&apos; が閉じられていません: 末尾に &apos;}}&apos; を加えるか、テキストなら値全体を二重引用符で囲んでください</translation>
    </message>
    <message>
        <source>the quote opened on this line is never closed: add the closing quote</source>
        <translation>この行で開いた引用符が閉じられていません: 閉じる引用符を加えてください</translation>
    </message>
    <message>
        <source>a &apos;: &apos; inside a value (or a line indented too far): put the value in double quotes, as in title: &quot;Japan: a region&quot;, or fix the indentation</source>
        <translation>値の中に &apos;: &apos; があります（または行の字下げが深すぎます）: title: &quot;Japan: a region&quot; のように値を二重引用符で囲むか、字下げを直してください</translation>
    </message>
    <message>
        <source>a tab or other stray character: indent with spaces only</source>
        <translation>タブなどの余計な文字があります: 字下げには空白だけを使ってください</translation>
    </message>
    <message>
        <source>text after a quoted or bracketed value: put the whole value in double quotes</source>
        <translation>引用符や括弧で囲んだ値の後に文字があります: 値全体を二重引用符で囲んでください</translation>
    </message>
    <message>
        <source>invalid {name}: {key!r} is given twice (first on line {first}): keep one</source>
        <translation>{name} が不正です: {key!r} が 2 回あります（最初は {first} 行目）。1 つだけ残してください</translation>
    </message>
    <message>
        <source>invalid {name}: {words}</source>
        <translation>{name} が不正です: {words}</translation>
    </message>
    <message>
        <source>{name} is nested too deeply</source>
        <translation>{name} の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>expected a mapping with a list under {key!r}</source>
        <translation>{key!r} の下にリストを持つマッピングが必要です</translation>
    </message>
    <message>
        <source>a symbolic link loop; not read</source>
        <translation>シンボリックリンクがループしています。読み込みません</translation>
    </message>
    <message>
        <source>a dangling symbolic link; not read</source>
        <translation>リンク先のないシンボリックリンクです。読み込みません</translation>
    </message>
    <message>
        <source>a symbolic link to {target}, outside the content folder; not read</source>
        <translation>コンテンツフォルダーの外の {target} へのシンボリックリンクです。読み込みません</translation>
    </message>
</context>
<context>
    <name>Chronology</name>
    <message>
        <source>Export {what} as PDF</source>
        <translation>{what}をPDFに書き出す</translation>
    </message>
</context>
<context>
    <name>ChronologyPanel</name>
    <message>
        <source>Timeline panel</source>
        <translation>年表パネル</translation>
    </message>
    <message>
        <source>Timeline theme filter</source>
        <translation>年表のテーマ絞り込み</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDFに書き出す…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 件の出来事</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Open link in your web browser?</source>
        <translation>Webブラウザーでリンクを開きますか？</translation>
    </message>
    <message>
        <source>This link leads outside jpbrief. Open it in your web browser?</source>
        <translation>このリンクは jpbrief の外部を指しています。Webブラウザーで開きますか？</translation>
    </message>
    <message>
        <source>Only open it if you expect to be online and trust this address.</source>
        <translation>オンラインに接続するつもりがあり、このアドレスを信頼できる場合にのみ開いてください。</translation>
    </message>
    <message>
        <source>Note on “{passage}”:</source>
        <translation>「{passage}」へのメモ:</translation>
    </message>
    <message>
        <source>An offline reader for briefings on Japan&apos;s defence and economic security.</source>
        <translation>日本の防衛と経済安全保障に関するブリーフィングのためのオフラインリーダーです。</translation>
    </message>
    <message>
        <source>Articles: {articles} · passages: {passages} · sources: {sources}</source>
        <translation>記事: {articles} · 段落: {passages} · 出典: {sources}</translation>
    </message>
    <message>
        <source>jpbrief never connects to the network. Cross-references, themes and summaries are the editor&apos;s annotations, shown as such; the articles&apos; text is the originals&apos;.</source>
        <translation>jpbrief はネットワークに一切接続しません。相互参照・テーマ・要約は編集者による注釈であり、その旨を明示して表示します。記事の本文は原文のままです。</translation>
    </message>
    <message>
        <source>About jpbrief</source>
        <translation>jpbrief について</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF文書 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <source>Refused to open {url}</source>
        <translation>{url} を開くことを拒否しました</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>PDFに書き出す</translation>
    </message>
    <message>
        <source>Not saved: {path}: {error}</source>
        <translation>保存されませんでした: {path}: {error}</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>What (editor)</source>
        <translation>項目（編集者）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>The author’s words</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Same measure</source>
        <translation>同じ項目との比較</translation>
    </message>
    <message>
        <source>The measure is the editor&apos;s wording</source>
        <translation>項目名は編集者による表現です</translation>
    </message>
    <message>
        <source>The author&apos;s exact words</source>
        <translation>著者の原文そのままです</translation>
    </message>
    <message>
        <source>note {number} · {where}</source>
        <translation>脚注 {number} · {where}</translation>
    </message>
    <message>
        <source>Note {number}: {citation}</source>
        <translation>脚注 {number}: {citation}</translation>
    </message>
    <message>
        <source>[editor]</source>
        <translation>［編集者］</translation>
    </message>
    <message>
        <source>No note cited</source>
        <translation>脚注の引用なし</translation>
    </message>
    <message>
        <source>Activate to open the passage and its note</source>
        <translation>選択すると該当箇所とその脚注を開きます</translation>
    </message>
    <message>
        <source>Activate to open the passage with these words marked</source>
        <translation>選択するとこの語句を強調した状態で該当箇所を開きます</translation>
    </message>
</context>
<context>
    <name>FiguresWindow</name>
    <message>
        <source>Key figures — jpbrief</source>
        <translation>主要数値 — jpbrief</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要数値</translation>
    </message>
    <message>
        <source>Key figures theme filter</source>
        <translation>主要数値のテーマ絞り込み</translation>
    </message>
    <message>
        <source>Filter by words…</source>
        <translation>語句で絞り込み…</translation>
    </message>
    <message>
        <source>Key figures word filter</source>
        <translation>主要数値の語句絞り込み</translation>
    </message>
    <message>
        <source>Key figures table</source>
        <translation>主要数値の表</translation>
    </message>
    <message>
        <source>The chosen figure beside the others of its measure</source>
        <translation>選択した数値と、同じ項目のほかの数値</translation>
    </message>
    <message>
        <source>Open passage</source>
        <translation>該当箇所を開く</translation>
    </message>
    <message>
        <source>Show note</source>
        <translation>脚注を表示</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDFに書き出す…</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n figure(s)</source>
        <translation>
            <numerusform>%n 件中 {shown} 件の数値</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation>
            <numerusform>%n 件の数値</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FootnoteCard</name>
    <message>
        <source>News report</source>
        <translation>報道記事</translation>
    </message>
    <message>
        <source>Government document</source>
        <translation>政府文書</translation>
    </message>
    <message>
        <source>Think-tank analysis</source>
        <translation>シンクタンクの分析</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>調査</translation>
    </message>
    <message>
        <source>Journal article</source>
        <translation>学術論文</translation>
    </message>
    <message>
        <source>Law-firm briefing</source>
        <translation>法律事務所の解説</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>ブログ記事</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Footnote card</source>
        <translation>脚注カード</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>出典をコピー</translation>
    </message>
    <message>
        <source>Go to this passage</source>
        <translation>この箇所へ移動</translation>
    </message>
    <message>
        <source>Footnote {number}</source>
        <translation>脚注 {number}</translation>
    </message>
    <message>
        <source>Also cited in</source>
        <translation>ほかの引用箇所</translation>
    </message>
    <message>
        <source>Esc closes</source>
        <translation>Esc で閉じる</translation>
    </message>
    <message>
        <source>Editor&apos;s cross-reference — not part of the author&apos;s text</source>
        <translation>編集者による相互参照 — 著者の本文ではありません</translation>
    </message>
    <message>
        <source>Editor&apos;s cross-reference</source>
        <translation>編集者による相互参照</translation>
    </message>
    <message>
        <source>Reported also in &lt;i&gt;{where}&lt;/i&gt;:</source>
        <translation>&lt;i&gt;{where}&lt;/i&gt; にも記載があります:</translation>
    </message>
    <message>
        <source>Sources cited there</source>
        <translation>そこで引用されている出典</translation>
    </message>
    <message>
        <source>Ctrl+Enter goes there · Esc closes</source>
        <translation>Ctrl+Enter で移動 · Esc で閉じる</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>著者</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>最終更新</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>閲覧日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Author</source>
        <translation>著者</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>not stated in the original</source>
        <translation>原文に記載なし</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Original: {address}</source>
        <translation>原文：{address}</translation>
    </message>
    <message>
        <source>Retrieved: {date}</source>
        <translation>取得日：{date}</translation>
    </message>
    <message>
        <source>Copyright: {text}</source>
        <translation>著作権：{text}</translation>
    </message>
    <message>
        <source>Disclaimer printed with the original: </source>
        <translation>原文に付された免責事項：</translation>
    </message>
    <message>
        <source>About the author: </source>
        <translation>著者について：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>脚注</translation>
    </message>
    <message>
        <source>(source missing)</source>
        <translation>（出典が見つかりません）</translation>
    </message>
    <message>
        <source>Footnote {number}</source>
        <translation>脚注 {number}</translation>
    </message>
    <message>
        <source>footnote {number} has no source</source>
        <translation>脚注 {number} に出典がありません</translation>
    </message>
    <message>
        <source>footnote {number} cites unknown source &apos;{source}&apos;</source>
        <translation>脚注 {number} が不明な出典「{source}」を挙げています</translation>
    </message>
    <message>
        <source>[ed.]</source>
        <translation>[編]</translation>
    </message>
    <message>
        <source>Editor&apos;s cross-reference</source>
        <translation>編集者による相互参照</translation>
    </message>
    <message>
        <source>Editor&apos;s cross-reference: {title}</source>
        <translation>編集者による相互参照：{title}</translation>
    </message>
    <message>
        <source>References added by the editor (not part of the original)</source>
        <translation>編集者が追加した参考文献（原文の一部ではありません）</translation>
    </message>
    <message>
        <source>Editor’s note</source>
        <translation>編集注</translation>
    </message>
    <message>
        <source>Editor’s notes</source>
        <translation>編集注</translation>
    </message>
    <message>
        <source>Editor’s notes (not part of the original)</source>
        <translation>編集注（原文の一部ではありません）</translation>
    </message>
    <message>
        <source>Sources cited</source>
        <translation>引用出典</translation>
    </message>
    <message>
        <source>The text is the original’s, word for word, with its own footnote numbers. Marks set like ‹Editor’s note 1› are the editor’s cross-references, not part of the original; the numbered key at the end says what each refers to.</source>
        <translation>本文は原文のとおりで、脚注番号も原文のままです。‹編集注 1› のような記号は編集者による相互参照で、原文の一部ではありません。各記号が何を指すかは末尾の番号付き一覧に示します。</translation>
    </message>
    <message>
        <source>refers to {place}</source>
        <translation>参照先：{place}</translation>
    </message>
    <message>
        <source>{target} (not in this library)</source>
        <translation>{target}（このライブラリにはありません）</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>「{text}」</translation>
    </message>
    <message>
        <source>{article}, section {section}</source>
        <translation>{article}、節{section}</translation>
    </message>
    <message>
        <source>{place}, the passage beginning {opening}</source>
        <translation>{place}、{opening}で始まる段落</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>The original cites no sources.</source>
        <translation>原文は出典を挙げていません。</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>冒頭</translation>
    </message>
    <message>
        <source>Theme briefing</source>
        <translation>テーマ別ブリーフィング</translation>
    </message>
    <message>
        <source>{count} passage</source>
        <translation>{count} 件の箇所</translation>
    </message>
    <message>
        <source>{count} passages</source>
        <translation>{count} 件の箇所</translation>
    </message>
    <message>
        <source>{count} article</source>
        <translation>{count} 件の記事</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} 件の記事</translation>
    </message>
    <message>
        <source>{passages} from {articles}</source>
        <translation>{articles}から {passages}</translation>
    </message>
    <message>
        <source>{count}, grouped by article and section by the editor</source>
        <translation>{count}（編集者が記事・節ごとに整理）</translation>
    </message>
    <message>
        <source>{count}, quoted word for word and grouped by article and section by the editor. Each article’s provenance is given under its title.</source>
        <translation>{count}。原文のとおり引用し、編集者が記事・節ごとに整理しました。各記事の出所は記事名の下に示します。</translation>
    </message>
    <message>
        <source>The editor’s description of this theme: </source>
        <translation>このテーマについての編集者の説明：</translation>
    </message>
    <message>
        <source>No passage carries this theme yet.</source>
        <translation>このテーマが付いた箇所はまだありません。</translation>
    </message>
    <message>
        <source>Read it in the article ›</source>
        <translation>記事で読む ›</translation>
    </message>
    <message>
        <source>Sources cited in “{title}” (numbered as in the original)</source>
        <translation>「{title}」の引用出典（番号は原文のとおり）</translation>
    </message>
    <message>
        <source>The passages quoted cite no sources.</source>
        <translation>引用した箇所は出典を挙げていません。</translation>
    </message>
    <message>
        <source>Japanese name from: {source}</source>
        <translation>日本語名の出典：{source}</translation>
    </message>
    <message>
        <source>in its section heading ‘{section}’</source>
        <translation>節見出し「{section}」で</translation>
    </message>
    <message>
        <source>in the article title ‘{title}’</source>
        <translation>記事名「{title}」で</translation>
    </message>
    <message>
        <source>in a cited source</source>
        <translation>引用出典で</translation>
    </message>
    <message>
        <source>matched {place}</source>
        <translation>{place}一致</translation>
    </message>
    <message>
        <source>{words} matched {place}</source>
        <translation>{words}が{place}一致</translation>
    </message>
    <message>
        <source>matched through the glossary: {word} = {equivalents}</source>
        <translation>用語集により一致：{word} = {equivalents}</translation>
    </message>
    <message>
        <source>without {words}</source>
        <translation>{words}を含まない</translation>
    </message>
    <message>
        <source>“{word}”</source>
        <translation>「{word}」</translation>
    </message>
    <message>
        <source> [source: {cite}]</source>
        <translation> [出典：{cite}]</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>／</translation>
    </message>
    <message>
        <source>No passages match.</source>
        <translation>一致する箇所はありません。</translation>
    </message>
    <message>
        <source>Add a word to look for: a search cannot consist only of exclusions.</source>
        <translation>検索する語を追加してください。除外だけでは検索できません。</translation>
    </message>
    <message>
        <source>Those words are too common to search for; add a more specific word.</source>
        <translation>ありふれた語のため検索できません。より具体的な語を加えてください。</translation>
    </message>
    <message>
        <source>Type a word to search for.</source>
        <translation>検索する語を入力してください。</translation>
    </message>
    <message>
        <source>There is no theme “{theme}”.</source>
        <translation>テーマ「{theme}」はありません。</translation>
    </message>
    <message>
        <source>There is no article “{article}”.</source>
        <translation>記事「{article}」はありません。</translation>
    </message>
    <message>
        <source>Only the first {count} characters of the query were used.</source>
        <translation>検索語は先頭の {count} 文字だけを使いました。</translation>
    </message>
    <message>
        <source>Only the first {count} words of the query were used.</source>
        <translation>検索語は先頭の {count} 語だけを使いました。</translation>
    </message>
    <message>
        <source>Excluding {word} is not supported; ignored.</source>
        <translation>{word} の除外には対応していないため、無視しました。</translation>
    </message>
    <message>
        <source>Many words start with “{text}”; the {count} most common were used.</source>
        <translation>「{text}」で始まる語が多いため、よく使われる {count} 語を使いました。</translation>
    </message>
    <message>
        <source>No glossary entry for “{text}”; nearest: {offered}. Searched the Japanese text as typed.</source>
        <translation>「{text}」は用語集にありません。近い項目：{offered}。入力された日本語のまま本文を検索しました。</translation>
    </message>
    <message>
        <source>No glossary entry for “{text}”; no Japanese name in the glossary is like it. Searched the Japanese text as typed.</source>
        <translation>「{text}」は用語集にありません。似た日本語名も用語集にありません。入力された日本語のまま本文を検索しました。</translation>
    </message>
    <message>
        <source>“{text}” is “{forms}” in the glossary.</source>
        <translation>用語集では「{text}」は「{forms}」です。</translation>
    </message>
    <message>
        <source>Notes from jpbrief</source>
        <translation>jpbrief の注釈</translation>
    </message>
    <message>
        <source>Exported {date}. Quotes are the articles&apos; text, word for word.</source>
        <translation>{date} に書き出し。引用は記事の本文のとおりです。</translation>
    </message>
    <message>
        <source>No bookmarks, highlights or notes yet.</source>
        <translation>しおり・ハイライト・メモはまだありません。</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>しおり</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>ハイライト</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>{kind} (article not loaded)</source>
        <translation>{kind}（記事が読み込まれていません）</translation>
    </message>
    <message>
        <source>its article is not in the loaded content (removed, or skipped because of a problem); kept where it was, quoted as it was:</source>
        <translation>記事が読み込まれたコンテンツにありません（削除されたか、問題のため読み飛ばされました）。元の位置と引用のまま保持しています：</translation>
    </message>
    <message>
        <source>{kind} (detached)</source>
        <translation>{kind}（切り離し済み）</translation>
    </message>
    <message>
        <source>the passage it was made on is no longer in the content; quoted as it was:</source>
        <translation>付けた箇所がコンテンツからなくなりました。元の引用のままです：</translation>
    </message>
    <message>
        <source>the passage has been edited since; quoted as it was:</source>
        <translation>箇所はその後編集されました。元の引用のままです：</translation>
    </message>
    <message>
        <source>Note ({date}): {text}</source>
        <translation>メモ（{date}）：{text}</translation>
    </message>
    <message>
        <source>Cited as: {citation}</source>
        <translation>引用表記：{citation}</translation>
    </message>
    <message>
        <source>Footnotes in the quoted text (numbered as in the original):</source>
        <translation>引用部分の脚注（番号は原文のとおり）：</translation>
    </message>
    <message>
        <source>author not stated in the original</source>
        <translation>著者は原文に記載なし</translation>
    </message>
    <message>
        <source>publisher not stated in the original</source>
        <translation>発行者は原文に記載なし</translation>
    </message>
    <message>
        <source>date not stated in the original</source>
        <translation>日付は原文に記載なし</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>年表</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要数値</translation>
    </message>
    <message>
        <source>{count} event</source>
        <translation>{count} 件の出来事</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} 件の出来事</translation>
    </message>
    <message>
        <source>{count} figure</source>
        <translation>{count} 件の数値</translation>
    </message>
    <message>
        <source>{count} figures</source>
        <translation>{count} 件の数値</translation>
    </message>
    <message>
        <source>{count}, from {articles}.</source>
        <translation>{articles}から {count}。</translation>
    </message>
    <message>
        <source>{count}, from {articles}, theme “{theme}”.</source>
        <translation>{articles}から {count}（テーマ「{theme}」）。</translation>
    </message>
    <message>
        <source>Dates, labels and measures are the editor’s (not part of the original); words in quotation marks are the authors’, exactly as published.</source>
        <translation>日付・見出し・項目は編集者によるもので、原文の一部ではありません。かぎかっこ内の語句は著者の言葉で、公表されたとおりです。</translation>
    </message>
    <message>
        <source>Works cited in the notes quoted</source>
        <translation>引用した脚注の出典</translation>
    </message>
    <message>
        <source>[editor]</source>
        <translation>［編集者］</translation>
    </message>
    <message>
        <source>note {number}</source>
        <translation>脚注 {number}</translation>
    </message>
    <message>
        <source>What (editor)</source>
        <translation>項目（編集者）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>The author’s words</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>differs in {aspects}</source>
        <translation>{aspects}が異なる</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source> and </source>
        <translation>と</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>{date}までに</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>{date}時点</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Articles</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>Sections of this article</source>
        <translation>この記事の節</translation>
    </message>
    <message>
        <source>In this article</source>
        <translation>この記事の目次</translation>
    </message>
    <message>
        <source>Content pack: {pack}</source>
        <translation>コンテンツパック: {pack}</translation>
    </message>
    <message>
        <source>From the content pack “{pack}” ({id})</source>
        <translation>コンテンツパック「{pack}」（{id}）より</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>冒頭</translation>
    </message>
    <message>
        <source>Top of the article</source>
        <translation>記事の先頭</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sidebar</source>
        <translation>サイドバー</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
</context>
<context>
    <name>NotesExport</name>
    <message>
        <source>Markdown memo (*.md)</source>
        <translation>Markdown メモ (*.md)</translation>
    </message>
    <message>
        <source>Word processor document, ODF (*.odt)</source>
        <translation>ワープロ文書、ODF (*.odt)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF文書 (*.pdf)</translation>
    </message>
    <message>
        <source>JSON, for jpbrief notes import (*.json)</source>
        <translation>JSON、jpbrief の注釈の取り込み用 (*.json)</translation>
    </message>
    <message>
        <source>The reader’s own bookmarks, highlights and notes. Quotes are the articles’ text, word for word; the notes are the reader’s.</source>
        <translation>読者自身のしおり・ハイライト・メモです。引用は記事の本文のとおりで、メモは読者によるものです。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注釈</translation>
    </message>
    <message>
        <source>Notes are unavailable: nothing to export</source>
        <translation>注釈を利用できないため、書き出すものがありません</translation>
    </message>
    <message>
        <source>Export notes</source>
        <translation>注釈を書き出す</translation>
    </message>
    <message>
        <source>Notes not exported to {path}: {error}</source>
        <translation>注釈を {path} に書き出せませんでした: {error}</translation>
    </message>
    <message>
        <source>Notes exported to {path}</source>
        <translation>注釈を {path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Bookmark</source>
        <translation>しおり</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>ハイライト</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>bookmark</source>
        <translation>しおり</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>ハイライト</translation>
    </message>
    <message>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Bookmarks, highlights and notes</source>
        <translation>しおり・ハイライト・メモ</translation>
    </message>
    <message>
        <source>No bookmarks or notes yet. Ctrl+D bookmarks the passage you are reading; select text and press Ctrl+Shift+H to highlight it, Ctrl+Shift+N to add a note.</source>
        <translation>しおりやメモはまだありません。Ctrl+D で読んでいる箇所にしおりを挟めます。テキストを選択して Ctrl+Shift+H を押すとハイライト、Ctrl+Shift+N を押すとメモを追加できます。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected bookmark, highlight or note</source>
        <translation>選択したしおり・ハイライト・メモを削除します</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Edit the text of the selected note</source>
        <translation>選択したメモの文面を編集します</translation>
    </message>
    <message>
        <source>Change the text of the selected note</source>
        <translation>選択したメモの文面を変更します</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Export all notes to Markdown, a word processor document, PDF or JSON</source>
        <translation>すべての注釈を Markdown、ワープロ文書、PDF、JSON のいずれかに書き出します</translation>
    </message>
    <message>
        <source>Export all bookmarks, highlights and notes (Markdown, ODF, PDF or JSON)</source>
        <translation>すべてのしおり・ハイライト・メモを書き出します（Markdown、ODF、PDF、JSON）</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>しおりとメモ</translation>
    </message>
    <message>
        <source> · detached: its passage is gone</source>
        <translation> · 切り離し済み: 該当箇所がなくなりました</translation>
    </message>
    <message>
        <source>Go to passage</source>
        <translation>箇所へ移動</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>メモを編集…</translation>
    </message>
    <message>
        <source>{What} not saved</source>
        <translation>{What}は保存されませんでした</translation>
    </message>
    <message>
        <source>The {what} could not be saved: {error}</source>
        <translation>{what}を保存できませんでした: {error}</translation>
    </message>
    <message>
        <source>Nothing you typed is lost: retry (after freeing disk space, for example), or copy the text to paste it somewhere safe.</source>
        <translation>入力した内容は失われていません。（ディスクの空きを増やすなどしてから）再試行するか、テキストをコピーして安全な場所に貼り付けてください。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>テキストをコピー</translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>競合</translation>
    </message>
    <message>
        <source>This pack is signed by a key you have not trusted yet. Compare the fingerprint above, group by group, with the one your trainer gave you in person, on paper or by phone — never one that came in the same e-mail or on the same USB stick as the pack. Install only if every group matches; if even one differs, cancel and tell your trainer.</source>
        <translation>このパックは、まだ信頼していない鍵で署名されています。上のフィンガープリントを、トレーナーから直接・紙で・電話で受け取ったものとグループごとに照合してください。パックと同じメールや同じUSBメモリーで届いたものと照合してはいけません。すべてのグループが一致した場合にのみインストールしてください。ひとつでも異なる場合はキャンセルし、トレーナーに知らせてください。</translation>
    </message>
    <message>
        <source>Every group matches the fingerprint my trainer gave me; trust this trainer&apos;s packs</source>
        <translation>すべてのグループがトレーナーから受け取ったフィンガープリントと一致しました。このトレーナーのパックを信頼します</translation>
    </message>
    <message>
        <source>Add content pack</source>
        <translation>コンテンツパックを追加</translation>
    </message>
    <message>
        <source>Pack:</source>
        <translation>パック:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>バージョン:</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>発行者:</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Signer&apos;s key fingerprint</source>
        <translation>署名者の鍵のフィンガープリント</translation>
    </message>
    <message>
        <source>Signed by key:</source>
        <translation>署名した鍵:</translation>
    </message>
    <message>
        <source>Signed by a key you trust.</source>
        <translation>信頼済みの鍵で署名されています。</translation>
    </message>
    <message>
        <source>What is new:</source>
        <translation>変更内容:</translation>
    </message>
    <message>
        <source>(no changelog)</source>
        <translation>（変更履歴なし）</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <source>Articles ({count}):</source>
        <translation>記事（{count} 件）:</translation>
    </message>
    <message>
        <source>Articles in the pack</source>
        <translation>パックに含まれる記事</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>インストール</translation>
    </message>
    <message>
        <source>{version} (installed: {installed})</source>
        <translation>{version}（インストール済み: {installed}）</translation>
    </message>
    <message>
        <source>This pack cannot be installed: {reasons}.</source>
        <translation>このパックはインストールできません: {reasons}。</translation>
    </message>
    <message>
        <source>article {id} is {detail}</source>
        <translation>記事 {id}: {detail}</translation>
    </message>
    <message>
        <source>Version {installed} of this pack is installed; this older version {version} is not installed over it.</source>
        <translation>このパックのバージョン {installed} がインストール済みです。古いバージョン {version} で上書きすることはしません。</translation>
    </message>
    <message>
        <source>Version {installed} of this pack is already installed.</source>
        <translation>このパックのバージョン {installed} はすでにインストールされています。</translation>
    </message>
    <message>
        <source>the content pack</source>
        <translation>コンテンツパック</translation>
    </message>
    <message>
        <source>The file may have been damaged or changed on its way to you: do not use it, and ask your trainer for a new copy.</source>
        <translation>ファイルが届くまでの間に破損または改変された可能性があります。使用せず、トレーナーに新しいコピーを依頼してください。</translation>
    </message>
    <message>
        <source>jpbrief did not install {name}.</source>
        <translation>jpbrief は {name} をインストールしませんでした。</translation>
    </message>
    <message>
        <source>Content pack refused</source>
        <translation>コンテンツパックを拒否しました</translation>
    </message>
</context>
<context>
    <name>Packs</name>
    <message>
        <source>Content pack: unexpected error ({error})</source>
        <translation>コンテンツパック: 予期しないエラー（{error}）</translation>
    </message>
    <message>
        <source>Add content pack</source>
        <translation>コンテンツパックを追加</translation>
    </message>
    <message>
        <source>Content packs (*.jpbpack)</source>
        <translation>コンテンツパック (*.jpbpack)</translation>
    </message>
    <message>
        <source>Content packs: {path} cannot be used ({error})</source>
        <translation>コンテンツパック: {path} は使用できません（{error}）</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>{file} を検証しています…</translation>
    </message>
    <message>
        <source>Content pack refused</source>
        <translation>コンテンツパックを拒否しました</translation>
    </message>
    <message>
        <source>{file} was not installed</source>
        <translation>{file} はインストールされませんでした</translation>
    </message>
    <message>
        <source>Installing {file}…</source>
        <translation>{file} をインストールしています…</translation>
    </message>
    <message>
        <source>Content pack not installed</source>
        <translation>コンテンツパックはインストールされませんでした</translation>
    </message>
    <message>
        <source>The installed content packs could not be read</source>
        <translation>インストール済みのコンテンツパックを読み込めませんでした</translation>
    </message>
    <message>
        <source>Content packs changed: the library was updated</source>
        <translation>コンテンツパックが変更されたため、ライブラリを更新しました</translation>
    </message>
    <message>
        <source>Updated {pack} from version {previous}</source>
        <translation>{pack} をバージョン {previous} から更新しました</translation>
    </message>
    <message>
        <source>Installed {pack}; articles added to the library: {count}</source>
        <translation>{pack} をインストールしました。ライブラリに追加された記事: {count} 件</translation>
    </message>
    <message>
        <source>{name}: {size:,} bytes, over the {limit:,}-byte limit</source>
        <translation>{name}: {size:,} バイトあり、上限の {limit:,} バイトを超えています</translation>
    </message>
    <message>
        <source>{name}: its SHA-256 does not match the signed manifest; refused</source>
        <translation>{name}: SHA-256 が署名付きマニフェストと一致しないため、拒否しました</translation>
    </message>
    <message>
        <source>backslash in the name</source>
        <translation>名前にバックスラッシュが含まれています</translation>
    </message>
    <message>
        <source>absolute path</source>
        <translation>絶対パスです</translation>
    </message>
    <message>
        <source>empty, &apos;.&apos; or &apos;..&apos; path component (or a folder entry)</source>
        <translation>パスに空の要素、&apos;.&apos; または &apos;..&apos; が含まれています（またはフォルダー項目です）</translation>
    </message>
    <message>
        <source>name {part!r} has characters outside A-Z a-z 0-9 . _ -</source>
        <translation>名前 {part!r} に A-Z a-z 0-9 . _ - 以外の文字が含まれています</translation>
    </message>
    <message>
        <source>name {part!r} is reserved on Windows</source>
        <translation>名前 {part!r} は Windows で予約されています</translation>
    </message>
    <message>
        <source>not a file a pack may hold (manifest, content/articles/*.md, content/*.yaml)</source>
        <translation>パックに含められないファイルです（含められるのはマニフェスト、content/articles/*.md、content/*.yaml）</translation>
    </message>
    <message>
        <source>holds {count:,} entries, over the limit of {limit:,}</source>
        <translation>{count:,} 個の項目があり、上限の {limit:,} 個を超えています</translation>
    </message>
    <message>
        <source>{name}: a symbolic link; refused</source>
        <translation>{name}: シンボリックリンクのため、拒否しました</translation>
    </message>
    <message>
        <source>{name}: not a regular file; refused</source>
        <translation>{name}: 通常のファイルではないため、拒否しました</translation>
    </message>
    <message>
        <source>{name}: folder entries are not allowed</source>
        <translation>{name}: フォルダー項目は使用できません</translation>
    </message>
    <message>
        <source>{name}: {reason}; refused</source>
        <translation>{name}: {reason}。拒否しました</translation>
    </message>
    <message>
        <source>{name}: appears twice in the archive</source>
        <translation>{name}: アーカイブ内に2回出現しています</translation>
    </message>
    <message>
        <source>{name}: encrypted entries are not allowed</source>
        <translation>{name}: 暗号化された項目は使用できません</translation>
    </message>
    <message>
        <source>{name}: compression method {method} is not allowed</source>
        <translation>{name}: 圧縮方式 {method} は使用できません</translation>
    </message>
    <message>
        <source>{name}: compressed {ratio:,} to 1, over the limit of {limit} to 1 (a zip bomb?)</source>
        <translation>{name}: 圧縮率が {ratio:,} 対 1 で、上限の {limit} 対 1 を超えています（zip 爆弾の可能性があります）</translation>
    </message>
    <message>
        <source>unpacks to more than {limit:,} bytes</source>
        <translation>展開すると {limit:,} バイトを超えます</translation>
    </message>
    <message>
        <source>{name}: larger than it claims or allowed</source>
        <translation>{name}: 申告または許容されたサイズを超えています</translation>
    </message>
    <message>
        <source>{name}: damaged ({error})</source>
        <translation>{name}: 破損しています（{error}）</translation>
    </message>
    <message>
        <source>{path}: not a readable pack ({error})</source>
        <translation>{path}: 読み取れるパックではありません（{error}）</translation>
    </message>
    <message>
        <source>{path}: {required} is missing; not a jpbrief pack</source>
        <translation>{path}: {required} がありません。jpbrief のパックではありません</translation>
    </message>
    <message>
        <source>{name}: not text</source>
        <translation>{name}: テキストではありません</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>{name}: the stated fingerprint does not belong to the signer&apos;s key</source>
        <translation>{name}: 記載されたフィンガープリントが署名者の鍵のものではありません</translation>
    </message>
    <message>
        <source>{name}: signed by the key with fingerprint {signer}, not by the given key ({given})</source>
        <translation>{name}: 指定された鍵（{given}）ではなく、フィンガープリント {signer} の鍵で署名されています</translation>
    </message>
    <message>
        <source>{name} is signed by a key you have not trusted yet.
  Signer&apos;s fingerprint: {fingerprint}
  Compare it, group by group, with the fingerprint the trainer gave you in person,
  on paper or by phone (never one sent with the pack). Only if every group matches,
  install again with --trust (or add the trainer&apos;s .pub file with &apos;jpbrief pack trust&apos;).</source>
        <translation>{name} は、まだ信頼していない鍵で署名されています。
  署名者のフィンガープリント: {fingerprint}
  トレーナーから対面、紙、または電話で受け取ったフィンガープリントと、グループごとに照合してください
  （パックと一緒に送られてきたものは使わないでください）。すべてのグループが一致した場合に限り、
  --trust を付けてもう一度インストールしてください（または &apos;jpbrief pack trust&apos; でトレーナーの .pub ファイルを追加してください）。</translation>
    </message>
    <message>
        <source>{name}: in the archive but not in the signed manifest; refused</source>
        <translation>{name}: アーカイブにはありますが署名付きマニフェストにないため、拒否しました</translation>
    </message>
    <message>
        <source>{name}: {size:,} bytes, the manifest says {listed:,}</source>
        <translation>{name}: {size:,} バイトですが、マニフェストには {listed:,} バイトと記載されています</translation>
    </message>
    <message>
        <source>{name}: listed in the manifest but missing from the archive</source>
        <translation>{name}: マニフェストに記載されていますが、アーカイブにありません</translation>
    </message>
    <message>
        <source>{name}: the pack holds no articles</source>
        <translation>{name}: パックに記事が含まれていません</translation>
    </message>
    <message>
        <source>{name}: would be written outside the pack&apos;s folder</source>
        <translation>{name}: パックのフォルダーの外に書き込まれることになります</translation>
    </message>
    <message>
        <source>version {version!r} must be one to four numbers separated by dots (e.g. 1.2 or 2026.12.2)</source>
        <translation>バージョン {version!r} は、ドットで区切った1〜4個の数字でなければなりません（例: 1.2 や 2026.12.2）</translation>
    </message>
    <message>
        <source>pack id {id!r} must be 1-64 lower-case letters, digits and hyphens</source>
        <translation>パック ID {id!r} は、1〜64文字の英小文字、数字、ハイフンでなければなりません</translation>
    </message>
    <message>
        <source>{name}: {key!r} must be text of at most {limit:,} characters</source>
        <translation>{name}: {key!r} は {limit:,} 文字以内のテキストでなければなりません</translation>
    </message>
    <message>
        <source>{name}: {key!r} contains control characters</source>
        <translation>{name}: {key!r} に制御文字が含まれています</translation>
    </message>
    <message>
        <source>{name}: {what} must be an object</source>
        <translation>{name}: {what}はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>{name}: larger than {limit} MiB</source>
        <translation>{name}: {limit} MiB を超えています</translation>
    </message>
    <message>
        <source>{name}: not valid JSON ({error})</source>
        <translation>{name}: 正しい JSON ではありません（{error}）</translation>
    </message>
    <message>
        <source>the manifest</source>
        <translation>マニフェスト</translation>
    </message>
    <message>
        <source>{name}: format {format!r} is not {known}; a newer jpbrief may read it</source>
        <translation>{name}: 形式 {format!r} は {known} ではありません。新しい jpbrief なら読める可能性があります</translation>
    </message>
    <message>
        <source>{name}: date {date!r} must be YYYY-MM-DD</source>
        <translation>{name}: 日付 {date!r} は YYYY-MM-DD 形式でなければなりません</translation>
    </message>
    <message>
        <source>&apos;signer&apos;</source>
        <translation>&apos;signer&apos;</translation>
    </message>
    <message>
        <source>each file</source>
        <translation>各ファイル</translation>
    </message>
    <message>
        <source>{name}: file path {path!r} must start with {prefix}</source>
        <translation>{name}: ファイルのパス {path!r} は {prefix} で始まらなければなりません</translation>
    </message>
    <message>
        <source>{name}: {path}: size must be a whole number</source>
        <translation>{name}: {path}: サイズは整数でなければなりません</translation>
    </message>
    <message>
        <source>{name}: {path}: sha256 must be 64 lower-case hex digits</source>
        <translation>{name}: {path}: sha256 は小文字の16進数64桁でなければなりません</translation>
    </message>
    <message>
        <source>{name}: a file is listed twice</source>
        <translation>{name}: 同じファイルが2回記載されています</translation>
    </message>
    <message>
        <source>each article</source>
        <translation>各記事</translation>
    </message>
    <message>
        <source>{name}: article {id!r} names unlisted file {path!r}</source>
        <translation>{name}: 記事 {id!r} が、記載されていないファイル {path!r} を指しています</translation>
    </message>
    <message>
        <source>{name}: {key!r} must be a list</source>
        <translation>{name}: {key!r} はリストでなければなりません</translation>
    </message>
    <message>
        <source>the bundled library</source>
        <translation>同梱のライブラリ</translation>
    </message>
    <message>
        <source>{name} ({path})</source>
        <translation>{name}（{path}）</translation>
    </message>
    <message>
        <source>event id {id!r} of {name} is already used by {owner}</source>
        <translation>{name} の出来事 ID {id!r} は、すでに {owner} で使われています</translation>
    </message>
    <message>
        <source>figure id {id!r} of {name} is already used by {owner}</source>
        <translation>{name} の数値 ID {id!r} は、すでに {owner} で使われています</translation>
    </message>
    <message>
        <source>source {key!r} of {name} differs from the one in {owner}</source>
        <translation>{name} の出典 {key!r} が、{owner} のものと異なります</translation>
    </message>
    <message>
        <source>theme {key!r} of {name} differs from the one in {owner}</source>
        <translation>{name} のテーマ {key!r} が、{owner} のものと異なります</translation>
    </message>
    <message>
        <source>article id {id!r} of {name} ({path}) is already used by {owner}</source>
        <translation>{name}（{path}）の記事 ID {id!r} は、すでに {owner} で使われています</translation>
    </message>
    <message>
        <source>glossary term {term!r} of {name} expands to {expansion!r}, but {owner} expands it to {known!r}</source>
        <translation>{name} の用語 {term!r} は {expansion!r} の略ですが、{owner} では {known!r} の略とされています</translation>
    </message>
    <message>
        <source>{name} is left out: {conflicts}</source>
        <translation>{name} は読み込まれませんでした: {conflicts}</translation>
    </message>
    <message>
        <source>pack {id!r} {version}</source>
        <translation>パック {id!r} {version}</translation>
    </message>
    <message>
        <source>{name}: {path} holds article {id!r} ({title!r}), which its manifest does not list as such; refused</source>
        <translation>{name}: {path} には記事 {id!r}（{title!r}）がありますが、マニフェストにはそのように記載されていません。拒否しました</translation>
    </message>
    <message>
        <source>{name}: its manifest lists article {id!r} ({title!r}) in {path}, which the pack does not hold as such; refused</source>
        <translation>{name}: マニフェストには {path} の記事 {id!r}（{title!r}）が記載されていますが、パックにはそのようには含まれていません。拒否しました</translation>
    </message>
    <message>
        <source>already in content pack {pack!r}</source>
        <translation>すでにコンテンツパック {pack!r} にあります</translation>
    </message>
    <message>
        <source>already in the bundled library</source>
        <translation>すでに同梱のライブラリにあります</translation>
    </message>
    <message>
        <source>{what}: expected {count} lines, found {found}</source>
        <translation>{what}: {count} 行あるはずが、{found} 行でした</translation>
    </message>
    <message>
        <source>{what}: the first line must start with {start!r}</source>
        <translation>{what}: 1行目は {start!r} で始まらなければなりません</translation>
    </message>
    <message>
        <source>{what}: not base64 ({error})</source>
        <translation>{what}: base64 ではありません（{error}）</translation>
    </message>
    <message>
        <source>{what}: {found} bytes where {size} were expected</source>
        <translation>{what}: {size} バイトのはずが {found} バイトでした</translation>
    </message>
    <message>
        <source>{what}: this is a secret key, which stays with the trainer who signs; use the public key beside it (the file ending in .pub)</source>
        <translation>{what}: これは秘密鍵です。秘密鍵は署名するトレーナーの手元に置くものです。隣にある公開鍵（.pub で終わるファイル）を使ってください</translation>
    </message>
    <message>
        <source>{what}: not an Ed25519 minisign public key</source>
        <translation>{what}: Ed25519 の minisign 公開鍵ではありません</translation>
    </message>
    <message>
        <source>{what}: unsupported signature algorithm {kind!r}</source>
        <translation>{what}: 対応していない署名アルゴリズム {kind!r} です</translation>
    </message>
    <message>
        <source>{what}: the third line must start with {start!r}</source>
        <translation>{what}: 3行目は {start!r} で始まらなければなりません</translation>
    </message>
    <message>
        <source>signed by key id {signer}, not by this key ({key})</source>
        <translation>この鍵（{key}）ではなく、鍵 ID {signer} で署名されています</translation>
    </message>
    <message>
        <source>the signature does not match (the file was changed or signed by another key)</source>
        <translation>署名が一致しません（ファイルが変更されたか、別の鍵で署名されています）</translation>
    </message>
    <message>
        <source>the trusted comment&apos;s signature does not match (it was changed)</source>
        <translation>信頼済みコメントの署名が一致しません（変更されています）</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({error})</source>
        <translation>{path}: 読み取れません（{error}）</translation>
    </message>
    <message>
        <source>{path}: not a list of installed packs</source>
        <translation>{path}: インストール済みパックの一覧ではありません</translation>
    </message>
    <message>
        <source>its manifest names pack {id!r}</source>
        <translation>マニフェストにはパック {id!r} と記載されています</translation>
    </message>
    <message>
        <source>{folder}: installed pack {id!r} is damaged ({error}); remove it with &apos;jpbrief pack remove {id}&apos; and install it again</source>
        <translation>{folder}: インストール済みのパック {id!r} が破損しています（{error}）。&apos;jpbrief pack remove {id}&apos; で削除してから、もう一度インストールしてください</translation>
    </message>
    <message>
        <source>{path}: the file changed after it was checked; open it again</source>
        <translation>{path}: 確認した後にファイルが変更されました。もう一度開いてください</translation>
    </message>
    <message>
        <source>{pack} is already installed; nothing to do</source>
        <translation>{pack} はすでにインストールされています。何もする必要はありません</translation>
    </message>
    <message>
        <source>{pack} is already installed with different files: ask the publisher for a pack with a new version number</source>
        <translation>{pack} は異なるファイルの内容ですでにインストールされています。新しいバージョン番号のパックを発行元に依頼してください</translation>
    </message>
    <message>
        <source>{pack} is older than the installed {installed}; refused (use --allow-downgrade to install it anyway)</source>
        <translation>{pack} はインストール済みの {installed} より古いため、拒否しました（それでもインストールするには --allow-downgrade を使ってください）</translation>
    </message>
    <message>
        <source>{pack} cannot join the library:
  {problems}</source>
        <translation>{pack} はライブラリに追加できません:
  {problems}</translation>
    </message>
    <message>
        <source>no installed pack {id!r} (installed: none)</source>
        <translation>パック {id!r} はインストールされていません（インストール済み: なし）</translation>
    </message>
    <message>
        <source>no installed pack {id!r} (installed: {known})</source>
        <translation>パック {id!r} はインストールされていません（インストール済み: {known}）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Page {number} of {pages}</source>
        <translation>{number} / {pages} ページ</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>フォルダーがありません</translation>
    </message>
    <message>
        <source>Print “{title}”</source>
        <translation>「{title}」を印刷</translation>
    </message>
    <message>
        <source>chronology</source>
        <translation>年表</translation>
    </message>
    <message>
        <source>key figures</source>
        <translation>主要数値</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>年表</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要数値</translation>
    </message>
</context>
<context>
    <name>ProblemsBanner</name>
    <message>
        <source>Content problems</source>
        <translation>コンテンツの問題</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the content problems</source>
        <translation>コンテンツの問題の表示を閉じます</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n changed article(s) could not be loaded&lt;/b&gt; — the last version that loaded is still shown. Fix the file and save it again.</source>
        <translation>
            <numerusform>&lt;b&gt;変更された %n 件の記事を読み込めませんでした&lt;/b&gt; — 最後に読み込めた版を表示しています。ファイルを修正して保存し直してください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n article(s) could not be loaded&lt;/b&gt; — the others are shown. Run &lt;code&gt;jpbrief check&lt;/code&gt; for details.</source>
        <translation>
            <numerusform>&lt;b&gt;%n 件の記事を読み込めませんでした&lt;/b&gt; — ほかの記事は表示しています。詳しくは &lt;code&gt;jpbrief check&lt;/code&gt; を実行してください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n problem(s) in the content&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;コンテンツに %n 件の問題があります&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s): run &lt;code&gt;jpbrief check&lt;/code&gt;</source>
        <translation>
            <numerusform>… ほか %n 行: &lt;code&gt;jpbrief check&lt;/code&gt; を実行してください</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Article text</source>
        <translation>記事の本文</translation>
    </message>
    <message>
        <source>The article. Tab moves between footnote and cross-reference markers; Enter opens one.</source>
        <translation>記事です。Tab で脚注と相互参照の記号の間を移動し、Enter で開きます。</translation>
    </message>
    <message>
        <source>Edit note “{note}”…</source>
        <translation>メモ「{note}」を編集…</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>&lt;h1&gt;No articles&lt;/h1&gt;&lt;p&gt;The content folder has no article that could be loaded.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;記事がありません&lt;/h1&gt;&lt;p&gt;コンテンツフォルダーに読み込める記事がありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No article {id} in this library</source>
        <translation>このライブラリに記事 {id} はありません</translation>
    </message>
</context>
<context>
    <name>Reload</name>
    <message>
        <source>The content could not be reloaded: {error}</source>
        <translation>コンテンツを再読み込みできませんでした: {error}</translation>
    </message>
    <message>
        <source>Reloading the content…</source>
        <translation>コンテンツを再読み込みしています…</translation>
    </message>
    <message>
        <source>Content reloaded: see the problems above</source>
        <translation>コンテンツを再読み込みしました。上に表示された問題を確認してください</translation>
    </message>
    <message>
        <source>Content reloaded</source>
        <translation>コンテンツを再読み込みしました</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Preparing the search index ({reason})…</source>
        <translation>検索インデックスを準備しています（{reason}）…</translation>
    </message>
    <message>
        <source>Preparing the search index…</source>
        <translation>検索インデックスを準備しています…</translation>
    </message>
    <message>
        <source>Search ready</source>
        <translation>検索の準備ができました</translation>
    </message>
    <message>
        <source>Search is unavailable: {reason}</source>
        <translation>検索を利用できません: {reason}</translation>
    </message>
    <message>
        <source>Search is unavailable</source>
        <translation>検索を利用できません</translation>
    </message>
    <message>
        <source>updating the index for {count} article(s)</source>
        <translation>{count} 件の記事の索引を更新中</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>検索に失敗しました: {error}</translation>
    </message>
    <message>
        <source>the index just built in {path} cannot be opened</source>
        <translation>{path} に作成したばかりのインデックスを開けません</translation>
    </message>
    <message>
        <source>The search index is busy: another jpbrief process is building it. Try again in a moment.</source>
        <translation>検索インデックスは使用中です。別の jpbrief のプロセスが作成しています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The search index is busy: another jpbrief process (pid {pid}) is building it. Try again in a moment.</source>
        <translation>検索インデックスは使用中です。別の jpbrief のプロセス（pid {pid}）が作成しています。しばらくしてからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all articles</source>
        <translation>すべての記事を検索</translation>
    </message>
    <message>
        <source>Words, &quot;exact phrases&quot;, OR, -exclude, prefix*; results appear as you type</source>
        <translation>語句、&quot;完全一致のフレーズ&quot;、OR、-除外、前方一致*。入力すると結果が表示されます</translation>
    </message>
    <message>
        <source>Only passages of theme</source>
        <translation>テーマで絞り込み</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>すべてのテーマ</translation>
    </message>
    <message>
        <source>Only passages of article</source>
        <translation>記事で絞り込み</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>すべての記事</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>検索の状態</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation>もしかして</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <source>Matching some words</source>
        <translation>一部の語に一致</translation>
    </message>
    <message>
        <source>Did you mean {words}?</source>
        <translation>もしかして: {words}</translation>
    </message>
    <message>
        <source>No passage matches “{query}”.</source>
        <translation>「{query}」に一致する箇所はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n 件の箇所</numerusform>
        </translation>
    </message>
    <message>
        <source> (showing {shown})</source>
        <translation>（{shown} 件を表示）</translation>
    </message>
    <message>
        <source>: {every} with every word, {some} with some</source>
        <translation>（すべての語に一致 {every} 件、一部の語に一致 {some} 件）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Move to the next / previous marker</source>
        <translation>次 / 前の記号に移動</translation>
    </message>
    <message>
        <source>Open the focused footnote or cross-reference</source>
        <translation>フォーカスのある脚注または相互参照を開く</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <source>Close the card</source>
        <translation>カードを閉じる</translation>
    </message>
    <message>
        <source>Copy the citation</source>
        <translation>出典をコピー</translation>
    </message>
    <message>
        <source>Go to the cross-referenced passage</source>
        <translation>相互参照先の箇所へ移動</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Move from the query to the results</source>
        <translation>検索語から結果へ移動</translation>
    </message>
    <message>
        <source>Open the selected result</source>
        <translation>選択した結果を開く</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注釈</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>年表</translation>
    </message>
</context>
<context>
    <name>ThemeFilter</name>
    <message>
        <source>All themes</source>
        <translation>すべてのテーマ</translation>
    </message>
</context>
<context>
    <name>ThemesPanel</name>
    <message>
        <source>Themes</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Passages of the chosen theme</source>
        <translation>選択したテーマの該当箇所</translation>
    </message>
    <message>
        <source>Choose a theme</source>
        <translation>テーマを選んでください</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Clear theme marking</source>
        <translation>テーマの強調表示を解除</translation>
    </message>
    <message>
        <source>Stop marking this theme&apos;s passages (Ctrl+Shift+M)</source>
        <translation>このテーマの該当箇所の強調表示をやめます（Ctrl+Shift+M）</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n 件の箇所</numerusform>
        </translation>
    </message>
    <message>
        <source>{theme} · {passages} in {articles}</source>
        <translation>{theme} · {articles}中 {passages} 件</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 件の記事</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Open this passage with the quoted words marked</source>
        <translation>引用された語句を強調した状態でこの箇所を開きます</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 件の出来事</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>editor&apos;s label, reported by %n articles</source>
        <translation>
            <numerusform>編集者による見出し。%n 件の記事が報じています</numerusform>
        </translation>
    </message>
    <message>
        <source>editor&apos;s label</source>
        <translation>編集者による見出し</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 件の記事</numerusform>
        </translation>
    </message>
    <message>
        <source>[editor]</source>
        <translation>［編集者］</translation>
    </message>
</context>
<context>
    <name>TimelineTree</name>
    <message>
        <source>Timeline</source>
        <translation>年表</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <source>Problems hidden</source>
        <translation>問題の表示を閉じました</translation>
    </message>
    <message>
        <source>Citation copied to the clipboard</source>
        <translation>出典をクリップボードにコピーしました</translation>
    </message>
</context>
</TS>
