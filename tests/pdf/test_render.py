"""The render step's own pieces."""

from __future__ import annotations

from pathlib import Path

import pydyf
from tiered.pdf.render import Job, _cached_page_references, render

UNPATCHED = pydyf.PDF.__dict__["page_references"]


def test_cached_page_references_follow_added_pages() -> None:
    with _cached_page_references():
        pdf = pydyf.PDF()
        assert pdf.page_references == ()
        first = pydyf.Dictionary({"Type": "/Page"})
        pdf.add_page(first)
        assert pdf.page_references == (f"{first.number} 0 R".encode(),)
        second = pydyf.Dictionary({"Type": "/Page"})
        pdf.add_page(second)
        assert pdf.page_references == (
            f"{first.number} 0 R".encode(),
            f"{second.number} 0 R".encode(),
        )
    assert pydyf.PDF.__dict__["page_references"] is UNPATCHED


def test_pydyf_is_patched_only_while_rendering(tmp_path: Path) -> None:
    """The cache is in force inside the render call and gone after it, success or not."""
    html = '<html lang="en"><head><title>T</title></head><body><p>Text</p></body></html>'
    assert pydyf.PDF.__dict__["page_references"] is UNPATCHED
    result = render(Job("t.pdf", html, str(tmp_path), str(tmp_path / "t.pdf")))
    assert result.ok, result.error
    assert result.pages == 1
    assert pydyf.PDF.__dict__["page_references"] is UNPATCHED
    # A document that cannot be written (a folder where the PDF goes) restores it too.
    (tmp_path / "d.pdf").mkdir()
    failed = render(Job("d.pdf", html, str(tmp_path), str(tmp_path / "d.pdf")))
    assert failed.error.startswith("IsADirectoryError: ")
    assert pydyf.PDF.__dict__["page_references"] is UNPATCHED
