"""Static audit of a built site: does any file make the browser load from another host?

HTML is parsed for every attribute that makes a browser fetch something; CSS for
``url()`` and ``@import``; JavaScript for absolute URLs in string literals. Links a
reader clicks (``<a href>``) are fine. Known URLs inside the theme's bundle that run
only under conditions this site never meets are listed in ``THEME_CONDITIONAL``, each
with the condition, and the site's own checks assert those conditions.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Attributes that make a browser fetch something, per tag ("*" = any tag).
_FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "form": ("action",),
}
_FETCHING_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "prerender",
}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)
_JS_URL = re.compile(r"[\"'`]((?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\"'`\s]*)")
_NAMESPACES = re.compile(r"^https?://www\.w3\.org/")

# Material's bundle: URLs it uses only under conditions this site never meets.
THEME_CONDITIONAL = {
    "https://api.github.com/": "only with repo_url pointing at GitHub; the site sets none",
    "https://unpkg.com/mermaid": "only for Mermaid diagrams; the site has none",
    "https://unpkg.com/resize-observer-polyfill": (
        "only in browsers without ResizeObserver (all current browsers have it)"
    ),
}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        names = _FETCHING.get(tag, ())
        if tag == "link" and _FETCHING_LINK_RELS & set(values.get("rel", "").lower().split()):
            names = ("href",)
        for name in names:
            for url in re.split(r",\s*", values.get(name, "")):
                if _EXTERNAL.match(url):
                    self.found.append(f"<{tag} {name}={url.strip()!r}>")
        if style := values.get("style"):
            self.found += [f"style url {u}" for u in _css_urls(style)]

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.found += [f"<style> url {u}" for u in _css_urls(data)]


def _css_urls(css: str) -> list[str]:
    urls = (a or b for a, b in _CSS_URL.findall(css))
    return [u for u in urls if _EXTERNAL.match(u)]


def external_loads(site: Path) -> list[str]:
    """Every place in ``site`` that would load something from another host."""
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in {".html", ".css", ".js", ".svg"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site).as_posix()
        if suffix in {".html", ".svg"}:
            scanner = _Scanner()
            scanner.feed(text)
            problems += [f"{rel}: {found}" for found in scanner.found]
        elif suffix == ".css":
            problems += [f"{rel}: url {u}" for u in _css_urls(text)]
        else:
            for url in _JS_URL.findall(text):
                if _NAMESPACES.match(url) or any(url.startswith(k) for k in THEME_CONDITIONAL):
                    continue
                problems.append(f"{rel}: script URL {url}")
    return problems
