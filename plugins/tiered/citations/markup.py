"""What the citations' HTML shares: ids and anchors, ASCII output, plain text of HTML."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_NOT_ANCHOR = re.compile(r"[^\w-]+")
_TAG = re.compile(r"<[^>]+>")


def ascii_html(fragment: str) -> str:
    """``fragment`` with each non-ASCII character as a character reference (``&#252;``).

    The same HTML to a browser. Python keeps a string of pure ASCII at one byte a
    character and encodes it to UTF-8 by copying; a single ``↩`` in an otherwise ASCII
    page makes the whole rendered page (navigation included) a wide string, and writing
    it several times slower.
    """
    if fragment.isascii():
        return fragment
    return fragment.encode("ascii", "xmlcharrefreplace").decode("ascii")


def anchor_part(text: str) -> str:
    """A fragment of an id: ``topics/x/fundamentals/`` -> ``topics-x-fundamentals``."""
    return _NOT_ANCHOR.sub("-", text).strip("-") or "home"


def plain_text(entry_html: str) -> str:
    """A formatted entry as plain text, for a title attribute."""
    return " ".join(html.unescape(_TAG.sub("", entry_html)).split())


# The ids of a page's citations and reference list are the page's own: unique within
# it, not across the site. A joined PDF prefixes every page's ids (tiered.pdf.clean); a
# page-wide prefix here was 36 bytes an id, 46 ids a page (1.7 KB a tier page, 5 MB of
# a 1,000-topic library's HTML held while it builds). The site list's pages have no
# page list, so its ``ref-<key>`` ids never meet these.
LIST_TITLE_ID = "tiered-references"
"""The id of the heading of a page's reference list (an author's "References" heading
gets ``references``)."""


@dataclass(frozen=True)
class PageRefs:
    """A page's numbering: key -> number, in order of first citation."""

    numbers: dict[str, int]

    def ref_id(self, key: str) -> str:
        """The id of the entry for ``key`` in the page's list."""
        return f"ref-{anchor_part(key)}"

    def cite_id(self, index: int) -> str:
        """The id of the page's ``index``-th citation."""
        return cite_id(index)


def cite_id(index: int) -> str:
    """The id of a page's ``index``-th citation."""
    return f"cite-{index}"
