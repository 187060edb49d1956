"""Links from one page to many others, as :func:`mkdocs.utils.get_relative_url` makes them.

The glossary links every page to its terms' letter pages and each letter page back to
the pages that use its terms: at 1,000 topics that is over 100,000 relative URLs, and
MkDocs' function normalises both paths every time (5 us a call: most of the glossary's
own time in ``on_page_context``). :class:`RelativeUrls` normalises its page's URL once;
a URL that is already normal (every page's URL is) is then split and compared without
normalising. Anything else (a leading slash, ``.`` or ``..`` segments, doubled slashes)
goes to MkDocs' function, so the result is always the same as its.

Top floor (it knows MkDocs).
"""

from __future__ import annotations

import posixpath

from mkdocs.utils import get_relative_url


class RelativeUrls:
    """URLs relative to the page at ``base`` (its ``page.url``), cached by URL.

    Args:
        base: The URL of the page the links are on.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        # As get_relative_url reads ``other``: a last segment with a dot is a file name.
        directory, _, name = base.rpartition("/")
        other = directory if "." in name else base
        path = posixpath.normpath(other if other.startswith("/") else "/" + other)[1:]
        self._parts = path.split("/") if path else []
        self._cache: dict[str, str] = {}

    def __call__(self, url: str) -> str:
        """``url`` relative to the base page."""
        found = self._cache.get(url)
        if found is None:
            found = self._cache[url] = self._relative(url)
        return found

    def _relative(self, url: str) -> str:
        if not _is_normal(url):
            return get_relative_url(url, self.base)
        dest = url.rstrip("/").split("/") if url.strip("/") else []
        parts = self._parts
        common = 0
        for a, b in zip(parts, dest, strict=False):
            if a != b:
                break
            common += 1
        relative = "/".join([".."] * (len(parts) - common) + dest[common:]) or "."
        return relative + "/" if url.endswith("/") else relative


def _is_normal(url: str) -> bool:
    """Whether ``url`` is unchanged by normalisation but for its trailing slash."""
    # No leading or doubled slash, no segment starting with a dot (".", "..").
    return not (url.startswith("/") or "//" in url or "/." in "/" + url)
