"""Hypothesis strategies for the inputs of a tiered site: glossary, BibTeX, pages, config.

Every strategy can produce the shapes issue 12 lists (two ``terms:`` keys, terms of a
few hundred characters, superscript years, ``words_per_minute: 0``, the citations
plugin's own markers in page text, paths leading outside the site...). Data files
(glossary YAML, BibTeX) carry :data:`PAYLOADS`, whose markers (the ``fuzzinj`` tag,
``data-fuzz-*`` attributes, ``on*`` handlers, ``javascript:`` URLs) must never be live
in the output. Markdown pages are the author's own HTML: they carry the internal markers
but never the payload markers, so any live payload marker came from a data file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hypothesis import strategies as st

TIERS = ("fundamentals", "intermediate", "academic")
MARKER_TAG = "fuzzinj"
MARKER_ATTR = "data-fuzz"
# Hostile text for data fields: each either stays text (escaped) or is a finding.
PAYLOADS = [
    f"<{MARKER_TAG}>x</{MARKER_TAG}>",
    "<img src=x onerror=fuzz(1)>",
    f'"><{MARKER_TAG} {MARKER_ATTR}-1="1">',
    f"' {MARKER_ATTR}-2='1",
    f'" {MARKER_ATTR}-3="1',
    '" onmouseover="fuzz(2)',
    "javascript:fuzz(3)",
    "<script>fuzz(4)</script>",
    '<a href="javascript:fuzz(5)">x</a>',
    f"</span></a><{MARKER_TAG}>",
    f"<!--x--><{MARKER_TAG}>",
    f"]]><{MARKER_TAG}>",
    f"<{MARKER_TAG}",
]
# The citations plugin's internal markup, which page text and data may contain too.
INTERNAL = [
    "<!--tiered-cite:3-->",
    "<!--tiered-cite:0-->",
    "<!--tiered-entry:0-->",
    "<!--tiered-entry:7-->",
    "<!-- tiered-citations:references -->",
    "<!-- tiered-citations:bibliography -->",
    '<span class="citation" data-cites="a">x</span>',
    '<span class="citation" data-cites="a b" data-tiered-citation="0">[@a]</span>',
    '<span class="citation" data-cites="zz" data-tiered-citation="9">x</span>',
    '<div class="references-here" id="refs"></div>',
]
WORDS = [
    "bone",
    "density",
    "Estrogen",
    "RANKL",
    "IL-6",
    "TNF-α",
    "C++",
    "(a)",
    "it's",
    "osteo",
    "a",
    "é",
    "²⁰²⁰",
    "&amp;",
    "&",
    "<",
    ">",
    '"',
    "'",
    "\\",
    "{",
    "}",
    "%",
    "$",
    "#",
    "~",
    "`",
    "|",
    "\t",
    "*",
    "**",
    "_",
    "[",
    "]",
    "@",
    "-@",
    "[[",
    "]]",
]
KEYS = ["a", "b", "perez2008", "key:1", "x_y", "Ünï", "c.d", "missing"]

_short = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6)
_long = st.builds(
    lambda word, n: (word + " ") * n, st.sampled_from(["a", "bone", "x*"]), st.integers(50, 400)
)
# Text a data field may hold: words, payloads, internal markup, odd characters, or long runs.
data_text = st.one_of(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS), st.sampled_from(PAYLOADS), st.sampled_from(INTERNAL), _short
        ),
        max_size=6,
    ).map(" ".join),
    _long,
)


def yaml_scalar(value: object, plain: bool) -> str:
    """``value`` as a YAML scalar: JSON (valid YAML) or, when ``plain``, as it is."""
    if isinstance(value, str) and plain:
        return value
    return json.dumps(value, ensure_ascii=False)


@st.composite
def glossary_value(draw: st.DrawFn, key: str) -> str:
    plain = draw(st.booleans())
    if key in ("aliases", "see_also", "sources"):
        items = draw(st.lists(st.one_of(data_text, st.sampled_from(KEYS)), max_size=3))
        return "[" + ", ".join(yaml_scalar(i, False) for i in items) + "]"
    if key in ("link", "case_sensitive"):
        return draw(st.sampled_from(["true", "false", "yes", "1", '"x"', ""]))
    if key == "tiers":
        tier = draw(st.sampled_from([*TIERS, "unknown", ""]))
        return "{" + f"{tier or '?'}: {yaml_scalar(draw(data_text), False)}" + "}"
    if key == "term":
        value = draw(st.one_of(st.sampled_from(["", "C++", "(a)", "bone", "RANKL"]), data_text))
        return "" if value == "" else yaml_scalar(value, plain)
    return yaml_scalar(draw(data_text), plain)


_ENTRY_KEYS = ["term", "aliases", "short", "definition", "tiers", "see_also", "sources", "link"]
_ENTRY_KEYS += ["case_sensitive", "colour", "short"]  # an unknown field, a second 'short:'


@st.composite
def glossary_file(draw: st.DrawFn) -> bytes:
    """A glossary file's bytes: mostly well-formed, with the listed malformations."""
    lines = ["terms:"]
    for _entry in range(draw(st.integers(0, 5))):
        keys = ["term", *draw(st.lists(st.sampled_from(_ENTRY_KEYS), max_size=5))]
        if "definition" in keys and draw(st.booleans()):
            keys.remove("definition")  # 'short' alone: it is the definition too
        for i, key in enumerate(keys):
            lines.append(f"{'  - ' if i == 0 else '    '}{key}: {draw(glossary_value(key))}")
    if draw(st.integers(0, 9)) == 0:
        lines += ["terms:", "  - term: second", "    short: Second list."]
    text = "\n".join(lines) + "\n"
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("    ", "\t")
    if draw(st.integers(0, 14)) == 0:
        return text.encode("latin-1", "replace") + b"\xff\xfe term: \x80\n"
    return text.encode("utf-8")


