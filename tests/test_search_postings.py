"""The index PassageWriter writes is the one Whoosh's own writer writes from the same
passages, byte for byte: a faster path to the same files, not another index."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from jpbrief.core.content import load_library
from jpbrief.core.model import Library
from jpbrief.core.search import indexer
from jpbrief.core.search.postings import PassageWriter
from jpbrief.core.search.schema import build_schema, passage_document

REPO = Path(__file__).resolve().parent.parent
LIBRARIES = {"bundled": REPO / "content", "japanese": Path(__file__).parent / "fixtures" / "japanese"}


def _write_index(library: Library, folder: Path, blocklimit: int, *, by_whoosh: bool) -> None:
    """The index of ``library`` as PassageWriter writes it, or (``by_whoosh``) as Whoosh's
    own writer does: every field analysed by the schema, pairs as text."""
    folder.mkdir()
    index = FileStorage(str(folder)).create_index(build_schema())
    codec = indexer.passage_codec()
    codec.blocklimit = blocklimit
    writer = SegmentWriter(index, codec=codec) if by_whoosh else PassageWriter(index, codec=codec)
    for article, passage in library.iter_passages():
        document = passage_document(article, passage, library.sources)
        if by_whoosh:
            pairs = " ".join(term for term, n in document.terms["pairs"].items() for _ in range(n))
            writer.add_document(**document.fields, pairs=pairs)
        else:
            writer.add_passage(document.fields, document.terms)
    writer.commit(merge=False)
    index.close()


def _segment_files(folder: Path) -> dict[str, bytes]:
    """The files inside the index's one compound segment, by extension (segment names
    are random)."""
    storage = FileStorage(str(folder))
    index = storage.open_index(schema=build_schema())
    (segment,) = index._read_toc().segments
    compound = segment.open_compound_file(storage)
    try:
        files = {name.rsplit(".", 1)[1]: compound.open_file(name).read() for name in compound.list()}
    finally:
        compound.close()
        index.close()
    assert {"trm", "pst"} <= files.keys(), f"no postings in {folder}: {sorted(files)}"
    return files


@pytest.mark.parametrize("name", sorted(LIBRARIES))
@pytest.mark.parametrize("blocklimit", [128, 2])  # 2: long posting lists span several blocks
def test_passage_writer_writes_whooshs_files(tmp_path, name, blocklimit):
    library = load_library(LIBRARIES[name])
    assert library.passage_count >= 3
    _write_index(library, tmp_path / "whoosh", blocklimit, by_whoosh=True)
    _write_index(library, tmp_path / "passages", blocklimit, by_whoosh=False)
    expected = _segment_files(tmp_path / "whoosh")
    actual = _segment_files(tmp_path / "passages")
    assert sorted(actual) == sorted(expected)
    for suffix, data in expected.items():
        assert actual[suffix] == data, f"the {suffix} files differ"


def test_passage_writer_refuses_documents_and_merges(tmp_path):
    index = FileStorage(str(tmp_path)).create_index(build_schema())
    writer = PassageWriter(index, codec=indexer.passage_codec())
    try:
        with pytest.raises(TypeError, match="add_passage"):
            writer.add_document(docid="a")
        with pytest.raises(ValueError, match="nosuchfield"):
            writer.add_passage({"nosuchfield": "x"}, {})
    finally:
        writer.cancel()
        index.close()


def test_full_build_goes_through_passage_writer(tmp_path, monkeypatch):
    """The build and a pack's update share add_passages, which writes with PassageWriter."""
    library = load_library(REPO / "content")
    added: list[str] = []
    original = PassageWriter.add_passage

    def counting(self, fields, terms):
        added.append(fields["docid"])
        return original(self, fields, terms)

    monkeypatch.setattr(PassageWriter, "add_passage", counting)
    folder = tmp_path / "ix"
    folder.mkdir()
    built = indexer.build(FileStorage(str(folder)), folder, library, [])
    assert built.documents == library.passage_count == len(added)
