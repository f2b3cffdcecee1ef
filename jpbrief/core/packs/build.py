"""Build a signed ``.jpbpack`` from a content folder: check, select, subset, sign, zip.

The folder must pass the strict check (no problem at all, the bundle's required themes
aside). The pack holds the chosen articles byte for byte, and ``sources.yaml``,
``themes.yaml`` and ``glossary.yaml`` cut down to what those articles use: the sources
they cite or the editor adds (``references``), the themes their passages carry, the
acronyms and synonym groups whose words occur in their text; ``events.yaml`` and
``figures.yaml`` keep the records annotating those articles, as the editor wrote them.
Links must stay inside the pack (a cross-reference: the other article would have to
point back, and a bundled one cannot; an event's ``same_as``, a figure's
``same_measure``): one that leaves it refuses the build, naming the trainer's file and
line. The cut-down folder is checked again, and against the library it will join (no
article id of the bundle, no source or theme that differs from it). The archive is
deterministic: sorted entries, fixed timestamps, deflate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from jpbrief.core import durable
from jpbrief.core.content import load_library
from jpbrief.core.model import Glossary, JapaneseName, Library, Problem
from jpbrief.core.packs import archive, signing
from jpbrief.core.packs import manifest as mf
from jpbrief.core.packs.merge import conflicts_with, load_pack_content

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class BuildError(Exception):
    """Why a pack cannot be built; ``problems`` lists each as ``path:line: message``."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


@dataclass(frozen=True)
class PackInfo:
    """What the trainer says about the pack."""

    id: str
    version: str
    title: str
    publisher: str | None = None
    changelog: str = ""
    date: str = ""


def default_version(now: dt.datetime | None = None) -> str:
    """``YEAR.MONTH.DAY.SECOND-OF-DAY`` in UTC: later builds compare as newer."""
    now = now or dt.datetime.now(dt.UTC)
    return f"{now.year}.{now.month}.{now.day}.{now.hour * 3600 + now.minute * 60 + now.second}"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w-]+", text.casefold()))


def _glossary_subset(glossary: Glossary, text: str) -> dict[str, object]:
    words = _words(text)
    folded = " ".join(text.casefold().split())

    def occurs(phrase: str) -> bool:
        phrase = " ".join(phrase.casefold().split())
        return phrase in words if " " not in phrase else phrase in folded

    def japanese(name: JapaneseName | None) -> dict[str, str]:
        if name is None:
            return {}
        fields = {"ja": name.text, "reading": name.reading, "ja_source": name.source}
        return {key: value for key, value in fields.items() if value is not None}

    return {
        "acronyms": [
            {"term": a.term, "expansion": a.expansion if len(a.expansions) == 1 else list(a.expansions),
             **japanese(a.ja)}
            for a in glossary.acronyms if occurs(a.term)
        ],
        "synonyms": [list(group) for group in glossary.synonyms if any(occurs(m) for m in group)],
        "terms": [
            {"term": list(t.english), **japanese(t.ja)}
            for t in glossary.terms if any(occurs(form) for form in t.english)
        ],
    }


def _links_leaving(library: Library, chosen: list[str], content_dir: Path) -> list[str]:
    """Each link from the chosen articles' passages or records to outside the pack."""
    inside = set(chosen)
    found = [
        f"{article.path}:{passage.line}: cross-reference to {ref.article}#{ref.anchor}, an article "
        f"not in the pack: pack it too (--article {ref.article}) or take the link out of the "
        "pack's copy (a bundled article cannot link back from the readers' library)"
        for article in library.articles if article.id in inside
        for passage in article.passages for ref in passage.crossrefs if ref.article not in inside
    ]
    for name, records, key in (("events.yaml", library.events, "same_as"),
                               ("figures.yaml", library.figures, "same_measure")):
        packed = {r.id for r in records if r.article in inside}
        article_of = {r.id: r.article for r in records}
        found += [
            f"{content_dir / name}:{record.line}: {key} of {record.id!r} names {target!r}, a record "
            f"of article {article_of.get(target)!r}, not in the pack: pack that article too or "
            "remove the link"
            for record in records if record.id in packed
            for target in getattr(record, key) if target not in packed
        ]
    return found


def _records(content_dir: Path, name: str, key: str, wanted: set[str]) -> list[object]:
    """The records of ``content_dir/name`` whose ids are ``wanted``, as written."""
    if not wanted:
        return []
    data = yaml.safe_load((content_dir / name).read_text(encoding="utf-8"))
    return [item for item in data[key] if isinstance(item, dict) and item.get("id") in wanted]