_BIB_FIELDS = [
    "author",
    "editor",
    "title",
    "journal",
    "booktitle",
    "year",
    "date",
    "month",
    "urldate",
    "url",
    "doi",
    "pmid",
    "pmcid",
    "pages",
    "volume",
    "publisher",
    "note",
    "crossref",
]
_SPECIAL = {
    "year": ["2020", "²⁰²⁰", "20x", "", "0", "99999999999999999999", "-5"],
    "date": ["2020-02-30", "²⁰²⁰-01", "2020-13", "x", "2020-01-01"],
    "month": ["jan", "13", "0", "²", "feb"],
    "urldate": ["2020-13-45", "2020-02-30", "0-0-0", "²⁰²⁰-01-01", "9999999999-1-1", "2020-01-01"],
    "url": ["javascript:fuzz(6)", 'https://example.org/"><fuzzinj>', "https://example.org/x"],
    "doi": ["10.1234/x", "javascript:fuzz(7)", '10.1234/"><fuzzinj>', "doi:10.1/a"],
    "pmid": ["123", "x<fuzzinj>", "²"],
    "pmcid": ["PMC1", "PMCx", '"><fuzzinj>'],
    "author": [
        "Perez, E. A.",
        "Eastell, R. and others",
        "{World Health Organization}",
        '{\\\'E}mile, Z. and <fuzzinj> and " onerror="x',
        " and ",
    ],
}


@st.composite
def bib_value(draw: st.DrawFn, name: str) -> str:
    if name == "crossref":
        return "{" + draw(st.sampled_from(KEYS)) + "}"
    if name in _SPECIAL and draw(st.booleans()):
        raw = draw(st.sampled_from(_SPECIAL[name]))
    else:
        raw = draw(data_text)
    form = draw(st.integers(0, 9))
    if form == 0:
        return draw(st.sampled_from(["undefinedmacro", "defined", "defined # {x}"]))
    if form == 1:
        return '"' + raw + '"'
    return "{" + raw + "}"


@st.composite
def bib_file(draw: st.DrawFn) -> str:
    """A BibTeX file: entries of known and unknown types, macros, crossrefs, broken blocks."""
    parts = []
    if draw(st.booleans()):
        parts.append("@string{defined = {" + draw(data_text) + "}}")
    for _entry in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["article", "book", "online", "misc", "report", "weird"]))
        key = draw(st.sampled_from(KEYS))
        names = draw(st.lists(st.sampled_from(_BIB_FIELDS), max_size=7))
        body = ",\n".join(f"  {n} = {draw(bib_value(n))}" for n in names)
        parts.append(f"@{kind}{{{key},\n{body}\n}}")
    if draw(st.integers(0, 9)) == 0:
        parts.append("@article{broken, title = {unclosed")
    return "\n\n".join(parts) + "\n"


def _cite(draw: st.DrawFn) -> str:
    key = draw(st.sampled_from(KEYS))
    return draw(
        st.sampled_from(
            [
                f"[@{key}]",
                f"[-@{key}]",
                f"@{key}",
                f"@{key} [p. 3]",
                f"[see @{key}, pp. 33-35 *passim*; @a]",
                f"[@{key}, p. 1 {'*' * draw(st.integers(1, 60))}]",
                f"[@{{{key}}}]",
                "\\@a",
                "a@b.org",
            ]
        )
    )


citation = st.composite(_cite)


@st.composite
def markdown_body(draw: st.DrawFn, forms: tuple[str, ...] = ()) -> str:
    """A page's Markdown: prose, term mentions, citations, and hostile structure."""
    mentions = [f for f in forms if not any(m in f.lower() for m in ("fuzz", "<", "javascript"))]
    token = st.one_of(
        st.sampled_from(["bone", "density", "RANKL", "and", "the", "."]),
        st.sampled_from(WORDS),
        st.sampled_from(INTERNAL),
        st.sampled_from(mentions or ["bone"]),
        st.sampled_from(
            [
                "\n\n",
                "\n\n## Section\n\n",
                "\n\n- item ",
                "\n\n> quote ",
                "\n\n```\ncode @a [@b]\n```\n\n",
                "`[@a]`",
                "[link](x.md)",
                '<a href="x.md">bone RANKL [@a]</a>',
                "[[bone]]",
                "[[RANKL]]",
                "\n\n::: {#refs}\n:::\n\n",
                "\n\n| a | b |\n|---|---|\n| bone | [@a] |\n\n",
                "{: #id }",
            ]
        ),
        citation(),
    )
    parts = draw(st.lists(token, max_size=40))
    hostile = draw(st.integers(0, 7))
    if hostile == 0:  # a long paragraph with an unclosed "[" and many citations
        n = draw(st.integers(10, 300))
        parts.append("[ " + " ".join(draw(st.sampled_from(["@a", "-@b", "@"])) for _ in range(n)))
    elif hostile == 1:  # deep nesting of emphasis and brackets
        n = draw(st.integers(5, 80))
        parts.append("*[" * n + "bone" + "]*" * n)
    return " ".join(parts)


