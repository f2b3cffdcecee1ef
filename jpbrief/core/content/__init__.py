"""Read a content folder (front matter + annotated Markdown + YAML) into the model.

The loader never raises on bad content: every problem becomes a :class:`Problem` located
as ``path:line``, articles with a fatal problem are skipped, and everything else loads.
The format is documented in ``docs/content-format.md``.

One job per module, in the order a load runs:

- :mod:`.library`     load_library: catalogues, articles, then the cross-file checks;
- :mod:`.catalogues`  themes.yaml, sources.yaml, glossary.yaml;
- :mod:`.article`     one article file: its front matter;
- :mod:`.body`        the body: blocks, annotations, anchors, footnote markers -> passages;
- :mod:`.checks`      what only the whole library can tell (unknown theme, one-way see=, ...);
- :mod:`.dialect`     the Markdown dialect (marker syntax, plain text, slugs, Markdown -> HTML);
- :mod:`.yamlsource`  safe YAML with line numbers;
- :mod:`.textfile`    one file's bytes to text (cap, UTF-8, NUL);
- :mod:`.fields`      what ids, dates and plain-text fields may hold;
- :mod:`.problems`    the ``path:line: message`` reporter.

Which files are read is decided in :mod:`jpbrief.core.content_files`, outside this
package because the start-up cache fingerprints them without importing the parsers.
"""

from __future__ import annotations

from jpbrief.core.content.body import MAX_MARKUP_CHARS
from jpbrief.core.content.dialect import (
    FOOTNOTE_MARKER_RE,
    footnote_number,
    markdown_to_html,
    plain_text,
    slugify,
)
from jpbrief.core.content.fields import valid_date
from jpbrief.core.content.library import load_library
from jpbrief.core.content.yamlsource import load_yaml
from jpbrief.core.content_files import MAX_FILE_BYTES

__all__ = [
    "FOOTNOTE_MARKER_RE",
    "MAX_FILE_BYTES",
    "MAX_MARKUP_CHARS",
    "footnote_number",
    "load_library",
    "load_yaml",
    "markdown_to_html",
    "plain_text",
    "slugify",
    "valid_date",
]
