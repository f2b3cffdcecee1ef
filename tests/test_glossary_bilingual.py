"""Japanese names in the glossary: loaded, checked, carried by packs and caches unchanged."""

from __future__ import annotations

from pathlib import Path

import yaml

from jpbrief.core import model_codec
from jpbrief.core.content import load_library
from jpbrief.core.model import BilingualTerm, Glossary, JapaneseName
from jpbrief.core.packs.build import _glossary_subset

REPO = Path(__file__).parent.parent

GLOSSARY = """\
acronyms:
  - term: NSC
    expansion: National Security Council
    ja: 国家安全保障会議
    reading: kokka anzen hosho kaigi
    ja_source: https://example.org/nsc
  - term: NSS
    expansion: [National Security Strategy, National Security Secretariat]
terms:
  - term: counterstrike capabilities
    ja: 反撃能力
    reading: hangeki noryoku
    ja_source: "国家安全保障戦略 (2022)"
  - term: [National Security Strategy, NSS document]
    ja: 国家安全保障戦略
    ja_source: https://example.org/nss
"""


def write_glossary(content: Path, text: str) -> Path:
    path = content / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_japanese_names_load_with_reading_and_source(content_copy: Path) -> None:
    write_glossary(content_copy, GLOSSARY)
    library = load_library(content_copy)
    assert library.problems == ()
    glossary = library.glossary
    assert glossary.acronyms[0].ja == JapaneseName("国家安全保障会議", "kokka anzen hosho kaigi", "https://example.org/nsc")
    assert glossary.terms == (
        BilingualTerm(("counterstrike capabilities",), JapaneseName("反撃能力", "hangeki noryoku", "国家安全保障戦略 (2022)")),
        BilingualTerm(("National Security Strategy", "NSS document"), JapaneseName("国家安全保障戦略", None, "https://example.org/nss")),
    )
    # each meaning of a two-meaning acronym finds its own Japanese name, or none
    assert glossary.japanese_for("national security strategy") == glossary.terms[1].ja
    assert glossary.japanese_for("National Security Secretariat") is None
    assert glossary.japanese_for("National Security Council") == glossary.acronyms[0].ja


def test_glossary_round_trips_through_a_pack_and_the_start_up_cache(content_copy: Path) -> None:
    write_glossary(content_copy, GLOSSARY)
    glossary = load_library(content_copy).glossary
    text = "The NSC and the NSS document; counterstrike capabilities."
    again = content_copy.parent / "again"
    again.mkdir()
    (again / "glossary.yaml").write_text(
        yaml.safe_dump(_glossary_subset(glossary, text), allow_unicode=True), encoding="utf-8"
    )
    from jpbrief.core.content.catalogues import load_glossary
    from jpbrief.core.content.problems import Reporter

    report = Reporter()
    assert load_glossary(again / "glossary.yaml", report) == glossary
    assert report.problems == []
    assert model_codec.decode(Glossary, model_codec.encode(glossary)) == glossary


def test_check_names_each_bad_japanese_field_at_its_line(content_copy: Path) -> None:
    path = write_glossary(
        content_copy,
        """\
acronyms:
  - term: NSS
    expansion: [National Security Strategy, National Security Secretariat]
    ja: 国家安全保障戦略
    ja_source: x
  - term: ATLA
    expansion: Acquisition, Technology and Logistics Agency
    reading: boei sobi cho
terms:
  - term: counterstrike capabilities
    ja: hangeki noryoku
    ja_source: x
  - term: economic security
    ja: 経済安全保障
    reading: keizai anzen hoshō
    ja_source: x
  - term: security clearance
    ja: セキュリティ・クリアランス
  - term: Diet
    ja: 国会
    ja_source: a
  - term: parliament
    ja: 国会
    ja_source: b
    wrong: 1
  - ja: 防衛装備庁
""",
    )
    problems = [str(p) for p in load_library(content_copy).problems]
    assert problems == [
        f"{path}:2: acronym 'NSS' has 2 meanings: give each meaning's Japanese name under terms: instead of ja:",
        f"{path}:6: acronym 'ATLA': reading is given but ja (the Japanese name) is not",
        f"{path}:10: term 'counterstrike capabilities': ja must be the Japanese name in Japanese script "
        "(kanji or kana, e.g. 反撃能力), got 'hangeki noryoku'",
        f"{path}:13: term 'economic security': reading must be romaji in plain ASCII letters "
        "(e.g. 'hangeki noryoku'; write ō as o or ou), got 'keizai anzen hoshō'",
        f"{path}:17: term 'security clearance': ja needs ja_source: where the Japanese name is taken from "
        "(an official page's address or a document's title), so it is never a guess",
        f"{path}:22: term 'parliament': unknown field 'wrong' (known: ja, ja_source, reading, term)",
        f"{path}:22: the Japanese name '国会' is given twice (first at line 19); keep one entry",
        f"{path}:26: a term needs term: (its English, or a list of the forms the articles print) "
        "and ja: (its Japanese name)",
    ]


def test_a_japanese_name_is_given_once_across_acronyms_and_terms(content_copy: Path) -> None:
    path = write_glossary(content_copy, GLOSSARY + "  - term: National Security Council\n    ja: 国家安全保障会議\n"
                                                   "    ja_source: again\n")
    assert [str(p) for p in load_library(content_copy).problems] == [
        f"{path}:17: the Japanese name '国家安全保障会議' is given twice (first at line 2); keep one entry"
    ]


def test_every_bundled_japanese_name_cites_where_it_was_taken_from() -> None:
    library = load_library(REPO / "content")
    assert library.problems == ()
    names = library.glossary.bilingual()
    assert {"反撃能力", "経済安全保障", "防衛装備移転三原則", "国家安全保障戦略", "セキュリティ・クリアランス"} <= {
        entry.ja.text for entry in names
    }
    passages = " ".join(p.text for _a, p in library.iter_passages()).casefold()
    for entry in names:
        assert "http" in entry.ja.source, entry
        # a term is there because the bundled articles print it
        assert any(form.casefold() in passages for form in entry.english), entry


def test_the_report_warns_of_a_japanese_name_whose_term_no_article_prints(content_copy: Path) -> None:
    from jpbrief.core.content.report import report_findings

    path = write_glossary(content_copy, GLOSSARY)
    library = load_library(content_copy)
    found = [str(p) for p in report_findings(library, content_copy) if "(反撃能力)" in p.message]
    assert found == [f"{path}:11: warning: term 'counterstrike capabilities' (反撃能力) appears in no article"]
