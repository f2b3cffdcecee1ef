"""core.links: every scheme the reader uses is made and parsed in one place, losslessly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jpbrief.core import links
from jpbrief.core.links import (
    AnchorLink,
    CrossRefLink,
    ExternalLink,
    FootnoteLink,
    GlossaryLink,
    PassageLink,
)

text = st.text(min_size=1, max_size=30).filter(lambda s: "\x00" not in s)


@given(st.one_of(
    st.builds(FootnoteLink, st.integers(min_value=0, max_value=10**6)),
    st.builds(FootnoteLink, st.integers(min_value=0, max_value=10**6), text),
    st.builds(CrossRefLink, text, text),
    st.builds(PassageLink, text, text),
    st.builds(GlossaryLink, text),
    st.builds(AnchorLink, text),
))
def test_parse_inverts_make(link):
    assert links.parse(links.make(link)) == link


def test_known_hrefs():
    assert links.make(FootnoteLink(17)) == "fn:17"
    assert links.make(FootnoteLink(3, "navigating-new-frontiers")) == "fn:navigating-new-frontiers#3"
    assert links.parse("fn:a%23b#3") == FootnoteLink(3, "a#b")
    assert links.make(CrossRefLink("focused-on-its-region", "p-3")) == "xref:focused-on-its-region#p-3"
    assert links.parse("external:https://example.org/a#b") == ExternalLink("https://example.org/a#b")
    assert links.parse("#intro") == AnchorLink("intro")


def test_refuses_what_it_does_not_know():
    for href in ("", "fn:", "fn:x", "fn:¹", "fn:#3", "fn:a#", "fn:a#x", "xref:article", "xref:#a", "passage:a#", "gloss:",
                 "javascript:alert(1)", "file:///etc/passwd", "http://example.org", "#", "external:"):
        assert links.parse(href) is None, href


def test_card_links():
    assert links.is_card_link("fn:3") and links.is_card_link("fn:a#3") and links.is_card_link("xref:a#b")
    assert not links.is_card_link("passage:a#b") and not links.is_card_link("gloss:NSS")
