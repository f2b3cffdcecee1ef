"""Load a whole content folder: catalogues, then every article, then the cross-file checks."""

from __future__ import annotations

from pathlib import Path

from jpbrief.core.content.annotations import load_annotations
from jpbrief.core.content.article import load_article
from jpbrief.core.content.body import Draft
from jpbrief.core.content.catalogues import load_glossary, load_sources, load_themes
from jpbrief.core.content.checks import check_references
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.content_files import Listing, list_content
from jpbrief.core.model import Glossary, Library


def load_library(content_dir: Path) -> Library:
    """Load every valid article of ``content_dir``; report the rest as problems."""
    content_dir = Path(content_dir)
    report = Reporter()
    if not content_dir.is_dir():
        report.add(content_dir, 1, "content folder not found")
        return Library(problems=tuple(report.problems))

    listing = list_content(content_dir)
    for path, reason in listing.refused:
        report.add(path, 1, reason)
    themes_path = content_dir / "themes.yaml"
    if "themes.yaml" not in listing.data_files and not _refused(listing, themes_path):
        report.add(themes_path, 1, "themes.yaml not found")
    # A data file that is absent or a refused link is not listed (and already reported).
    files = listing.data_files
    themes = load_themes(files["themes.yaml"], report) if "themes.yaml" in files else {}
    sources = load_sources(files["sources.yaml"], report) if "sources.yaml" in files else {}
    glossary = load_glossary(files["glossary.yaml"], report) if "glossary.yaml" in files else Glossary()

    article_dir = content_dir / "articles"
    if not listing.article_dir_ok and not _refused(listing, article_dir):
        report.add(article_dir, 1, "articles/ folder not found")
    drafts, skipped = _load_articles(listing, report)
    check_references(drafts, themes, sources, report)
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
    """Every readable article with a unique id, and the paths of the files skipped."""
    drafts: list[Draft] = []
    skipped: list[str] = []
    seen_ids: dict[str, Path] = {}
    for path in listing.articles:
        try:
            draft = load_article(path, report)
        except Exception as error:  # last resort: one broken file never stops the others
            report.add(path, 1, f"cannot be read ({type(error).__name__}: {shown(error)}); skipped")
            draft = None
        if draft is None:
            skipped.append(str(path))
            continue
        if draft.article.id in seen_ids:
            report.add(
                path, 2, f"duplicate article id {draft.article.id!r} "
                f"(already used by {seen_ids[draft.article.id]}); this file is skipped",
            )
            skipped.append(str(path))
            continue
        seen_ids[draft.article.id] = path
        drafts.append(draft)
    return drafts, skipped
