"""The search index of a dirty rebuild: the pages not rendered keep their entries.

The search plugins (MkDocs' and Material's) write ``search/search_index.json`` from
the pages rendered in the build; in a dirty rebuild that is the edited page and the
generated ones that changed, so search would forget the rest of the library. Material
merges the previous index itself, but by the first entry's address only (a generated
page rendered again kept its old entries beside the new ones; when the home page
renders, everything else goes), and it writes the whole index on every save.

:class:`KeptIndex` does the merge by page instead: it keeps every page's entries as
JSON text, and after each build rewrites the file the search plugin wrote with the
entries of the pages rendered now (read from that file) and the kept text of every other
page that still exists. A rebuild parses and serialises only the rendered pages'
entries, not the 1,000-topic index (about 0.7 s a save): :func:`stop_search_merge`
turns Material's own merge off, so its file holds only them too.

Top floor: it reads the documented file format (``{"config": ..., "docs": [{"location":
...}]}``); of a search plugin's internals only Material's ``search_index_prev``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from collections.abc import Iterable

INDEX = Path("search") / "search_index.json"
_COMPACT = (",", ":")


def page_of(location: str) -> str:
    """The page address of a search entry's location (without its ``#section``).

    Also of a ``page.url``: the home page's is ``./``, its entries' location is empty.
    """
    page = location.partition("#")[0]
    return "" if page == "./" else page


class KeptIndex:
    """Every page's search entries as JSON text, kept across the rebuilds of a serve."""

    def __init__(self) -> None:
        self._pages: dict[str, str] = {}

    def clear(self) -> None:
        """Forget every entry (a clean build)."""
        self._pages = {}

    def __len__(self) -> int:
        return len(self._pages)

    def merge(self, site_dir: Path, rendered: set[str], present: set[str]) -> bool:
        """Rewrite the index in ``site_dir``; return whether there was one to merge.

        Args:
            site_dir: The site folder.
            rendered: The addresses (:func:`page_of` a ``page.url``) of the pages rendered in
                this build: their entries are the file's (none: the page has none).
            present: The addresses of every page of the site now: the others' go.
        """
        path = site_dir / INDEX
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        docs = data.get("docs") if isinstance(data, dict) else None
        if not isinstance(docs, list) or "index" in data:
            return False  # not the format this knows (a prebuilt index cannot be merged)
        fresh: dict[str, list[str]] = {}
        for doc in docs:
            page = page_of(str(doc.get("location"))) if isinstance(doc, dict) else None
            # A page not rendered now keeps its own entries, whatever else the file says.
            if page is not None and page in rendered:
                fresh.setdefault(page, []).append(json.dumps(doc, separators=_COMPACT))
        pages = self._pages
        for page in rendered:
            pages.pop(page, None)
        for page, entries in fresh.items():
            pages[page] = ",".join(entries)
        self._pages = pages = {page: text for page, text in pages.items() if page in present}
        # The file's other keys ("config") as written, then the entries, spliced into
        # the empty list that closes the serialised object.
        rest = {key: value for key, value in data.items() if key != "docs"}
        head = json.dumps({**rest, "docs": []}, separators=_COMPACT)
        text = head.removesuffix("[]}") + "[" + ",".join(pages.values()) + "]}"
        path.write_text(text, encoding="utf-8")
        return True


@runtime_checkable
class _MergingSearch(Protocol):
    """Material's search plugin: keeps the last index to merge into the next."""

    search_index_prev: object


def stop_search_merge(plugins: Iterable[object]) -> None:
    """Drop the index a search plugin kept to merge into the next build's itself.

    Material's keeps it in dirty builds (``search_index_prev``) and then writes every
    page's entries on every save; without it, it writes the rendered pages' only, and
    :class:`KeptIndex` adds the others. Call after the search plugin's ``on_post_build``.
    """
    for plugin in plugins:
        if isinstance(plugin, _MergingSearch):
            plugin.search_index_prev = None
