"""Paths: where each PDF goes, what its temporary files are called, what it may embed.

The one naming rule the links, the export and the clean-up of a killed export share,
and the one rule for which files of the site a PDF may show.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit


def topic_path(slug: str) -> str:
    """``topics/<topic folder name>.pdf``."""
    return f"topics/{slug}.pdf"


def tier_path(tier: str) -> str:
    """``tiers/<tier name>.pdf``."""
    return f"tiers/{tier}.pdf"


def library_path() -> str:
    """``library.pdf``."""
    return "library.pdf"


def category_path(slug: str) -> str:
    """``categories/<category slug>.pdf``: the category's topics at every reading level."""
    return f"categories/{slug}.pdf"


def category_tier_path(slug: str, tier: str) -> str:
    """``categories/<category slug>/<tier name>.pdf``: the category's topics at one tier."""
    return f"categories/{slug}/{tier}.pdf"


# A category slug as tiered/levels allows it (bounded: it names a file). ``_other``, the
# shelf of topics in no category, is no slug, so it can never clash with one.
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")


def is_slug(name: str) -> bool:
    """Whether ``name`` may be a category slug (and so a file name of the export)."""
    return _SLUG.fullmatch(name) is not None


# What a temporary file's name says after the PDF's name: a process id (a PDF being
# written, then renamed), or a stage of a document rendered in parts.
_STAGES = frozenset({"draft", "front", "numbers"})


def temporary_path(target: Path, tag: str) -> Path:
    """``.<name>.<tag>.tmp`` next to ``target``: hidden, and never taken for a PDF."""
    return target.with_name(f".{target.name}.{tag}.tmp")


def is_temporary(name: str) -> bool:
    """Whether ``name`` is one of the export's own temporary files (see :func:`temporary_path`).

    Only these are removed as leftovers of a killed export: ``.<x>.pdf.<tag>.tmp`` with a
    process id, ``partN`` or a stage as the tag, or a temporary of such a file.
    """
    if not (name.startswith(".") and name.endswith(".tmp")):
        return False
    base, _, tag = name[1:-4].rpartition(".")
    number = tag.removeprefix("part")
    if not (tag in _STAGES or (number.isascii() and number.isdigit())):
        return False
    return base.endswith(".pdf") or is_temporary(base)


def remove_temporaries(folder: Path) -> list[Path]:
    """Delete the export's temporary files under ``folder``; returns what was deleted.

    What a killed export left would otherwise stay, and be deployed with the site.
    """
    removed = []
    for path in sorted(folder.rglob(".*.tmp")) if folder.is_dir() else []:
        if is_temporary(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def site_file(url: str, root: Path) -> Path | None:
    """The file a ``file:`` URL names, symlinks resolved, if it is inside ``root``.

    A relative path is taken from ``root``, never from the current directory; a host
    other than ``localhost`` names another machine, and is refused.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc.lower() not in {"", "localhost"}:
        return None
    from urllib.request import url2pathname  # noqa: PLC0415 - it loads http.client, ssl

    path = Path(url2pathname(parts.path))
    resolved = (root / path).resolve()  # an absolute path replaces root
    return resolved if resolved.is_relative_to(root.resolve()) else None
