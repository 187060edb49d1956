"""One built page cleaned for print: the site's furniture removed, ids made unique.

What the levels plugin's markup says (tier order, tier label, review date, category) is read
before that markup goes; images are checked (a missing or remote one becomes its
description); links are sorted by :func:`tiered.pdf.links.rewrite_link`.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tiered.pdf.links import rewrite_link
from tiered.pdf.model import SitePage
from tiered.pdf.names import is_slug, site_file
from tiered.pdf.tree import HEADINGS, classes, content_root, heading_text

# The site's furniture: navigation between tiers, badges (their text moves to the
# chapter heading), back-links, permalinks, edit buttons, things only a browser uses.
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "form", "button", "input", "link"}
)
_DROP_TAGS |= {"video", "audio", "embed", "object", "select", "textarea", "dialog", "meta"}
_DROP_CLASSES = frozenset(
    {
        "tiered-switcher",
        "tiered-stepper",
        "tiered-badge",
        "tiered-reviewed",
        "tiered-cards",
        "tiered-pdf-links",
        "headerlink",
        "references__back",
        "md-source-file",
        "md-content__button",
        "md-feedback",
    }
)


# Attributes (besides ``<img src>`` and links) naming a file WeasyPrint would embed.
_SOURCE_ATTRIBUTES = ("src", "href", "xlink:href")


def page_key(path: str) -> str:
    """A short id prefix for a page: ``topics/x/fundamentals/index.html`` -> ``p-topics-x-...``."""
    stem = path.removesuffix("index.html").removesuffix(".html").strip("/") or "home"
    return "p-" + "".join(ch if ch.isalnum() else "-" for ch in stem)


def clean_page(root: ET.Element, site_root: Path, path: str) -> SitePage:
    """The page at ``path`` (site-relative), parsed as ``root``, cleaned for print."""
    return _Cleaner(site_root, path).read(root)


def _remove(parent: ET.Element, child: ET.Element) -> None:
    """Remove ``child`` but keep the text that followed it."""
    tail = child.tail
    index = list(parent).index(child)
    parent.remove(child)
    if tail:
        if index > 0:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _splice(parent: ET.Element, child: ET.Element) -> None:
    """Replace ``child`` by its content: fewer boxes for the layout to break into lines."""
    index = list(parent).index(child)
    kids = list(child)
    parent.remove(child)
    text = child.text or ""
    if text and index > 0:
        parent[index - 1].tail = (parent[index - 1].tail or "") + text
    elif text:
        parent.text = (parent.text or "") + text
    for offset, kid in enumerate(kids):
        parent.insert(index + offset, kid)
    tail = child.tail or ""
    if kids:
        kids[-1].tail = (kids[-1].tail or "") + tail
    elif tail and index > 0:
        parent[index - 1].tail = (parent[index - 1].tail or "") + tail
    elif tail:
        parent.text = (parent.text or "") + tail


def _unwrap(element: ET.Element) -> None:
    """Turn a link into a plain ``span`` with the same content."""
    element.tag = "span"
    element.attrib.clear()


class _Cleaner:
    """Cleans one page's content for print (one instance per page)."""

    def __init__(self, site_root: Path, path: str) -> None:
        self.site_root = site_root
        self.path = path
        self.key = page_key(path)
        self.directory = posixpath.dirname(path)
        self.page = SitePage(path=path, key=self.key, title="", lang="")

    def read(self, root: ET.Element) -> SitePage:
        page = self.page
        page.lang = root.get("lang") or ""
        for meta in root.iter("meta"):
            name = meta.get("name")
            if name == "tiered:tier":
                page.tier = meta.get("content") or None
            elif name == "tiered:category":
                page.category = self._category(meta.get("content") or "")
            elif name == "tiered:category-title":
                page.category_title = " ".join((meta.get("content") or "").split())
        content = content_root(root)
        self._furniture(content)
        self._clean(content)
        content.tag = "div"
        content.attrib.clear()
        content.set("class", "page-content")
        page.content = content
        has_text = any(text.strip() for text in content.itertext())
        page.is_empty = not has_text and content.find(".//img") is None
        return page

    def _category(self, slug: str) -> str | None:
        """A category slug from the head, if it is one (it names files of the export)."""
        if is_slug(slug):
            return slug
        self.page.warnings.append(
            f'{self.path}: <meta name="tiered:category"> {slug!r} is not a category slug '
            "(a-z, 0-9, - and _): the page is in no category PDF"
        )
        return None

    def _furniture(self, content: ET.Element) -> None:
        """Read what the levels plugin's markup says before it is removed."""
        page = self.page
        for element in content.iter():
            names = classes(element)
            if "tiered-switcher" in names:
                page.tier_order = tuple(
                    a.get("data-tier", "") for a in element.iter("a") if a.get("data-tier")
                )
            elif "tiered-badge__label" in names:
                page.tier_label = " ".join("".join(element.itertext()).split())
            elif "tiered-reviewed" in names:
                time = element.find(".//time")
                if time is not None:
                    page.reviewed = time.get("datetime")
                    page.reviewed_text = " ".join("".join(time.itertext()).split())

    def _clean(self, parent: ET.Element) -> None:
        for child in list(parent):
            if not isinstance(child.tag, str):  # a comment or processing instruction
                _remove(parent, child)
                continue
            tag = child.tag
            if (
                tag in _DROP_TAGS
                or classes(child) & _DROP_CLASSES
                or "hidden" in child.attrib
                or tag.startswith("md-")
            ):
                _remove(parent, child)
                continue
            if tag == "h1" and not self.page.title:
                self.page.title = heading_text(child)
                _remove(parent, child)
                continue
            if tag in HEADINGS:
                self.page.headings.append((child, HEADINGS[tag]))
            self._attributes(child)
            if tag == "a":
                kind = rewrite_link(child, self.page, self.site_root)
                if kind == "text":
                    _unwrap(child)
                self._clean(child)
                if kind == "term":
                    _splice(parent, child)
                continue
            if tag == "img":
                if self._image(child):
                    continue
            elif not self._sources(child):
                _remove(parent, child)
                continue
            self._clean(child)

    def _attributes(self, element: ET.Element) -> None:
        for name in ("id", "for"):
            value = element.get(name)
            if value:
                element.set(name, f"{self.key}-{value}")
        for name in ("aria-labelledby", "aria-describedby", "headers"):
            value = element.get(name)
            if value:
                element.set(name, " ".join(f"{self.key}-{v}" for v in value.split()))
        for name in ("style", "onclick", "onload", "srcset", "sizes", "loading", "tabindex"):
            element.attrib.pop(name, None)

    def _image(self, image: ET.Element) -> bool:
        """Point the image at its file; a missing or remote one becomes its alt text."""
        uri, problem = self._site_file((image.get("src") or "").strip(), "image")
        if not problem:
            if uri:
                image.set("src", uri)
            return False
        self.page.warnings.append(f"{self.path}: {problem}; the PDF shows its description")
        alt = image.get("alt") or ""
        image.tag = "span"
        image.attrib.clear()
        image.set("class", "missing-image")
        image.text = f"[Image: {alt}]" if alt else "[Image]"
        return True

    def _sources(self, element: ET.Element) -> bool:
        """Check what else WeasyPrint would fetch (an SVG's ``<image>``, ``<use>``).

        Returns False when the element names a file it may not show: it is then removed.
        """
        if not element.attrib:
            return True
        for name in _SOURCE_ATTRIBUTES:
            value = (element.get(name) or "").strip()
            if not value or value.startswith("#"):
                continue
            uri, problem = self._site_file(value, f"<{element.tag}> source")
            if problem:
                self.page.warnings.append(f"{self.path}: {problem}; it is left out of the PDF")
                return False
            if uri:
                element.set(name, uri)
        return True

    def _site_file(self, src: str, what: str) -> tuple[str, str]:
        """``src`` as the ``file:`` URI of a file of the site, or what is wrong with it.

        Returns ``("", "")`` for a ``data:`` URL, which is kept as it is.
        """
        parts = urlsplit(src)
        if parts.scheme == "data":
            return "", ""
        if parts.scheme == "file":
            file = site_file(src, self.site_root)
        elif parts.scheme or parts.netloc:
            return "", f"remote {what} '{src}' is not embedded (the PDF export fetches nothing)"
        elif not parts.path:
            return "", f"{what} without a source"
        else:
            # A path from the site's root ("/x.png") is a path inside the site too.
            path = unquote(parts.path)
            start = "" if path.startswith("/") else self.directory
            target = posixpath.normpath(posixpath.join(start, path.lstrip("/")))
            resolved = (self.site_root / target).resolve()  # symlinks followed
            file = resolved if resolved.is_relative_to(self.site_root.resolve()) else None
        if file is None:
            return "", f"{what} '{src}' is outside the site folder"
        if not file.is_file():
            return "", f"{what} '{src}' not found in the site"
        return file.as_uri(), ""
