"""Golden Markdown -> HTML fixtures for citation syntax, and property tests."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tiered.citations.markdown import CitationsExtension
from tiered.citations.syntax import CiteItem, parse_bracketed

FIXTURES = Path(__file__).parent / "fixtures" / "syntax"
EXTENSIONS = ["fenced_code", "attr_list", "tables"]


def _render(source: str) -> tuple[str, CitationsExtension]:
    extension = CitationsExtension()
    html = markdown.Markdown(extensions=[*EXTENSIONS, extension]).convert(source)
    return html, extension


@pytest.mark.parametrize("case", sorted(p.stem for p in FIXTURES.glob("*.md")))
def test_golden(case: str, update_golden: bool) -> None:
    html, extension = _render((FIXTURES / f"{case}.md").read_text(encoding="utf-8"))
    found = "\n".join(repr(c) for c in extension.citations)
    result = f"{html}\n<!--\n{found}\n-->\n"
    golden = FIXTURES / f"{case}.html"
    if update_golden:
        golden.write_text(result, encoding="utf-8")
    assert result == golden.read_text(encoding="utf-8")


def test_parsed_items() -> None:
    citation = parse_bracketed("see @a, pp. 33-35 and *passim*; also -@b, chap. 1")
    assert citation is not None
    assert citation.items == (
        CiteItem("a", prefix="see", label="page", locator="33-35", suffix="and *passim*"),
        CiteItem("b", prefix="also", label="chapter", locator="1", suppress_author=True),
    )
    assert parse_bracketed("see above") is None
    assert parse_bracketed("@a; no key here") is None


ALPHABET = st.sampled_from(
    [
        "@",
        "[",
        "]",
        ";",
        ",",
        "-",
        "{",
        "}",
        "\\",
        "`",
        " ",
        "\n",
        "a",
        "b1",
        ":",
        ".",
        "p. 3",
        "see",
        "*",
        "<",
        ">",
        "&",
        "(",
        ")",
        "x@y.z",
        "```\n",
    ]
)


@settings(max_examples=400)
@given(st.lists(ALPHABET, max_size=50).map("".join))
def test_never_crashes_and_never_touches_code(source: str) -> None:
    html, extension = _render(source)
    plain = markdown.Markdown(extensions=EXTENSIONS).convert(source)
    # Code is rendered exactly as without the extension.
    assert _code(html) == _code(plain)
    assert len(extension.citations) == html.count('class="citation"')


def _code(html: str) -> list[str]:
    import re  # noqa: PLC0415 - local helper

    return re.findall(r"<code>(.*?)</code>", html, re.DOTALL)


def test_nothing_inside_an_authors_raw_link_is_a_citation() -> None:
    html, extension = _render('<a href="x">see [@a] and @b</a> but [@c], *<a href="y">@d</a>* @e')
    assert html == (
        '<p><a href="x">see [@a] and @b</a> but <span class="citation" data-cites="c" '
        'data-tiered-citation="0">[@c]</span>, <em><a href="y">@d</a></em> '
        '<span class="citation" data-cites="e" data-tiered-citation="1">@e</span></p>'
    )
    assert [c.keys for c in extension.citations] == [("c",), ("e",)]


def test_an_authors_copy_of_the_extensions_attribute_is_renamed() -> None:
    source = (
        '<div data-tiered-citation="1">x</div>\n\n'
        '# Title <span data-TIERED-citation="2">y</span>\n\nText [@a].\n'
    )
    html, _extension = _render(source)
    assert html == (
        '<div data-tiered-citation-raw="1">x</div>\n\n'
        '<h1>Title <span data-tiered-citation-raw="2">y</span></h1>\n'
        '<p>Text <span class="citation" data-cites="a" data-tiered-citation="0">[@a]</span>.</p>'
    )
