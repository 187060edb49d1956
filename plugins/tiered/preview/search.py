"""The search index of a dirty rebuild: the pages not rendered keep their entries.

The search plugins (MkDocs' and Material's) write ``search/search_index.json`` from
the pages rendered in the build; in a dirty rebuild that is the edited page and the
generated ones, so search would forget the rest of the library (Material merges the
previous index, but by the first page's address only, which doubles the generated
pages' entries and, when the home page renders, drops everything). This rewrites the
file the search plugin wrote: the entries of pages rendered now, then, for every other
page that still exists, its entries from the last index.

Top floor: it reads the documented file format (``{"config": ..., "docs": [{"location":
...}]}``), never a search plugin's internals.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"


def page_of(location: str) -> str:
    """The page address of a search entry's location (without its ``#section``).

    Also of a ``page.url``: the home page's is ``./``, its entries' location is empty.
    """
    page = location.partition("#")[0]
    return "" if page == "./" else page


def merge_index(
    site_dir: Path, rendered: set[str], present: set[str], previous: list[dict[str, Any]]
) -> list[dict[str, Any]] | None:
    """Rewrite the index in ``site_dir``; return its entries (None: no index to merge).

    Args:
        site_dir: The site folder.
        rendered: The addresses (:func:`page_of` a ``page.url``) of the pages rendered in
            this build.
        present: The addresses of every page of the site now.
        previous: The entries of the index the last build wrote.
    """
    path = site_dir / INDEX
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    docs = data.get("docs") if isinstance(data, dict) else None
    if not isinstance(docs, list) or "index" in data:
        return None  # not the format this knows (a prebuilt index cannot be merged)
    fresh = [d for d in docs if isinstance(d, dict) and page_of(str(d.get("location"))) in rendered]
    kept = [
        d
        for d in previous
        if page_of(str(d.get("location"))) not in rendered
        and page_of(str(d.get("location"))) in present
    ]
    data["docs"] = kept + fresh
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return list(data["docs"])
