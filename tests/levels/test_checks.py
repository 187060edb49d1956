"""Careless front matter and options: unknown fields, impossible dates, a missing topics folder."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from tiered.common.yamlsource import as_yaml

from tests.conftest import SiteFactory, config_errors, page, topic

HOME = {"index.md": "# Home\n\nWelcome.\n"}
T = "docs/topics/bones"
DECLARE = (
    "nothing reads it: remove it, or list it in the tiered/levels option "
    "'extra_front_matter' if your templates or another plugin read it"
)


# Readability measures only the fundamentals page, against no target: it stays quiet.
QUIET = {"order": ["fundamentals"], "targets": {}}
GLOSSARY = "terms:\n  - term: text\n    short: Words.\n"


def _tiered(warnings: list[str]) -> list[str]:
    return [w.removeprefix("tiered: ") for w in warnings if w.startswith("tiered: ")]


def _with_academic(front: str) -> dict[str, str]:
    docs = {**HOME, **topic()}
    docs["topics/bones/academic.md"] = page(f"tier: academic\n{front}")
    return docs


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "reviewd: 2026-03-05\n",
            f"{T}/academic.md:3: front matter field 'reviewd' is unknown; did you mean 'reviewed'?",
        ),
        (
            "sumary: S.\n",
            f"{T}/academic.md:3: front matter field 'sumary' is unknown; did you mean 'summary'?",
        ),
        (
            "Title: A\n",
            f"{T}/academic.md:3: front matter field 'Title' is unknown; did you mean 'title'?",
        ),
        (
            "readabilty: {}\n",
            f"{T}/academic.md:3: front matter field 'readabilty' is unknown; "
            "did you mean 'readability'?",
        ),
        ("colour: red\n", f"{T}/academic.md:3: front matter field 'colour' is unknown; {DECLARE}"),
        ("1: one\n", f"{T}/academic.md:3: front matter field '1' is unknown; {DECLARE}"),
    ],
)
def test_an_unknown_field_on_a_tier_page_is_named_at_its_line(
    site: SiteFactory, front: str, expected: str
) -> None:
    result = site.build(_with_academic(front), readability=QUIET)
    assert _tiered(result.warnings) == [expected]


def test_fields_of_mkdocs_material_and_every_tiered_plugin_are_known(site: SiteFactory) -> None:
    front = (
        "title: A\ntemplate: main.html\ndescription: D.\nhide: [toc]\nicon: material/bone\n"
        "status: new\nsubtitle: S\ntags: [bone]\nsearch: {boost: 2}\nsummary: S.\n"
        "reviewed: 2026-03-05\nglossary: false\nnocite: []\n"
        "readability: {max_grade: 20, reason: Drug names.}\n"
    )
    docs = {**_with_academic(front), "glossary.yml": GLOSSARY}
    bib = {"refs.bib": "@misc{a, title={T}, year={2020}}\n"}
    result = site.build(docs, glossary={}, citations={}, readability=QUIET, bib=bib)
    assert _tiered(result.warnings) == []


def test_a_field_of_a_plugin_the_site_does_not_use_is_unknown(site: SiteFactory) -> None:
    result = site.build(_with_academic("glossary: false\n"))
    assert _tiered(result.warnings) == [
        f"{T}/academic.md:3: front matter field 'glossary' is unknown; {DECLARE}"
    ]


def test_extra_front_matter_declares_more_fields(site: SiteFactory) -> None:
    docs = _with_academic("authors: [A]\n")
    docs["topics/bones/index.md"] = page("title: Bones\nauthors: [A]\n")
    result = site.build(docs, levels={"extra_front_matter": ["authors"]})
    assert _tiered(result.warnings) == []


def test_landing_pages_are_checked_other_pages_are_not(site: SiteFactory) -> None:
    docs = {**HOME, **topic(), "about.md": page("colour: red\n")}
    docs["topics/bones/index.md"] = page("title: Bones\nsumary: S.\n")
    docs["topics/bones/notes/draft.md"] = page("colour: red\n")  # not a tier page
    result = site.build(docs)
    assert _tiered(result.warnings) == [
        f"{T}/index.md:3: front matter field 'sumary' is unknown; did you mean 'summary'?"
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (
            "2024-02-30",
            "'2024-02-30' is not a valid date: February 2024 has 29 days; correct the day",
        ),
        (
            "2023-02-29",
            "'2023-02-29' is not a valid date: February 2023 has 28 days; correct the day",
        ),
        ("2024-04-31", "'2024-04-31' is not a valid date: April 2024 has 30 days; correct the day"),
        (
            "2024-13-01",
            "'2024-13-01' is not a valid date: there is no month 13; correct the "
            "month (YYYY-MM-DD)",
        ),
        (
            "2024-00-10",
            "'2024-00-10' is not a valid date: there is no month 0; correct the month (YYYY-MM-DD)",
        ),
        ("0000-01-01", "'0000-01-01' is not a valid date: there is no year 0; correct the year"),
        (
            "'2024-01-00'",
            "'2024-01-00' is not a valid date: January 2024 has 31 days; correct the day",
        ),
        ("2024-1-5", "'2024-1-5' is not a valid date (use YYYY-MM-DD)"),
        ("20240105", "20240105 is not a valid date (use YYYY-MM-DD)"),
        ("[2024]", "[2024] is not a valid date (use YYYY-MM-DD)"),
        ("5 March 2026", "'5 March 2026' is not a valid date (use YYYY-MM-DD)"),
    ],
)
def test_every_bad_review_date_says_what_to_correct(
    site: SiteFactory, value: str, problem: str
) -> None:
    result = site.build(_with_academic(f"reviewed: {value}\n"))
    assert _tiered(result.warnings) == [
        f"{T}/academic.md:3: front matter field 'reviewed': {problem}"
    ]
    assert "tiered-reviewed" not in result.html("topics/bones/academic/index.html")


def test_a_topics_dir_that_does_not_exist_is_named(site: SiteFactory) -> None:
    result = site.build({**HOME, **topic()}, levels={"topics_dir": "articels"})
    assert _tiered(result.warnings) == [
        "mkdocs.yml: tiered/levels option 'topics_dir': there is no folder docs/articels; "
        "create it (one sub-folder per topic) or set 'topics_dir' to the folder inside "
        "docs_dir that holds the topics"
    ]


def test_the_default_topics_dir_may_be_absent(site: SiteFactory) -> None:
    result = site.build(HOME)
    assert result.warnings == []


def test_topics_dir_dot_makes_every_folder_a_topic(site: SiteFactory) -> None:
    docs = {**HOME, **{k.removeprefix("topics/"): v for k, v in topic().items()}}
    result = site.build(docs, levels={"topics_dir": "./"})
    assert _tiered(result.warnings) == []
    assert 'aria-current="page"' in result.html("bones/fundamentals/index.html")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"topics_dir": "/srv/topics"},
            "option 'topics_dir': '/srv/topics' is absolute; give a path relative to the site "
            "folder such as 'topics'",
        ),
        (
            {"topics_dir": "../topics"},
            "option 'topics_dir': '../topics' leads outside the site folder; give a path "
            "inside it such as 'topics'",
        ),
        (
            {"extra_front_matter": "authors"},
            "option 'extra_front_matter': Expected a list of items, but a <class 'str'> was given.",
        ),
    ],
)
def test_bad_levels_options_stop_at_the_config(
    tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    assert config_errors(tmp_path, "tiered/levels", options) == [
        f"Config value 'plugins': Plugin 'tiered/levels' {message}"
    ]


def test_alias_bombs_in_front_matter_are_reported_quickly(site: SiteFactory) -> None:
    # Nine lines of YAML aliases make a list of 10**9 items: printing it would never end.
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    front = "\n".join(lines) + "\nreviewed: *a8\ntitle: *a8\nreadability: {max_grade: *a8}\n"
    docs = {**HOME, **topic()}
    docs["topics/bones/fundamentals.md"] = page(f"tier: fundamentals\n{front}")
    start = time.perf_counter()
    result = site.build(
        docs, levels={"extra_front_matter": [f"a{i}" for i in range(9)]}, readability=QUIET
    )
    assert time.perf_counter() - start < 20
    bomb: list[object] = ["x"] * 10
    for _level in range(8):
        bomb = [bomb] * 10
    assert _tiered(result.warnings) == [
        f"{T}/fundamentals.md:12: front matter field 'reviewed': {as_yaml(bomb)} is not a "
        "valid date (use YYYY-MM-DD)",
        f"{T}/fundamentals.md:13: front matter field 'title' must be non-empty text, not a list",
        f"{T}/fundamentals.md:14: 'readability.max_grade': {as_yaml(bomb)} is not a number of "
        "at least 1; give the grade this page may reach, such as 8",
    ]
