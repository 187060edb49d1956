"""HTML5 validity of built pages: WHATWG parse errors (html5lib) and duplicate ids.

html5lib implements the HTML5 parsing algorithm and reports every parse error the
standard names (stray or misnested end tags, bad attributes, unclosed elements...).
``HTMLParser(strict=True)`` would raise at the first one; the same parser with
``strict=False`` collects them all, so a failing page lists every error at once. The
parser does not check content models, so ids, which the popovers and the reference
lists rely on, are checked here for uniqueness on top.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import html5lib


def html_errors(html: str | bytes) -> list[str]:
    """Every parse error and duplicate id in one document, as readable lines."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parse(html)
    errors: list[str] = []
    for (line, column), code, data in parser.errors:
        details = ", ".join(f"{key}={value!r}" for key, value in sorted(dict(data or {}).items()))
        errors.append(f"{line}:{column}: {code}" + (f" ({details})" if details else ""))
    ids = Counter(element.get("id") for element in tree.iter() if element.get("id"))
    errors += [f"duplicate id {name!r} ({count} times)" for name, count in ids.items() if count > 1]
    return errors


def site_errors(site: Path) -> dict[str, list[str]]:
    """``html_errors`` for every HTML file of a built site, keyed by its path in the site."""
    return {
        path.relative_to(site).as_posix(): html_errors(path.read_bytes())
        for path in sorted(site.rglob("*.html"))
    }
