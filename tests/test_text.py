"""The article text scanner (common.text) reads HTML as an HTML parser does, in linear time.

The oracle is :class:`html.parser.HTMLParser`, which the scanner replaced for speed:
on generated markup both must give the same text, and on what only a browser gets right
(``script`` content, unclosed comments) the scanner does what the browser does.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tiered.common.text import _BLOCKS, _VOID, SKIP, visible_text

from tests.fuzz.collector import slope

_CLASSES = frozenset({"citation", "references"})


class _Oracle(HTMLParser):
    """What the scanner must agree with: the same rules over the standard parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth:
            self.depth += 1
            return
        classes = next((v or "" for k, v in attrs if k == "class"), "").split()
        chrome = any(c.startswith("tiered-") and c != "tiered-glossary-term" for c in classes)
        if tag in SKIP or chrome or _CLASSES.intersection(classes):
            self.depth = 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def _oracle(html: str) -> str:
    parser = _Oracle()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


_TAGS = ["p", "li", "ul", "span", "a", "em", "div", "code", "pre", "nav", "table", "td", "h2"]
_words = st.sampled_from(["bone", "Osteo-porosis", "don't", "1,000", "&amp;", "&lt;b&gt;", "é"])
_attrs = st.sampled_from(
    [
        "",
        ' class="citation"',
        " class='tiered-switcher x'",
        ' class="tiered-glossary-term"',
        ' href="a.md" title="x &gt; y"',
        " data-x=1 class=references",
        ' title="a > b"',
    ]
)


@st.composite
def _html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 3 if depth < 3 else 1))
        if kind <= 1:
            parts.append(
                " ".join(draw(st.lists(_words, max_size=4)))
                + draw(st.sampled_from(["", "\n", " "]))
            )
        elif kind == 2:
            parts.append(
                draw(st.sampled_from(["<br>", "<br/>", "<img src=x>", "<!-- c -->", "<hr />"]))
            )
        else:
            tag = draw(st.sampled_from(_TAGS))
            inner = draw(_html(depth + 1))
            parts.append(f"<{tag}{draw(_attrs)}>{inner}</{tag}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_html())
def test_the_scanner_reads_what_the_html_parser_reads(html: str) -> None:
    assert visible_text(html, SKIP, _CLASSES) == _oracle(html)


def test_newlines_in_text_are_spaces_but_blocks_still_end_lines() -> None:
    html = "<p>Bones are\nliving.</p>\n<ul>\n<li>One\nitem.</li></ul>"
    assert visible_text(html, newlines_as_spaces=True) == "\nBones are living. \n \nOne item."


def test_script_and_style_hold_no_text_and_hide_no_text() -> None:
    html = '<p>Before <script>if (a < b) { x = "</p><p>"; }</script>after.</p><style>p{}</style>'
    assert visible_text(html) == "\nBefore after."


def test_a_lone_angle_bracket_is_text_and_a_comment_is_not() -> None:
    assert visible_text("<p>1 < 2 and 3 <4</p><!-- hidden -->shown") == "\n1 < 2 and 3 <4shown"
    assert visible_text("<p>kept</p><!-- never closed <p>hidden") == "\nkept"


@pytest.mark.parametrize(
    "hostile",
    ['<a "', "<a x", "<!", "<", "<p>&amp;", "<!--<p>"],
    ids=["open-quotes", "open-tags", "declarations", "brackets", "entities", "comment"],
)
def test_hostile_markup_takes_linear_time(hostile: str) -> None:
    # The best of three runs at 4 sizes, in CPU time; log-log slope 1.0 is linear, 2.0
    # quadratic (the fuzz suite's measure, tests/fuzz/test_linearity.py).
    points = []
    for n in (5_000, 10_000, 20_000, 40_000):
        html = hostile * n
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            visible_text(html)
            best = min(best, time.process_time() - start)
        points.append((n, best))
    assert slope(points) < 1.3, points
