"""Which page of a split site list holds each entry (pure, no MkDocs)."""

from __future__ import annotations

from tiered.citations.site_list import Parts, letter


def test_a_small_bibliography_stays_on_one_page() -> None:
    parts = Parts.split("references.md", {"a": ("abe",), "b": ("byrne",)}, 2)
    assert parts.paths == {}
    assert parts.page_of("a") == "references.md"


def test_a_big_bibliography_is_split_by_the_first_authors_letter() -> None:
    orders = {"z1": ("zed",), "a1": ("abe",), "a2": ("ahn",), "x": ("1st group",), "u": ("ulm",)}
    parts = Parts.split("about/sources.md", orders, 2)
    assert parts.paths == {
        "A": "about/sources/a.md",
        "U": "about/sources/u.md",
        "Z": "about/sources/z.md",
        "#": "about/sources/other.md",
    }
    assert [parts.page_of(key) for key in ("a1", "a2", "x")] == [
        "about/sources/a.md",
        "about/sources/a.md",
        "about/sources/other.md",
    ]


def test_a_letter_bigger_than_a_page_is_cut_into_even_runs_in_list_order() -> None:
    orders = {f"s{n}": (f"smith{n:02d}",) for n in range(7)} | {"b": ("byrne",)}
    parts = Parts.split("references.md", orders, 3)
    assert parts.labels == ["B", "S 1", "S 2", "S 3"]
    assert parts.paths["S 2"] == "references/s-2.md"
    runs = [[k for k in sorted(orders) if parts.parts[k] == label] for label in parts.labels]
    assert runs == [["b"], ["s0", "s1"], ["s2", "s3"], ["s4", "s5", "s6"]]


def test_a_split_list_cuts_letters_by_per_page_not_by_the_threshold() -> None:
    # 8 entries, split above 5: the letters get pages, S (7) in runs of at most 4.
    orders = {f"s{n}": (f"smith{n:02d}",) for n in range(7)} | {"b": ("byrne",)}
    parts = Parts.split("references.md", orders, 5, per_page=4)
    assert parts.labels == ["B", "S 1", "S 2"]
    runs = [[k for k in sorted(orders) if parts.parts[k] == label] for label in parts.labels]
    assert runs == [["b"], ["s0", "s1", "s2"], ["s3", "s4", "s5", "s6"]]
    # Below the threshold the list stays one page, whatever ``per_page`` says.
    assert Parts.split("references.md", orders, 8, per_page=2).labels == []


def test_letters_fold_case_and_leave_other_scripts_to_one_part() -> None:
    assert [letter(text) for text in ("müller", "Zed", "ωmega", "", "9")] == [
        "M",
        "Z",
        "#",
        "#",
        "#",
    ]
