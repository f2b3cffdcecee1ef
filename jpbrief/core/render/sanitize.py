"""The allowlist every trainer-written HTML fragment passes before our own markup is added.

No script, style or iframe, no event or style attributes, and ``href``/``src`` values are
limited to in-page anchors and relative bundle paths: remote ``href`` become
``external:`` links (the reader opens them only after confirmation); remote, ``file:``,
``data:``, ``javascript:`` and UNC values are dropped. Paper has nowhere to follow a link
to, so with ``keep_links=False`` every trainer ``href`` is dropped and the text stays.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

from jpbrief.core import links

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr",
    "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
REMOVED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template"}
SAFE_RELATIVE_PATH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")
SAFE_FRAGMENT = re.compile(r"^#[A-Za-z0-9_-]+$")


def _safe_url(tag: str, attribute: str, value: str) -> str | None:
    """The allowlist for ``href`` and ``src``; None drops the attribute."""
    value = value.strip()
    if "\\" in value or any(ord(ch) < 32 for ch in value):
        return None
    if attribute == "href" and SAFE_FRAGMENT.match(value):
        return links.make(links.AnchorLink(value[1:]))
    if SAFE_RELATIVE_PATH.match(value) and ".." not in value.split("/"):
        return value
    parts = urlsplit(value)
    if attribute == "href" and tag == "a" and parts.scheme in {"http", "https"} and parts.netloc:
        return links.make(links.ExternalLink(value))
    return None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in {"href", "src"}:
        return _safe_url(tag, attribute, value)
    return value


def _inert_links_filter(tag: str, attribute: str, value: str) -> str | None:
    return None if attribute == "href" else _attribute_filter(tag, attribute, value)


def sanitize_html(fragment: str, *, keep_links: bool = True) -> str:
    """Clean untrusted HTML (a trainer's Markdown output) against the allowlist."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter if keep_links else _inert_links_filter,
        url_schemes={"http", "https", links.EXTERNAL.rstrip(":")},  # the filter makes http(s) external:
        link_rel=None,
        strip_comments=True,
    )
