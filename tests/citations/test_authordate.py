"""APA labels: authors, years, suffixes and locators from CSL-JSON."""

from __future__ import annotations

from tiered.citations import authordate


def test_author_parts() -> None:
    one = {"author": [{"family": "Perez", "given": "E."}]}
    two = {"author": [{"family": "Smith"}, {"family": "Berg", "non-dropping-particle": "van"}]}
    many = {"author": [{"family": "Eastell"}, {"literal": "et al."}]}
    body = {"author": [{"literal": "World Health Organization"}]}
    untitled = {"title": "Leaflet"}
    assert authordate.author(one) == "Perez"
    assert authordate.author(two) == "Smith & van Berg"
    assert authordate.author(two, narrative=True) == "Smith and van Berg"
    assert authordate.author(many) == "Eastell et al."
    assert authordate.author(body) == "World Health Organization"
    assert authordate.author(untitled) == "Leaflet"


def test_years() -> None:
    assert authordate.year({"issued": {"date-parts": [[2008, 3]]}}) == "2008"
    assert authordate.year({}) == "n.d."


def test_suffixes_follow_titles_and_run_past_z() -> None:
    entries = {
        f"k{i}": {
            "author": [{"family": "Lee"}],
            "title": f"T{i:02}",
            "issued": {"date-parts": [[2020]]},
        }
        for i in range(28)
    }
    entries["other"] = {"author": [{"family": "Lee"}], "issued": {"date-parts": [[2021]]}}
    suffixes = authordate.year_suffixes(entries)
    assert (suffixes["k0"], suffixes["k25"], suffixes["k26"], suffixes["k27"]) == (
        "a",
        "z",
        "aa",
        "ab",
    )
    assert "other" not in suffixes


def test_locators() -> None:
    assert authordate.locator("page", "5") == "p. 5"
    assert authordate.locator("page", "33-35") == "pp. 33–35"
    assert authordate.locator("chapter", "1") == "Chapter 1"
    assert authordate.locator("page", "") == ""


def test_suffix_goes_into_the_entry_once() -> None:
    entry = "Lee, A. (2020, May). Title (2020)."
    assert authordate.with_suffix(entry, "2020", "b") == "Lee, A. (2020b, May). Title (2020)."
    assert authordate.with_suffix(entry, "2020", "") == entry
