"""Bad glossary input: a clear ``file:line`` message, never a traceback, a hang or a write
outside the site (issue 12). Real builds throughout."""

from __future__ import annotations

import re
import time
from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import Abort
from tiered.glossary.markdown import GlossaryExtension, PageContext
from tiered.glossary.model import load_glossary

from tests.conftest import BuildResult, SiteFactory

_LINK = re.compile(r'<a class="tiered-glossary-term"[^>]*>[^<]*</a>')


def _build(
    site: SiteFactory,
    glossary: str | bytes,
    body: str = "# Home\n\nEstrogen matters.\n",
    **options: object,
) -> BuildResult:
    docs = {"index.md": body}
    path = site.root / "docs" / "glossary.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(glossary, bytes):
        path.write_bytes(glossary)
    else:
        path.write_text(glossary, encoding="utf-8")
    return site.build(docs, glossary=dict(options))


def _tiered(result: BuildResult) -> list[str]:
    return [w.removeprefix("tiered: ") for w in result.warnings if w.startswith("tiered: ")]


def _errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]


ESTROGEN = "terms:\n  - term: estrogen\n    short: A hormone.\n"


@pytest.mark.parametrize(
    ("glossary", "expected"),
    [
        (  # PyYAML keeps the last 'terms:'; the first used to end the build with a ValueError
            "terms:\n  - term: bone\n    short: x\n  - term: cell\n    short: y\n" + ESTROGEN,
            [
                "docs/glossary.yml:6: duplicate key 'terms' (first at line 1): only this one "
                "is used; remove one of them"
            ],
        ),
        (
            "terms:\n  - term: estrogen\n    short: Another.\n    short: A hormone.\n",
            [
                "docs/glossary.yml:4: duplicate key 'short' (first at line 3): only this one "
                "is used; remove one of them"
            ],
        ),
        (
            ESTROGEN + "  - term:\n    short: x\n",
            ["docs/glossary.yml:4: glossary entry: term: must not be empty; give its display name"],
        ),
        (
            ESTROGEN + "  - term: [a, b]\n    short: x\n",
            ["docs/glossary.yml:4: glossary entry: term: must be text, not a list"],
        ),
        (  # cannot match, said once at its line; no "not used on any page" for it
            ESTROGEN + "  - term: C++\n    short: A language.\n",
            [
                "docs/glossary.yml:4: glossary term 'C++': 'C++' cannot be matched in text (it "
                "ends with '+', not a letter or digit); only [[C++]] links it: add an alias "
                "that can be matched"
            ],
        ),
        (
            ESTROGEN + "  - term: osteoclast\n    aliases: ['(a)']\n    short: A cell.\n",
            [
                "docs/glossary.yml:5: glossary term 'osteoclast': '(a)' cannot be matched in "
                "text (it starts with '(', not a letter or digit); only [[(a)]] links it: add "
                "an alias that can be matched",
                "docs/glossary.yml:4: glossary term 'osteoclast' is not used on any page",
            ],
        ),
        (
            ESTROGEN + "  - term: " + "b" * 300 + "\n    short: Long.\n",
            [
                "docs/glossary.yml:4: glossary term '" + "b" * 40 + "…': a form of 300 "
                "characters cannot be matched in text (at most 200): shorten it or add a "
                "shorter alias"
            ],
        ),
    ],
)
def test_glossary_file_mistakes(site: SiteFactory, glossary: str, expected: list[str]) -> None:
    result = _build(site, glossary)
    assert _tiered(result) == expected
    assert _LINK.findall(result.html("index.html")) == [
        '<a class="tiered-glossary-term" href="glossary/#estrogen" title="A hormone.">Estrogen</a>'
    ]


