"""Content-pack benchmark: build, verify and install time and size for synthetic packs.

Writes the synthetic articles of ``search_bench.py`` (about 1,500 words each, words from
the bundled articles, footnotes citing bundled sources, bundled themes) as Markdown
into a trainer's content folder, then for packs of 1, 100 and 1,000 articles times:

- ``build``: ``jpbrief pack build`` (strict check, subsets, second check, conflict check
  against the bundle, hashing, signing, zip);
- ``verify``: listing + signature + every file's SHA-256 (``pack verify``);
- ``install``: verify, unpack, load the unpacked pack and check it against the bundle,
  atomic switch (``pack install``);
- ``load_merged``: the bundle plus the installed pack, as the reader loads it;
- with ``--index``: the search index of the bundle, then ``incremental_index_s``: updating
  it with the pack's articles only (``SearchIndex.update``, what the reader does after an
  install), against ``full_index_rebuild_s``: building the merged library's index anew.

Prints JSON; run from the repository root::

    .venv/bin/python benchmarks/pack_bench.py [--sizes 1,100,1000] [--index]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from search_bench import load_real_library, synthetic_library  # noqa: E402

from jpbrief.core.model import Article, Library  # noqa: E402
from jpbrief.core.packs import archive, signing  # noqa: E402
from jpbrief.core.packs.build import PackInfo, build  # noqa: E402
from jpbrief.core.packs.merge import install_check, load_merged  # noqa: E402
from jpbrief.core.packs.store import PackStore  # noqa: E402

BUNDLE = REPO / "content"


def article_markdown(article: Article, number: int, prefix: str = "pack-article") -> str:
    lines = ["---", f"id: {prefix}-{number:05d}", f'title: "{article.title}"', "author: null",
             "publisher: Benchmark Press", "published: 2026-01-01", "---", ""]
    definitions: list[str] = []
    footnote = 0
    for passage in article.passages:
        if passage.kind == "heading":
            lines += [f"## {passage.text}", ""]
            continue
        markers = ""
        for note in passage.footnotes:
            footnote += 1
            markers += f"[^{footnote}]"
            definitions.append(f"[^{footnote}]: {note.source_id}")
        lines.append(passage.text + markers)
        themes = f' themes="{" ".join(passage.themes)}"' if passage.themes else ""
        lines += [f"{{: #{passage.anchor}{themes}}}", ""]
    return "\n".join(lines + definitions) + "\n"


def trainer_folder(folder: Path, size: int, seed: Library | None, prefix: str = "pack-article") -> None:
    shutil.copytree(BUNDLE, folder)
    for catalogue in ("events.yaml", "figures.yaml"):  # they point at the bundled articles
        (folder / catalogue).unlink(missing_ok=True)
    shutil.rmtree(folder / "articles")
    (folder / "articles").mkdir()
    for number, article in enumerate(synthetic_library(size, seed).articles):
        (folder / "articles" / f"{prefix}-{number:05d}.md").write_text(
            article_markdown(article, number, prefix), encoding="utf-8")


def timed(run):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = run()
    return result, round(time.perf_counter() - started, 3)


def bench(size: int, seed: Library | None, work: Path, key: signing.SecretKey, index: bool) -> dict:
    source = work / f"trainer-{size}"
    trainer_folder(source, size, seed)
    pack = work / f"pack-{size}.jpbpack"
    _manifest, build_s = timed(lambda: build(source, pack, key, PackInfo(f"bench-{size}", "1", "Bench"),
                                             bundle_dir=BUNDLE))
    store = PackStore(work / f"packs-{size}", [work / "keys"])
    store.trust(key.public)

    def verify() -> None:
        archive.verify_files(store.check(pack))

    _none, verify_s = timed(verify)
    _result, install_s = timed(lambda: store.install(pack, content_check=install_check(BUNDLE, store.root)))
    library, load_s = timed(lambda: load_merged(BUNDLE, store.root))
    assert not library.problems, library.problems[:3]
    row = {
        "articles": size,
        "passages": sum(len(a.passages) for a in library.articles if a.pack),
        "content_bytes": sum(f.stat().st_size for f in (source / "articles").iterdir()),
        "pack_bytes": pack.stat().st_size,
        "build_s": build_s,
        "verify_s": verify_s,
        "install_s": install_s,
        "load_merged_s": load_s,
    }
    if index:
        from jpbrief.core.content import load_library

        bundle = load_library(BUNDLE)
        row["incremental_index_s"], row["full_index_rebuild_s"] = update_vs_rebuild(
            work, f"index-{size}", bundle, library)
        row["bundle_passages"] = bundle.passage_count
        row.update(one_more_article(work, size, seed, key, store, library))
    return row


def update_vs_rebuild(work: Path, name: str, before: Library, after: Library) -> tuple[float, float]:
    """Seconds to update the index of ``before`` (in ``work/name``, built first if needed) to
    ``after`` with only the changed articles, and to build the index of ``after`` anew."""
    from jpbrief.core.packs.preview import changed_articles
    from jpbrief.core.search import SearchIndex

    with SearchIndex(before, BUNDLE, work / name, key_dir=work / "data") as search_index:
        search_index.ensure()
        changed = changed_articles(before, after)
        _info, update_s = timed(lambda: search_index.update(after, changed))

    def rebuild() -> None:
        with SearchIndex(after, BUNDLE, work / f"full-{name}", key_dir=work / "data") as full:
            full.ensure(rebuild=True)

    _none, rebuild_s = timed(rebuild)
    return update_s, rebuild_s


def one_more_article(work: Path, size: int, seed: Library | None, key: signing.SecretKey,
                     store: PackStore, library: Library) -> dict[str, float]:
    """A one-article pack joining the library that already holds the bench pack: the
    index update (what the reader runs) against a full rebuild of the same library."""
    source = work / f"extra-{size}"
    trainer_folder(source, 1, seed, prefix="extra-article")
    pack = work / f"extra-{size}.jpbpack"
    build(source, pack, key, PackInfo(f"extra-{size}", "1", "Extra"), bundle_dir=BUNDLE)
    store.install(pack, content_check=install_check(BUNDLE, store.root))
    after = load_merged(BUNDLE, store.root)
    update_s, rebuild_s = update_vs_rebuild(work, f"index-{size}", library, after)  # opens the one above
    return {"one_more_article_incremental_s": update_s, "one_more_article_full_s": rebuild_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--index", action="store_true", help="also time a full index rebuild")
    args = parser.parse_args(argv)
    seed = load_real_library()
    key = signing.generate()
    rows = []
    with tempfile.TemporaryDirectory(prefix="jpbrief-pack-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(bench(size, seed, Path(tmp), key, args.index))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # progress, if cut short
    report = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "packs": rows,
    }
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
