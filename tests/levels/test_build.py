"""End-to-end ``mkdocs build`` runs of small sites with the ``tiered/levels`` plugin."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import SiteFactory, page, topic

HOME = {"index.md": "# Home\n\nWelcome.\n"}
T = "docs/topics/bones"
EXPECTED = "(expected one of: fundamentals, intermediate, academic)"


def _tiered(warnings: list[str]) -> list[str]:
    return [w.removeprefix("tiered: ") for w in warnings if w.startswith("tiered: ")]


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_valid_topic_builds_cleanly_in_both_themes(site: SiteFactory, theme: str) -> None:
    result = site.build({**HOME, **topic()}, theme=theme)
    assert result.warnings == []
    for tier in ("fundamentals", "intermediate", "academic"):
        html = result.html(f"topics/bones/{tier}/index.html")
        switcher = re.search(r'<nav class="tiered-switcher".*?</nav>', html, re.DOTALL)
        assert switcher is not None
        assert switcher.group(0).count("<a ") == 3
        assert switcher.group(0).count('aria-current="page"') == 1
        assert f'data-tier="{tier}" aria-current="page"' in switcher.group(0)
        assert f'<meta name="tiered:tier" content="{tier}">' in html
        assert f'<p class="tiered-badge" data-tier="{tier}">' in html
        assert "assets/tiered/levels.css" in html
        assert "assets/tiered/levels.js" in html
    assert (result.site / "assets/tiered/levels.css").is_file()
    assert (result.site / "assets/tiered/levels.js").is_file()
    landing = result.html("topics/bones/index.html")
    assert '<section class="tiered-cards"' in landing
    assert landing.count('class="tiered-card"') == 3
    assert 'href="fundamentals/"' in landing
    assert "tiered:tier" not in landing
    assert "tiered-switcher" not in result.html("index.html")


def test_steps_link_to_the_neighbouring_tiers(site: SiteFactory) -> None:
    result = site.build({**HOME, **topic()})
    fundamentals = result.html("topics/bones/fundamentals/index.html")
    intermediate = result.html("topics/bones/intermediate/index.html")
    academic = result.html("topics/bones/academic/index.html")
    assert "Simpler:" not in fundamentals
    assert 'href="../intermediate/" data-tier="intermediate">More detail: Intermediate' in (
        fundamentals
    )
    assert (
        'href="../fundamentals/" data-tier="fundamentals"><span aria-hidden="true">&#8592; </span>'
        "Simpler: Fundamentals</a>"
    ) in intermediate
    assert "Simpler: Fundamentals" in intermediate
    assert "More detail: Academic" in intermediate
    assert "Simpler: Intermediate" in academic
    assert "More detail:" not in academic


def test_reviewed_date_and_summary_are_shown(site: SiteFactory) -> None:
    docs = {**HOME, **topic()}
    docs["topics/bones/academic.md"] = page(
        "tier: academic\nsummary: Deep <dive> & more\nreviewed: 2026-03-05\n"
    )
    result = site.build(docs)
    assert result.warnings == []
    academic = result.html("topics/bones/academic/index.html")
    assert (
        '<p class="tiered-reviewed">Medically reviewed on '
        '<time datetime="2026-03-05">5 March 2026</time></p>' in academic
    )
    landing = result.html("topics/bones/index.html")
    assert '<p class="tiered-card__summary">Deep &lt;dive&gt; &amp; more</p>' in landing


def test_plain_urls_without_directory_urls(site: SiteFactory) -> None:
    result = site.build({**HOME, **topic()}, use_directory_urls=False)
    html = result.html("topics/bones/fundamentals.html")
    assert 'href="intermediate.html" data-tier="intermediate"' in html
    assert 'href="fundamentals.html" data-tier="fundamentals" aria-current="page"' in html


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "unknown-tier",
            page("title: X\ntier: beginner\n"),
            f"{T}/unknown-tier.md:3: front matter field 'tier': unknown tier 'beginner' {EXPECTED}",
        ),
        (
            "no-tier",
            page("summary: Something.\n"),
            f"{T}/no-tier.md:1: front matter field 'tier' is missing {EXPECTED}",
        ),
        (
            "no-front-matter",
            "# Just text\n",
            f"{T}/no-front-matter.md:1: front matter field 'tier' is missing {EXPECTED}",
        ),
        (
            "list-tier",
            page("tier: [fundamentals]\n"),
            f"{T}/list-tier.md:2: front matter field 'tier': unknown tier a list {EXPECTED}",
        ),
        (
            "bad-date",
            page("tier: beginner\n\nreviewed: 2024-02-30\n"),
            f"{T}/bad-date.md:4: front matter field 'reviewed': '2024-02-30' is not a valid "
            "date: February 2024 has 29 days; correct the day",
        ),
        (
            "bad-summary",
            page("tier: beginner\nsummary: [a, b]\n"),
            f"{T}/bad-summary.md:3: front matter field 'summary' must be non-empty text, "
            "not a list",
        ),
        (
            "duplicate",
            page("summary: Another.\ntier: fundamentals\n"),
            f"{T}/duplicate.md:3: front matter field 'tier': topic 'bones' already has a "
            f"'fundamentals' page ({T}/fundamentals.md:2)",
        ),
        (
            "broken-yaml",
            page("tier: academic\nsummary: 'unterminated\n"),
            f"{T}/broken-yaml.md:4:1: front matter is not valid YAML: found unexpected end "
            "of stream (while scanning a quoted scalar that starts at line 3)",
        ),
    ],
)
def test_bad_front_matter_warns_with_file_and_line(
    site: SiteFactory, name: str, text: str, expected: str
) -> None:
    docs = {**HOME, **topic(), f"topics/bones/{name}.md": text}
    result = site.build(docs)
    assert expected in _tiered(result.warnings)
    # The page is still built and kept in the navigation: nothing is lost.
    assert (result.site / f"topics/bones/{name}/index.html").is_file()
    assert f"topics/bones/{name}.md" in str(result.config.nav)


def test_bad_date_warns_even_when_the_tier_is_fine(site: SiteFactory) -> None:
    docs = {**HOME, **topic()}
    docs["topics/bones/academic.md"] = page("tier: academic\nreviewed: March 2026\n")
    result = site.build(docs)
    assert _tiered(result.warnings) == [
        f"{T}/academic.md:3: front matter field 'reviewed': 'March 2026' is not a valid date "
        "(use YYYY-MM-DD)"
    ]


def test_landing_page_cannot_claim_a_tier(site: SiteFactory) -> None:
    docs = {**HOME, **topic()}
    docs["topics/bones/index.md"] = page("title: Bones\ntier: academic\n")
    result = site.build(docs)
    assert _tiered(result.warnings) == [
        f"{T}/index.md:3: front matter field 'tier': the topic landing page (index.md) "
        "cannot be a tier page; remove the field"
    ]


def test_missing_tier_and_landing_page_name_the_topic(site: SiteFactory) -> None:
    docs = {**HOME, **topic(tiers=("fundamentals", "academic"))}
    del docs["topics/bones/index.md"]
    result = site.build(docs)
    assert _tiered(result.warnings) == [
        f"{T}: topic 'bones' has no 'intermediate' page",
        f"{T}: topic 'bones' has no landing page (index.md)",
    ]
    html = result.html("topics/bones/fundamentals/index.html")
    assert html.count('class="tiered-switcher__link"') == 2
    assert "More detail: Academic" in html


def test_strict_build_fails_on_a_front_matter_mistake(site: SiteFactory) -> None:
    docs = {**HOME, **topic(), "topics/bones/extra.md": page("tier: expert\n")}
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode"):
        site.build(docs, strict=True)


def test_topic_first_navigation(site: SiteFactory) -> None:
    docs = {**HOME, **topic("bones"), **topic("joints", tiers=("academic", "fundamentals"))}
    docs["about.md"] = "# About\n"
    result = site.build(docs)
    assert result.config.nav == [
        "index.md",
        "about.md",
        {
            "Topics": [
                {
                    "Bones": [
                        "topics/bones/index.md",
                        {"Fundamentals": "topics/bones/fundamentals.md"},
                        {"Intermediate": "topics/bones/intermediate.md"},
                        {"Academic": "topics/bones/academic.md"},
                    ]
                },
                {
                    "Joints": [
                        "topics/joints/index.md",
                        {"Fundamentals": "topics/joints/fundamentals.md"},
                        {"Academic": "topics/joints/academic.md"},
                    ]
                },
            ]
        },
    ]
    # The browser tab names topic and tier; the navigation names the tier.
    html = result.html("topics/bones/academic/index.html")
    assert "<title>Academic - Test site</title>" in html or "Bones (Academic)" in html


def test_tier_first_navigation(site: SiteFactory) -> None:
    docs = {**HOME, **topic("bones"), **topic("joints", tiers=("academic", "fundamentals"))}
    docs["topics/index.md"] = "# All topics\n"
    result = site.build(docs, levels={"navigation": "tier-first"})
    assert result.warnings == [
        "tiered: docs/topics/joints: topic 'joints' has no 'intermediate' page"
    ]
    assert result.config.nav == [
        "index.md",
        {
            "Fundamentals": [
                {"Bones": "topics/bones/fundamentals.md"},
                {"Joints": "topics/joints/fundamentals.md"},
            ]
        },
        {"Intermediate": [{"Bones": "topics/bones/intermediate.md"}]},
        {
            "Academic": [
                {"Bones": "topics/bones/academic.md"},
                {"Joints": "topics/joints/academic.md"},
            ]
        },
        {
            "Topics": [
                "topics/index.md",
                {"Bones": "topics/bones/index.md"},
                {"Joints": "topics/joints/index.md"},
            ]
        },
    ]
    material = site.build(docs, theme="material", levels={"navigation": "tier-first"})
    nav_html = material.html("index.html")
    assert nav_html.index("Fundamentals") < nav_html.index("Intermediate")


def test_hand_written_nav_wins(site: SiteFactory) -> None:
    nav = [
        {"Start": "index.md"},
        {"Easy": "topics/bones/fundamentals.md"},
        {"Bones": "topics/bones/index.md"},
    ]
    result = site.build({**HOME, **topic()}, nav=nav)
    assert result.config.nav == nav
    # The switcher does not depend on the navigation.
    assert 'aria-current="page"' in result.html("topics/bones/fundamentals/index.html")


def test_custom_tiers_and_topics_dir(site: SiteFactory) -> None:
    docs = {
        **HOME,
        "articles/heart/index.md": "# Heart\n",
        "articles/heart/easy.md": page("tier: easy\n"),
        "articles/heart/expert.md": page("tier: expert\n"),
    }
    levels = {
        "topics_dir": "articles",
        "tiers": [
            {"name": "easy", "label": "Easy read", "description": "Short & <simple>."},
            {"name": "expert", "label": "Expert"},
        ],
    }
    result = site.build(docs, levels=levels)
    assert result.warnings == []
    html = result.html("articles/heart/easy/index.html")
    assert ">Easy read</a>" in html
    assert "Short &amp; &lt;simple&gt;." in html
    assert result.config.nav == [
        "index.md",
        {
            "Articles": [
                {
                    "Heart": [
                        "articles/heart/index.md",
                        {"Easy read": "articles/heart/easy.md"},
                        {"Expert": "articles/heart/expert.md"},
                    ]
                }
            ]
        },
    ]


def test_remember_tier_off_ships_no_script(site: SiteFactory) -> None:
    result = site.build({**HOME, **topic()}, levels={"remember_tier": False})
    assert "levels.js" not in result.html("topics/bones/fundamentals/index.html")
    assert not (result.site / "assets/tiered/levels.js").exists()


def test_disabled_plugin_changes_nothing(site: SiteFactory) -> None:
    result = site.build({**HOME, **topic()}, levels={"enabled": False})
    html = result.html("topics/bones/fundamentals/index.html")
    assert "tiered-switcher" not in html
    assert "tiered:tier" not in html
    assert result.config.nav is None
