"""Links from a site list page to the pages citing its entries (pure, no build)."""

from __future__ import annotations

import itertools

from mkdocs.utils import get_relative_url
from tiered.citations.resolver import LinksFrom

# Every path of up to three parts from these: page URLs as MkDocs writes them
# (directory and .html), and what it would normalise (".", "..", "//", "/x").
_PARTS = ["", ".", "..", "a", "b", "x.html", "index.html"]
PATHS = sorted({"/".join(p) for n in range(4) for p in itertools.product(_PARTS, repeat=n)})


def test_a_link_from_a_page_is_what_get_relative_url_gives() -> None:
    wrong = [
        (base, url, LinksFrom(base)(url))
        for base in PATHS
        for url in PATHS
        if LinksFrom(base)(url) != get_relative_url(url, base)
    ]
    assert wrong == []


def test_links_from_a_letter_page_go_up_to_the_citing_pages() -> None:
    href = LinksFrom("references/b/")
    assert href("topics/bones/fundamentals/") == "../../topics/bones/fundamentals/"
    assert href("references/c/") == "../c/"
    assert LinksFrom("references/b.html")("topics/bones.html") == "../topics/bones.html"
