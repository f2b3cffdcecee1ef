"""Load a whole content folder: catalogues, then every article, then the cross-file checks."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jpbrief.core.content.annotations import load_annotations
from jpbrief.core.content.article import load_article
from jpbrief.core.content.body import Draft
from jpbrief.core.content.catalogues import REQUIRED_THEMES, load_glossary, load_sources, load_themes
from jpbrief.core.content.checks import Missing, check_references
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.content_files import Listing, list_content
from jpbrief.core.message import QT_TRANSLATE_NOOP
from jpbrief.core.model import Glossary, Library


def load_library(content_dir: Path, *, required_themes: Iterable[str] = REQUIRED_THEMES) -> Library:
    """Load every valid article of ``content_dir``; report the rest as problems.

    A content pack's folder passes ``required_themes=()``: the bundle brings those.
    """
    content_dir = Path(content_dir)
    report = Reporter()
    if not content_dir.is_dir():
        report.add(content_dir, 0, QT_TRANSLATE_NOOP("Check", "content folder not found"))
        return Library(problems=tuple(report.problems))

    listing = list_content(content_dir)
    for path, reason in listing.refused:
        report.add(path, 1, reason)
    missing = Missing()
    files = listing.data_files  # an absent file or a refused link is not listed
    for name in ("themes.yaml", "sources.yaml"):
        if name not in files and not _refused(listing, content_dir / name):
            report.add(
                content_dir, 0,
                QT_TRANSLATE_NOOP(
                    "Check", "there is no {name} in this folder: create it (see docs/content-format.md, "
                             "'{name}')"),
                name=name,
            )
    themes = (
        load_themes(files["themes.yaml"], report, tuple(required_themes)) if "themes.yaml" in files else {}
    )
    sources = load_sources(files["sources.yaml"], report) if "sources.yaml" in files else {}
    glossary = load_glossary(files["glossary.yaml"], report) if "glossary.yaml" in files else Glossary()
    for name, loaded in (("themes.yaml", themes), ("sources.yaml", sources)):
        cause = next(
            (p for p in report.problems if p.path == str(content_dir / name) or
             (p.path == str(content_dir) and name in p.message)), None,
        )
        if not loaded and cause is not None:
            missing.catalogues.add(name)
            missing.causes[name] = cause

    article_dir = content_dir / "articles"
    if not listing.article_dir_ok and not _refused(listing, article_dir):
        report.add(content_dir, 0, QT_TRANSLATE_NOOP("Check",
            "there is no articles/ folder in this folder: create it for the articles"))
    drafts, skipped = _load_articles(listing, report)
    loaded_ids = {draft.article.id for draft in drafts}
    missing.articles = {
        Path(path).stem: Path(path).name for path in skipped if Path(path).stem not in loaded_ids
    }
    for skipped_path in skipped:
        cause = report.first(skipped_path)
        if Path(skipped_path).stem in missing.articles and cause is not None:
            missing.causes.setdefault(Path(skipped_path).stem, cause)
    check_references(drafts, themes, sources, report, missing)
    articles = tuple(draft.article for draft in drafts)
    events, figures = load_annotations(files, articles, themes, report)
    return Library(
        articles=articles, events=events, figures=figures,
        sources=sources,
        themes=themes,
        glossary=glossary,
        problems=tuple(report.problems),
        skipped=(*(str(path) for path, _reason in listing.refused), *skipped),
    )


def _refused(listing: Listing, path: Path) -> bool:
    return any(refused == path for refused, _ in listing.refused)


def _load_articles(listing: Listing, report: Reporter) -> tuple[list[Draft], list[str]]:
    """Every readable article with a unique id, and the paths of the files skipped.

    Of two files with one id, the one named after it (``ID.md``) is kept and the other is
    blamed: a copy keeps its original's id, and the original must not be the one skipped.
    """
    drafts: list[Draft] = []
    skipped: list[str] = []
    for path in listing.articles:
        try:
            draft = load_article(path, report)
        except Exception as error:  # last resort: one broken file never stops the others
            report.add(path, 1, QT_TRANSLATE_NOOP("Check", "cannot be read ({error}); skipped"),
                       error=f"{type(error).__name__}: {shown(error)}")
            draft = None
        if draft is None:
            skipped.append(str(path))
        else:
            drafts.append(draft)
    owners: dict[str, Draft] = {}
    for draft in sorted(drafts, key=lambda d: Path(d.article.path).stem != d.article.id):
        owners.setdefault(draft.article.id, draft)
    kept = []
    for draft in drafts:
        owner = owners[draft.article.id]
        if owner is draft:
            kept.append(draft)
            continue
        report.add(
            draft.article.path, 2,
            QT_TRANSLATE_NOOP(
                "Check", "duplicate article id {id!r} (already used by {owner}); this file is skipped"),
            id=draft.article.id, owner=owner.article.path,
        )
        skipped.append(draft.article.path)
    return kept, skipped
