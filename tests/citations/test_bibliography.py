"""BibTeX to CSL-JSON: names, macros, months, pages, locators, and every mistake."""

from __future__ import annotations

from pathlib import Path

from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import given, settings
from hypothesis import strategies as st
from tiered.citations.bibliography import decode_accents, load_bibliography
from tiered.common.diagnostics import Diagnostic

FIXTURES = Path(__file__).parent / "fixtures"


def test_entries_become_csl_json() -> None:
    bibliography = load_bibliography(
        [("bib/a.bib", (FIXTURES / "a.bib").read_text(encoding="utf-8"))]
    )
    assert bibliography.entries["muller2020"].csl == {
        "id": "muller2020",
        "type": "article-journal",
        "author": [
            {"family": "Müller", "given": "Jörg"},
            {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der", "suffix": "Jr"},
            {"literal": "World Health Organization"},
        ],
        "title": "Bone loss in RANKL models",
        "container-title": "Journal of Bone and Mineral Research",
        "volume": "35",
        "issue": "2",
        "page": "1–10",
        "PMID": "31234567",
        "DOI": "10.1002/jbmr.1234",
        "issued": {"date-parts": [[2020, 1]]},
    }
    assert bibliography.entries["elocator2017"].csl["page"] == "6443"
    assert bibliography.entries["elocator2017"].csl["author"] == [
        {"family": "Cufí", "given": "S."},
        {"literal": "et al."},
    ]
    assert bibliography.entries["who2024"].csl == {
        "id": "who2024",
        "type": "webpage",
        "author": [{"literal": "World Health Organization"}],
        "title": "Fact sheet",
        "URL": "https://example.org/fact-sheet",
        "issued": {"date-parts": [[2024]]},
        "accessed": {"date-parts": [[2024, 5, 1]]},
    }
    assert bibliography.entries["muller2020"].location == "bib/a.bib:3"


def test_every_mistake_is_reported_with_its_place() -> None:
    bibliography = load_bibliography(
        (f"bib/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.bib"))
    )
    assert sorted(bibliography.diagnostics) == [
        Diagnostic(
            "bib/a.bib",
            25,
            "broken BibTeX entry: Unexpected block start: `@online`. "
            "Was still looking for field-value closing `,` or `}`",
        ),
        Diagnostic(
            "bib/a.bib", 39, "@article{nojournal2010} is missing 'journal' or 'journaltitle'"
        ),
        Diagnostic(
            "bib/a.bib",
            39,
            "nojournal2010: malformed DOI 'not-a-doi' (a DOI starts with 10. and a slash)",
        ),
        Diagnostic("bib/b.bib", 1, "duplicate bibliography key 'muller2020' (also at bib/a.bib:3)"),
    ]
    # The broken entry is lost, the rest are usable; the first of two duplicates wins.
    assert "broken2019" not in bibliography.entries
    assert bibliography.entries["muller2020"].path == "bib/a.bib"


def test_the_sites_references_are_clean() -> None:
    repo = Path(__file__).resolve().parents[2]
    text = (repo / "bib/references.bib").read_text(encoding="utf-8")
    bibliography = load_bibliography([("bib/references.bib", text)])
    assert bibliography.diagnostics == []
    assert len(bibliography.entries) == 10
    for entry in bibliography.entries.values():
        # Only what the source gives: no identifiers were invented.
        assert not {"DOI", "PMID", "PMCID", "URL"} & set(entry.csl), entry.key


_TOKENS = [
    "a", "E", "i", " ", "{", "}", "--", "---", "-", r"\&", "~", "x{Y}z",
    r"{\'e}", r"\'e", r"\'{e}", r"{\'{e}}", r"{\"u}", r"\"{U}", r"{\c{c}}", r"{\c c}",
    r"\v{s}", r"{\'\i}", r"\'{\i}", r"\~n", r"\^o", r"\`a", r"\=a", r"\.z", r"\u{g}",
    r"\H{o}", r"\k{a}", r"\r{a}", r"\'x", r"{\v{q}}", r"{\ss}", r"\textit{x}", "$x$",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=8))
def test_fast_accent_decoding_agrees_with_pylatexenc(tokens: list[str]) -> None:
    text = "".join(tokens)
    fast = decode_accents(text)
    if fast is not None:
        slow = LatexDecodingMiddleware(True, keep_braced_groups=True)
        assert fast == slow._transform_python_value_string(text)[0]


def test_fast_accent_decoding_leaves_the_rest_to_pylatexenc() -> None:
    assert decode_accents(r"M{\"u}ller -- {RANKL}") == "Müller – {RANKL}"
    assert decode_accents(r"{\ss}") is None
    assert decode_accents("x~y") is None
