"""The glossary page's HTML (golden), ordering and anchors."""

from __future__ import annotations

from pathlib import Path

from tiered.common.text import sort_key
from tiered.glossary import render
from tiered.glossary.model import load_glossary, make_anchor

FIXTURES = Path(__file__).parent / "fixtures"

GLOSSARY = load_glossary(
    """\
terms:
  - term: Zeta
    short: Last.
  - term: éclair
    aliases: [eclairs]
    short: Accented first letter.
    see_also: [apple, Ångström]
    sources: [smith2020, "o'brien<2021>"]
  - term: apple
    short: Lower case.
  - term: Ångström
    short: Ring above.
  - term: 5-HT
    short: Starts with a digit.
  - term: <b>bold</b> & "quoted"
    short: Escaped everywhere.
""",
    "g.yml",
)


def test_ordering_ignores_accents_and_case() -> None:
    assert [t.term for t in render.ordered(GLOSSARY.terms)] == [
        "5-HT",
        '<b>bold</b> & "quoted"',
        "Ångström",
        "apple",
        "éclair",
        "Zeta",
    ]
    assert sort_key("Éclair") == sort_key("eclair")


def test_letters() -> None:
    letters = {t.term: render.letter_of(t) for t in GLOSSARY.terms}
    assert letters == {
        "Zeta": "Z",
        "éclair": "E",
        "apple": "A",
        "Ångström": "A",
        "5-HT": "#",
        '<b>bold</b> & "quoted"': "#",
    }


def test_anchors_are_readable_and_unique() -> None:
    assert make_anchor("Bone mineral density") == "bone-mineral-density"
    assert make_anchor("TNF-α") == "tnf-α"
    assert make_anchor("Paget's disease") == "paget-s-disease"
    assert make_anchor("éclair") == "eclair"
    duplicates = load_glossary(
        "terms:\n  - term: a b\n    short: x\n  - term: a-b\n    short: y\n", "g"
    )
    assert [t.anchor for t in duplicates.terms] == ["a-b", "a-b-2"]


def test_glossary_page_golden(update_golden: bool) -> None:
    definitions = {t.anchor: f"<p>{t.short}</p>" for t in GLOSSARY.terms}
    html = render.page_body(GLOSSARY.terms, definitions, lambda key, _line: render.citation(key))
    golden = FIXTURES / "page_body.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")
    assert '<h3 id="b-bold-b-quoted">&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</h3>' in html


def test_used_in_golden() -> None:
    pages = [
        render.UsedIn("Bones (Fundamentals)", "../bones/", (("Cells & <tissue>", "../bones/#c"),)),
        render.UsedIn('Home "page"', ".."),
    ]
    assert render.used_in(pages) == (
        '<div class="tiered-glossary-used-in">\n<p>Used in:</p>\n<ul>\n'
        '<li><a href="../bones/">Bones (Fundamentals)</a> '
        '(<a href="../bones/#c">Cells &amp; &lt;tissue&gt;</a>)</li>\n'
        '<li><a href="..">Home &quot;page&quot;</a></li>\n</ul>\n</div>'
    )
    assert render.used_in([]) == ""