@pytest.mark.parametrize(
    ("glossary", "message"),
    [
        (
            "terms:\n\t- term: estrogen\n",
            "docs/glossary.yml:2:1: the glossary is not valid YAML: a tab indents this line, "
            "and YAML forbids tabs for indentation: indent with spaces",
        ),
        (
            "terms:\n  - term: estrogen\n  \t  short: x\n",
            "docs/glossary.yml:3:3: the glossary is not valid YAML: a tab indents this line, "
            "and YAML forbids tabs for indentation: indent with spaces",
        ),
        (
            "terms:\n  - term: caf\xe9\n    short: x\n".encode("latin-1"),
            "docs/glossary.yml:2:14: the glossary is not UTF-8 text (byte 0xe9): save the "
            "file as UTF-8",
        ),
    ],
)
def test_unreadable_glossary_names_line_and_column(
    site: SiteFactory, caplog: pytest.LogCaptureFixture, glossary: str | bytes, message: str
) -> None:
    with pytest.raises(Abort, match="Aborted with a BuildError!"):
        _build(site, glossary)
    assert _errors(caplog) == [message]


def test_a_long_term_is_matched(site: SiteFactory) -> None:
    # Used to raise RecursionError while the first page rendered, reported against it.
    name = " ".join(["osteo"] * 33)  # 197 characters
    body = f"# Home\n\nAbout {name} and more.\n"
    result = _build(site, f"terms:\n  - term: {name}\n    short: Long.\n", body)
    assert _tiered(result) == []
    anchor = "-".join(["osteo"] * 33)
    assert _LINK.findall(result.html("index.html")) == [
        f'<a class="tiered-glossary-term" href="glossary/#{anchor}" title="Long.">{name}</a>'
    ]


def test_a_billion_laughs_glossary_is_read_in_its_own_size(site: SiteFactory) -> None:
    anchors = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n"
        for a, b in zip("abcdefghijk", "bcdefghijkl", strict=True)
    )
    glossary = anchors + "terms:\n  - term: estrogen\n    short: A hormone.\n    see_also: *l\n"
    started = time.monotonic()
    result = _build(site, glossary)
    assert time.monotonic() - started < 30
    assert (
        _tiered(result)
        == ["docs/glossary.yml:11: glossary term 'estrogen': 'see_also' items must be text"] * 9
    )


@pytest.mark.parametrize(
    ("page_path", "problem"),
    [
        ("/tmp/glossary.md", "'/tmp/glossary.md' is absolute; give a path relative to the site"),
        ("../glossary.md", "'../glossary.md' leads outside the site folder; give a path inside it"),
    ],
)
def test_page_path_must_stay_inside_the_site(
    site: SiteFactory, caplog: pytest.LogCaptureFixture, page_path: str, problem: str
) -> None:
    with pytest.raises(Abort, match="Aborted with a configuration error!"):
        _build(site, ESTROGEN, page_path=page_path)
    assert _errors(caplog) == [
        f"Config value 'plugins': Plugin 'tiered/glossary' option 'page_path': {problem}"
        f"{' folder' if 'absolute' in problem else ''} such as 'glossary.md'"
    ]
    assert not Path("/tmp/glossary.md").exists() or "absolute" not in problem
    assert not (site.root / "glossary.md").exists()


def test_short_text_is_plain_on_the_glossary_page(site: SiteFactory) -> None:
    glossary = (
        "terms:\n  - term: estrogen\n    short: A <b>hormone</b> & *not* <script>x()</script>\n"
        "  - term: bone\n    short: Tissue; see estrogen.\n"
    )
    result = _build(site, glossary, "# Home\n\nEstrogen and bone.\n")
    page = result.html("glossary/index.html")
    estrogen = page[
        page.index('<h3 id="estrogen">') : page.index("</div>", page.index('<h3 id="estrogen">'))
    ]
    assert estrogen.endswith(
        '<div class="tiered-glossary-definition">\n<p>A &lt;b&gt;hormone&lt;/b&gt; &amp; *not* '
        "&lt;script&gt;x()&lt;/script&gt;</p>\n"
    )
    # Other terms in a short text still link to their entries.
    assert (
        '<p>Tissue; see <a class="tiered-glossary-term" href="#estrogen" title="A &lt;b&gt;'
        'hormone&lt;/b&gt; &amp; *not* &lt;script&gt;x()&lt;/script&gt;">estrogen</a>.</p>'
    ) in page