def _subset_files(library: Library, chosen: list[str], content_dir: Path) -> dict[str, bytes]:
    """The pack's content files (paths relative to ``content/``) and their bytes."""
    articles = [article for article in library.articles if article.id in chosen]
    cited = {f.source_id for a in articles for p in a.passages for f in p.footnotes}
    cited |= {source for a in articles for source in a.references}
    themes = {t for a in articles for p in a.passages for t in p.themes}
    text = "\n".join(p.text for a in articles for p in a.passages)
    files = {f"articles/{Path(a.path).name}": Path(a.path).read_bytes() for a in articles}

    def dump(data: object) -> bytes:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000).encode("utf-8")

    files["sources.yaml"] = dump({"sources": [
        {"id": s.id, "citation": s.citation, **{k: v for k, v in s.fields().items() if v not in (None, [])}}
        for s in library.sources.values() if s.id in cited
    ]})
    files["themes.yaml"] = dump({"themes": [
        {"id": t.id, "label": t.label, "description": t.description}
        for t in library.themes.values() if t.id in themes
    ]})
    files["glossary.yaml"] = dump(_glossary_subset(library.glossary, text))
    for name, key, records in (("events.yaml", "events", library.events),
                               ("figures.yaml", "figures", library.figures)):
        kept = _records(content_dir, name, key, {r.id for r in records if r.article in chosen})
        if kept:
            files[name] = dump({key: kept})
    return files


def _strict(library: Library, where: Path, shown: Callable[[Problem], str] = str) -> None:
    if library.problems:
        raise BuildError(
            f"{where} has {len(library.problems)} problem(s); fix them first",
            [shown(p) for p in library.problems],
        )


def _in_source(staging: Path, source: Library, content_dir: Path) -> Callable[[Problem], str]:
    """A problem of the cut-down copy (a folder removed once the build ends), said at the
    trainer's file: the same article file, or the data file the copy was cut from."""
    originals = {Path(a.path).name: a.path for a in source.articles}

    def shown(problem: Problem) -> str:
        path = Path(problem.path)
        if path.parent == staging / "articles" and path.name in originals:
            return str(replace(problem, path=originals[path.name]))
        if path.parent == staging:
            return str(replace(problem, path=f"{content_dir / path.name} (as cut down for the pack)"))
        return str(problem)

    return shown


def build(
    content_dir: Path, output: Path, key: signing.SecretKey, info: PackInfo, *,
    articles: Sequence[str] = (), bundle_dir: Path | None = None,
) -> mf.Manifest:
    """Write the pack of ``articles`` (all of ``content_dir``'s when empty) to ``output``.

    ``bundle_dir`` is the library the pack will join (conflicts refuse the build).
    """
    mf.check_id(info.id)
    mf.version_key(info.version)
    source = load_library(content_dir, required_themes=())
    _strict(source, content_dir)
    known = [a.id for a in source.articles]
    chosen = list(articles) or known
    missing = [a for a in chosen if a not in known]
    if missing:
        raise BuildError(f"no article {', '.join(map(repr, missing))} in {content_dir} "
                         f"(there: {', '.join(known) or 'none'})")
    leaving = _links_leaving(source, chosen, content_dir)
    if leaving:
        raise BuildError(f"{len(leaving)} link(s) would leave the pack", leaving)
    files = {f"content/{name}": data for name, data in _subset_files(source, chosen, content_dir).items()}
    for name, data in files.items():
        reason = archive.allowed_path(name)
        if reason or len(data) > archive.MAX_FILE_BYTES:
            raise BuildError(f"{name}: cannot go into a pack ({reason or 'too large'})")
    if len(files) > archive.MAX_FILES:
        raise BuildError(f"{len(files):,} files, over the limit of {archive.MAX_FILES:,}")
    with tempfile.TemporaryDirectory(prefix="jpbrief-pack-") as staging:
        for name, data in files.items():
            target = Path(staging).joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        part = load_pack_content(Path(staging) / "content", info.id)
        _strict(part, content_dir, _in_source(Path(staging) / "content", source, content_dir))
        by_id = {a.id: a for a in part.articles}
        entries = tuple(
            mf.ArticleEntry(i, by_id[i].title, f"content/articles/{Path(by_id[i].path).name}")
            for i in chosen
        )
    if bundle_dir is not None:
        conflicts = conflicts_with(load_library(bundle_dir), f"pack {info.id!r}", part)
        if conflicts:
            raise BuildError(
                "the pack would conflict with the library it joins; name the articles to pack "
                "with --article", conflicts,
            )
    public = key.public
    manifest = mf.Manifest(
        id=info.id, version=info.version, title=info.title or info.id, publisher=info.publisher,
        date=info.date or dt.datetime.now(dt.UTC).date().isoformat(), changelog=info.changelog,
        fingerprint=public.fingerprint, public_key=public.to_text().split("\n")[1],
        articles=entries,
        files=tuple(
            mf.FileEntry(name, len(data), hashlib.sha256(data).hexdigest())
            for name, data in sorted(files.items())
        ),
    )
    manifest_bytes = manifest.to_json()
    mf.parse(manifest_bytes)  # what recipients will check: refuse it here first
    signature = signing.sign(key, manifest_bytes, f"jpbrief pack {info.id} {info.version}")
    _write_zip(output, [(mf.MANIFEST, manifest_bytes), (mf.SIGNATURE, signature.encode("utf-8")),
                        *sorted(files.items())])
    return manifest


def _write_zip(output: Path, members: list[tuple[str, bytes]]) -> None:
    with durable.atomic_writer(output) as handle, zipfile.ZipFile(
        handle, "w", compression=zipfile.ZIP_DEFLATED
    ) as bundle:
        for name, data in members:
            member = zipfile.ZipInfo(name, ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o100644 << 16
            member.create_system = 3
            bundle.writestr(member, data)
