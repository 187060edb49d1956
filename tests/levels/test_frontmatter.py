"""Front matter with line numbers, and the parser's robustness."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tiered.common.frontmatter import block_end, parse_front_matter, unknown_fields


def test_fields_know_their_lines() -> None:
    meta = parse_front_matter("---\ntitle: A\n\ntier: academic\n---\n# Body\n", "p.md")
    assert meta.present
    assert meta.data == {"title": "A", "tier": "academic"}
    assert meta.lines == {"title": 2, "tier": 4}
    assert meta.line_of("missing") == 1
    assert meta.error is None


def test_the_block_alone_reads_as_the_whole_source() -> None:
    source = "---\ntier: academic\nreviewed: 2026-01-05\n---\n# Body\n\nText.\n"
    whole = parse_front_matter(source, "p.md")
    block = parse_front_matter(source[: block_end(source)], "p.md")
    assert block is whole  # one cached parse, whoever asks
    assert whole.body_offset == source.index("# Body")
    # What follows the block changes nothing; the block itself does.
    assert parse_front_matter(source + "More.\n", "p.md") is whole
    assert parse_front_matter(source.replace("academic", "fundamentals"), "p.md") is not whole


def test_no_front_matter() -> None:
    meta = parse_front_matter("# Just a page\n", "p.md")
    assert not meta.present
    assert meta.data == {}


def test_yaml_error_names_line_and_column() -> None:
    meta = parse_front_matter("---\ntier: academic\nsummary: [unclosed\n---\n", "p.md")
    assert meta.error is not None
    assert meta.error.location.startswith("p.md:")
    assert meta.error.line >= 3
    assert "front matter is not valid YAML" in meta.error.message


def test_front_matter_must_be_a_mapping() -> None:
    meta = parse_front_matter("---\n- a\n- b\n---\n", "p.md")
    assert meta.error is not None
    assert str(meta.error) == "p.md:2: front matter must be a mapping of 'field: value' lines"


def test_dates_stay_text_so_callers_can_report_them() -> None:
    meta = parse_front_matter("---\nreviewed: 2024-13-01\n---\n", "p.md")
    assert meta.error is None
    assert meta.data == {"reviewed": "2024-13-01"}


def test_body_offset_skips_the_block() -> None:
    text = "---\ntitle: A\n---\n# Body\n"
    meta = parse_front_matter(text, "p.md")
    assert text[meta.body_offset :] == "# Body\n"


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    meta = parse_front_matter(text, "p.md")
    assert isinstance(meta.data, dict)
    assert all(line >= 2 for line in meta.lines.values())


@given(st.text())
def test_never_raises_inside_a_block(body: str) -> None:
    meta = parse_front_matter(f"---\n{body}\n---\n", "p.md")
    assert isinstance(meta.data, dict)
    if meta.error is not None:
        assert meta.error.line >= 1


@given(st.text(), st.sets(st.text(max_size=12), max_size=8))
def test_unknown_fields_never_raises(body: str, known: set[str]) -> None:
    meta = parse_front_matter(f"---\n{body}\n---\n", "p.md")
    for diagnostic in unknown_fields(meta, known, "remove it"):
        assert diagnostic.message.startswith("front matter field '")
        assert diagnostic.line >= 1
