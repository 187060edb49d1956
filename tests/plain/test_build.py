"""End-to-end ``mkdocs build`` runs with ``tiered/plain``."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort
from tiered.plain.findings import Finding
from tiered.plain.overlay import LABELS, overlay_data

from tests.conftest import BuildResult, SiteFactory, page

FUNDAMENTALS = (
    "# Bones\n\n"
    "Your scan shows osteopenia. It was unremarkable otherwise.\n\n"
    "About 11% of women break a bone.\n"
)
PLAIN = "# Bones\n\nYour bones are alive. You can keep them strong.\n"


def _topic(fundamentals: str, front: str = "", intermediate: str = PLAIN) -> dict[str, str]:
    return {
        "topics/bones/index.md": page("title: Bones\n", "# Bones\n\nAbout.\n"),
        "topics/bones/fundamentals.md": page(
            f"tier: fundamentals\nsummary: S.\n{front}", fundamentals
        ),
        "topics/bones/intermediate.md": page("tier: intermediate\nsummary: S.\n", intermediate),
        "topics/bones/academic.md": page(
            "tier: academic\nsummary: S.\n", "# Bones\n\nOsteopenia is frequent (11%).\n"
        ),
    }


def _plain(result: BuildResult) -> list[str]:
    return [w.removeprefix("tiered: ") for w in result.warnings if w.startswith("tiered: ")]


def test_findings_are_warnings_at_file_line_col(site: SiteFactory) -> None:
    result = site.build(_topic(FUNDAMENTALS), plain={})
    assert _plain(result) == [
        'docs/topics/bones/fundamentals.md:8:17: jargon "osteopenia" is medical jargon: say '
        '"mild bone loss", or explain it where it is first used ("osteopenia is ..."), or '
        "link it to a glossary entry",
        'docs/topics/bones/fundamentals.md:8:36: jargon "unremarkable" is medical jargon: '
        'say "normal", or explain it where it is first used ("unremarkable is ..."), or link '
        "it to a glossary entry",
        'docs/topics/bones/fundamentals.md:10:7: number "11%" is a bare percentage: say '
        '"about 11 in 100" (a count out of a round number is easier to picture)',
    ]  # the academic page is report-only; intermediate checks no jargon nor numbers


def test_strict_fails_on_a_finding(site: SiteFactory) -> None:
    with pytest.raises(Abort):
        site.build(_topic(FUNDAMENTALS), plain={}, strict=True)


def test_front_matter_accepts_words_with_a_reason(site: SiteFactory) -> None:
    front = "plain:\n  allow: [osteopenia, Unremarkable, 11%]\n  reason: the report's own words\n"
    result = site.build(_topic(FUNDAMENTALS, front), plain={})
    assert _plain(result) == []


def test_an_acceptance_without_a_reason_is_a_warning(site: SiteFactory) -> None:
    front = "plain:\n  allow: [osteopenia, unremarkable, 11%]\n"
    result = site.build(_topic(FUNDAMENTALS, front), plain={})
    assert _plain(result) == [
        "docs/topics/bones/fundamentals.md:4: 'plain.allow' accepts words without a "
        "'reason': say why they stay (reason: ...), or explain them on the page"
    ]


def test_bad_front_matter_is_named_at_its_line(site: SiteFactory) -> None:
    front = "plain:\n  allow: osteopenia\n  reason: ok\n  because: no\n"
    result = site.build(_topic(PLAIN, front), plain={})
    assert _plain(result) == [
        "docs/topics/bones/fundamentals.md:4: unknown field(s) in 'plain': because (it takes "
        "'allow' and 'reason')",
        "docs/topics/bones/fundamentals.md:4: 'plain.allow': 'osteopenia' is not a list of "
        "words; write allow: [osteopenia, DXA]",
    ]


def test_plain_that_is_not_a_mapping(site: SiteFactory) -> None:
    result = site.build(_topic(PLAIN, "plain: yes\n"), plain={})
    assert _plain(result) == [
        "docs/topics/bones/fundamentals.md:4: 'plain' must be a mapping: plain: {allow: "
        "[words], reason: why}"
    ]


def test_an_inline_marker_accepts_its_line(site: SiteFactory) -> None:
    body = (
        "# Bones\n\nYour scan shows osteopenia. <!-- plain: accept the scan report's word -->\n\n"
        "About 11% of women break a bone. <!-- plain: accept -->\n\n"
        "Your bones are alive. <!-- plain: accept nothing here -->\n"
    )
    result = site.build(_topic(body), plain={})
    assert _plain(result) == [
        "docs/topics/bones/fundamentals.md:10:34: an inline 'plain: accept' needs a reason: "
        "<!-- plain: accept the trial's own name -->",
        "docs/topics/bones/fundamentals.md:12:23: 'plain: accept' accepts nothing on its "
        "line: remove it, or put it on the line of the finding it accepts",
    ]
    html = result.html("topics/bones/fundamentals/index.html")
    assert "plain: accept" in html  # a comment: readers never see it


def test_tier_settings_replace_the_defaults(site: SiteFactory) -> None:
    settings = {"tiers": {"intermediate": {"max_words": 4, "jargon": False}}}
    result = site.build(_topic(FUNDAMENTALS), plain=settings)
    assert _plain(result) == [
        'docs/topics/bones/intermediate.md:8:23: long sentence "You can keep them strong.": '
        "5 words (limit 4); split it, one idea a sentence"
    ]  # fundamentals is no longer named, so no longer checked


def test_a_glossary_link_explains_a_word(site: SiteFactory) -> None:
    glossary = (
        "terms:\n  - term: osteopenia\n    short: Mild bone loss.\n"
        "    definition: Mild bone loss.\n"
    )
    docs = _topic("# Bones\n\nYour scan shows osteopenia.\n")
    docs["glossary.yml"] = glossary
    result = site.build(docs, glossary={}, plain={})
    assert _plain(result) == []


GLOSSARY = """terms:
  - term: osteopenia
    short: Lower bone mineral density than normal, a precursor of osteoporosis.
  - term: aromatase
    short: An enzyme that makes estrogen.
    tiers:
      fundamentals: An enzyme that catalyses the biosynthesis of estrogens.
  - term: osteoclast
    short: A cell that resorbs bone.
    tiers:
      fundamentals: A cell that breaks down old bone.