def test_raw_html_in_a_definition_is_shown_as_text(site: SiteFactory) -> None:
    # The glossary file is data, not a page: its Markdown renders, its HTML does not.
    glossary = (
        "terms:\n  - term: estrogen\n    short: A hormone.\n"
        '    definition: "A *hormone* <img src=x onerror=alert(1)> <fuzz>x</fuzz>"\n'
    )
    result = _build(site, glossary, "# Home\n\nEstrogen.\n")
    page = result.html("glossary/index.html")
    assert (
        '<div class="tiered-glossary-definition">\n<p>A <em>hormone</em> &lt;img src=x '
        "onerror=alert(1)&gt; &lt;fuzz&gt;x&lt;/fuzz&gt;</p>\n</div>"
    ) in page
    assert "<img src=x" not in page
    assert "<fuzz>" not in page


def test_no_glossary_link_inside_an_authors_raw_link(site: SiteFactory) -> None:
    body = (
        "# Home\n\n"
        'Read <a href="https://example.org/">about estrogen and <em>estrogen</em>, also '
        "[[estrogen]]</a>, then estrogen.\n"
    )
    result = _build(site, ESTROGEN, body)
    html = result.html("index.html")
    assert (
        '<p>Read <a href="https://example.org/">about estrogen and <em>estrogen</em>, also '
        'estrogen</a>, then <a class="tiered-glossary-term" href="glossary/#estrogen" '
        'title="A hormone.">estrogen</a>.</p>'
    ) in html
    assert _tiered(result) == []


def test_an_unmatchable_term_links_when_forced(site: SiteFactory) -> None:
    glossary = "terms:\n  - term: C++\n    short: A language.\n"
    result = _build(site, glossary, "# Home\n\nWe use [[C++]] and C++.\n")
    assert _LINK.findall(result.html("index.html")) == [
        '<a class="tiered-glossary-term" href="glossary/#c" title="A language.">C++</a>'
    ]


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("שלום עולם", "נאמר שלום עולם כאן"),  # right-to-left
        ("cafe\u0301", "un cafe\u0301 noir"),  # a combining accent, as some systems store it
        ("T\u200dcell", "a T\u200dcell count"),  # a zero-width joiner inside
        ("a.b", "not axb but a.b"),  # a regular-expression metacharacter
        ("x|y", "x or y, then x|y"),
    ],
)
def test_odd_unicode_and_metacharacters(site: SiteFactory, term: str, text: str) -> None:
    glossary = f"terms:\n  - term: '{term}'\n    short: Odd.\n"
    result = _build(site, glossary, f"# Home\n\n{text}\n")
    assert _tiered(result) == []
    assert [re.sub("<[^>]+>", "", link) for link in _LINK.findall(result.html("index.html"))] == [
        term
    ]


def test_an_emoji_term_is_reported_not_crashed(site: SiteFactory) -> None:
    result = _build(site, "terms:\n  - term: '👍'\n    short: Yes.\n", "# Home\n\nOK 👍.\n")
    assert _tiered(result) == [
        "docs/glossary.yml:2: glossary term '👍': '👍' cannot be matched in text (it starts "
        "with '👍', not a letter or digit); only [[👍]] links it: add an alias that can be "
        "matched"
    ]


def test_ten_thousand_terms_load_and_link_in_bounded_time() -> None:
    names = [f"term{i:05d} cell" for i in range(10_000)]
    text = "terms:\n" + "".join(
        f"  - term: {n}\n    aliases: [{n}s, T{i}X]\n    short: About {n}.\n"
        for i, n in enumerate(names)
    )
    started = time.monotonic()
    glossary = load_glossary(text, "g.yml")
    extension = GlossaryExtension(glossary, "all")
    extension.start_page(PageContext(glossary_href="g/"))
    page = " ".join(f"{n}s and T{i}X." for i, n in enumerate(names[::10]))
    html = markdown.Markdown(extensions=[extension]).convert(page)
    assert time.monotonic() - started < 30
    assert glossary.diagnostics == []
    assert len(glossary.terms) == 10_000
    assert html.count('class="tiered-glossary-term"') == 2_000
