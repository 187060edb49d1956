"""The render step's own pieces."""

from __future__ import annotations

import pydyf
from tiered.pdf.render import _cache_page_references


def test_cached_page_references_follow_added_pages() -> None:
    _cache_page_references()
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