"""


def test_a_glossary_link_explains_only_with_a_plain_wording(site: SiteFactory) -> None:
    body = (
        "# Bones\n\nYour scan shows osteopenia.\n\nAromatase helps make estrogen.\n\n"
        "Osteoclasts clear old bone.\n"
    )
    other = "# Hips\n\nHips need osteopenia care.\n"
    docs = {**_topic(body), "glossary.yml": GLOSSARY}
    docs |= {
        "topics/hips/index.md": page("title: Hips\n", "# Hips\n\nAbout.\n"),
        "topics/hips/fundamentals.md": page("tier: fundamentals\nsummary: S.\n", other),
    }
    result = site.build(docs, glossary={}, plain={})
    weak = (
        '(jargon "bone mineral density"; jargon "osteoporosis"): add \'tiers: {fundamentals: '
        '...}\' to the entry in docs/glossary.yml:3, or explain "osteopenia" where it is first '
        'used ("osteopenia is ...")'
    )
    assert [w for w in _plain(result) if "topic 'hips'" not in w] == [
        "docs/glossary.yml:3: glossary term 'osteopenia': its 'short' (it has no fundamentals "
        'wording) is not plain (jargon "bone mineral density"; jargon "osteoporosis"), so its '
        "links on fundamentals pages explain nothing (first: docs/topics/bones/fundamentals.md): "
        "rewrite it in plain words",
        "docs/glossary.yml:7: glossary term 'aromatase': its fundamentals wording is not plain "
        '(jargon "catalyses"; jargon "biosynthesis"), so its links on fundamentals pages '
        "explain nothing (first: docs/topics/bones/fundamentals.md): rewrite it in plain words",
        'docs/topics/bones/fundamentals.md:8:17: jargon "osteopenia" is linked to the glossary, '
        "but the glossary has no fundamentals wording of 'osteopenia' and its 'short' is not "
        f"plain {weak}",
        'docs/topics/bones/fundamentals.md:10:1: jargon "Aromatase" is linked to the glossary, '
        "but the glossary's fundamentals wording of 'aromatase' is not plain (jargon "
        '"catalyses"; jargon "biosynthesis"): rewrite it in docs/glossary.yml:7, or explain '
        '"Aromatase" where it is first used ("Aromatase is ...")',
        'docs/topics/hips/fundamentals.md:8:11: jargon "osteopenia" is linked to the glossary, '
        "but the glossary has no fundamentals wording of 'osteopenia' and its 'short' is not "
        f"plain {weak}",
    ]  # the glossary's line once a build; "osteoclasts" has a plain fundamentals wording


def test_a_built_site_has_no_overlay(site: SiteFactory) -> None:
    result = site.build(_topic(FUNDAMENTALS), plain={}, theme="material")
    found = [
        path.relative_to(result.site).as_posix()
        for path in result.site.rglob("*")
        if path.is_file()
        and any(
            marker in path.read_bytes()
            for marker in (b"tiered-plain-findings", b"plain-overlay", b"tiered-plain-mark")
        )
    ]
    assert found == []


def test_the_overlay_data_cannot_end_its_script() -> None:
    finding = Finding("jargon", "</script>", 'jargon "</script><b>"', 0)
    assert overlay_data([finding]) == (
        '<script type="application/json" id="tiered-plain-findings">{"kinds": ['
        + ", ".join(f'{{"kind": "{kind}", "label": "{label}"}}' for kind, label in LABELS.items())
        + '], "findings": [{"kind": "jargon", "anchor": "\\u003c/script\\u003e", '
        '"message": "jargon \\"\\u003c/script\\u003e\\u003cb\\u003e\\""}]}</script>\n'
    )