@st.composite
def front_matter(draw: st.DrawFn, tier: str | None) -> str:
    """Front matter lines: the page's tier (mostly right), summary, dates, unknown keys."""
    lines = []
    if tier is not None:
        choice = draw(st.integers(0, 11))
        if choice == 0:
            pass  # no tier
        elif choice == 1:
            lines.append(f"tier: {draw(st.sampled_from(['unknown', '[1]', '', '3']))}")
        else:
            lines.append(f"tier: {tier}")
    for key in draw(
        st.lists(
            st.sampled_from(["summary", "title", "reviewed", "colour", "glossary"]),
            max_size=3,
            unique=True,
        )
    ):
        if key == "reviewed":
            value = draw(st.sampled_from(["2024-01-01", "2024-02-30", "x", "²⁰²⁰-01-01", ""]))
        elif key == "glossary":
            value = draw(st.sampled_from(["false", "true", "x"]))
        else:
            value = json.dumps(
                draw(st.sampled_from(["Bones", "", "A <b>bold</b> title", "x" * 300]))
            )
        lines.append(f"{key}: {value}")
    if draw(st.integers(0, 19)) == 0:
        lines.append("broken: [unclosed")
    return "---\n" + "".join(f"{line}\n" for line in lines) + "---\n\n"


_PATHS = [
    "{ok}",
    "{ok}",
    "{ok}",
    "/tmp/tiered-fuzz-abs.md",
    "../outside.md",
    "a/../../outside.md",
    "",
    ".",
]


def _path(ok: str) -> st.SearchStrategy[str]:
    return st.sampled_from([p.format(ok=ok) for p in _PATHS])


@st.composite
def plugin_options(draw: st.DrawFn) -> dict[str, dict[str, object]]:
    """Plugin options: mostly the defaults, sometimes the listed bad values."""
    rare = st.integers(0, 5).map(lambda n: n == 0)
    options: dict[str, dict[str, object]] = {
        "levels": {},
        "glossary": {},
        "citations": {},
        "readability": {},
    }
    if draw(rare):
        options["levels"]["topics_dir"] = draw(st.sampled_from(["nonexistent", "../x", "/abs", ""]))
    if draw(rare):
        options["glossary"]["page_path"] = draw(_path("glossary.md"))
    if draw(rare):
        options["glossary"]["density"] = draw(st.sampled_from(["all", "first-per-page"]))
    if draw(rare):
        options["citations"]["page_path"] = draw(_path("references.md"))
    options["citations"]["style"] = draw(st.sampled_from(["ama", "vancouver", "apa"]))
    if draw(rare):
        options["citations"]["warn_uncited"] = True
    if draw(rare):
        options["readability"]["words_per_minute"] = draw(st.sampled_from([0, -1, 1, 10**12]))
    if draw(rare):
        options["readability"]["report_path"] = draw(_path("about/reading-levels.md"))
    return options


@dataclass
class SiteInput:
    """Everything one fuzzed build reads."""

    glossary: bytes
    bibs: list[str]
    pages: dict[str, str]
    options: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.glossary) + sum(map(len, self.bibs)) + sum(map(len, self.pages.values()))


def _forms(glossary: bytes) -> tuple[str, ...]:
    """Term-like strings of the glossary (a rough read: enough to mention them in pages)."""
    forms = []
    for line in glossary.decode("utf-8", "replace").splitlines():
        _sep, _colon, value = line.partition("term: ")
        if value.startswith('"'):
            try:
                forms.append(str(json.loads(value)))
            except ValueError:
                continue
    return tuple(f for f in forms if f.strip())


@st.composite
def site_input(draw: st.DrawFn) -> SiteInput:
    """A small site: home, one topic (landing and three tiers), glossary, bib files."""
    glossary = draw(glossary_file())
    forms = _forms(glossary)
    body = markdown_body(forms)
    pages = {
        "index.md": draw(front_matter(None)) + "# Home\n\n" + draw(body),
        "topics/bones/index.md": draw(front_matter(None)) + "# Bones\n\nAbout bones.\n",
    }
    for tier in TIERS:
        pages[f"topics/bones/{tier}.md"] = draw(front_matter(tier)) + f"# {tier}\n\n" + draw(body)
    bibs = draw(st.lists(bib_file(), min_size=1, max_size=2))
    return SiteInput(glossary, bibs, pages, draw(plugin_options()))
