"""The checks never crash on odd text, and every finding points into the source."""

from __future__ import annotations

import re
from html import escape

from hypothesis import given
from hypothesis import strategies as st
from tiered.plain.article import read_article
from tiered.plain.checks import run
from tiered.plain.findings import KINDS, Settings
from tiered.plain.wording import PageGlossary, Weak, links, own_words, problems

from tests.plain.golden import SETTINGS, findings_text

_ODD = st.sampled_from(
    [
        *("1,000,000", "IL-6", "p<0.05", "TNF-α", "11%", "0.5 percent", "2.7", "(", ")", "é"),
        *("’s", "is made", "called", "DXA", "rare", " ", ".", "\n", "\n\n", "- ", "`x`", "**"),
        *("×", "½", "osteopenia", "which", "halves", "40% lower", "in 100", "ǅ", "\u200b", "İ"),
        "ß",
    ]
)
_TEXT = st.lists(st.one_of(_ODD, st.text(max_size=8)), max_size=40).map("".join)


@given(_TEXT)
def test_no_text_crashes_a_check(body: str) -> None:
    text = findings_text(f"# Page\n\n{body}\n", SETTINGS["all"])
    for line in text.splitlines():
        assert re.match(r"\d+:\d+: \S", line), line


@given(_TEXT)
def test_findings_point_into_the_source(body: str) -> None:
    source = f"# Page\n\n{body}\n"
    html = "<p>" + body.replace("&", "&amp;").replace("<", "&lt;") + "</p>"
    for finding in run(read_article(html, source), Settings()):
        assert finding.kind in KINDS
        assert -1 <= finding.offset < len(source)


@given(_TEXT, _TEXT)
def test_no_glossary_wording_crashes_the_judge(wording: str, link: str) -> None:
    """Any wording is judged, any link text read; findings still point into the source."""
    html = (
        f'<p><a class="tiered-glossary-term" href="#t" title="x">{escape(link)}</a> '
        f"{escape(wording)}</p>"
    )
    judged = problems(wording, own_words([link]), Settings())
    assert all(isinstance(p, str) and p for p in judged)

    def judge(anchor: str) -> Weak | None:
        return Weak("t", "fundamentals", True, "glossary.yml:1", judged) if judged else None

    source = f"{link} {wording}\n"
    glossary = PageGlossary(links(html), judge)
    for finding in run(read_article(html, source), Settings(), glossary):
        assert -1 <= finding.offset < len(source)
