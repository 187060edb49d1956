"""Read a built site: its tier pages, topics and tiers, each page's article content.

Works on any built site folder, not on MkDocs objects: what it needs is the levels
plugin's documented markup (``<meta name="tiered:tier">``, ``nav.tiered-switcher``,
``p.tiered-badge``, ``p.tiered-reviewed``), the glossary's ``a.tiered-glossary-term``
and the citations' ``section.references``. A topic is the folder holding tier pages
(``topics/<slug>/<tier>/index.html``, or ``topics/<slug>/<tier>.html`` without
directory URLs); its landing page is that folder's ``index.html``.

Each page is parsed once and cleaned
for print: the site's furniture removed, ids made unique across a document, images
checked, glossary links turned into text. Links to other pages are kept as
:class:`CrossLink` so each document decides whether they point inside it.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tiered.common.text import sort_key

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
# Identifiers readers should be able to read on paper: print the whole address.
PRINTED_HOSTS = frozenset(
    {
        "doi.org",
        "dx.doi.org",
        "pubmed.ncbi.nlm.nih.gov",
        "www.ncbi.nlm.nih.gov",
        "pmc.ncbi.nlm.nih.gov",
    }
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass
class CrossLink:
    """A link from one page of the site to another page (and maybe an anchor on it)."""

    element: ET.Element
    target: str  # site-relative path of the target HTML file
    fragment: str


@dataclass
class GlossaryUse:
    """A glossary term mentioned on a page."""

    anchor: str  # the entry's id on the glossary page
    glossary_page: str  # site-relative path of the glossary page
    text: str  # the words the page used
    definition: str  # the link's title: the short definition for that page's tier


@dataclass
class SitePage:
    """One built page, cleaned for print."""

    path: str  # site-relative path of its HTML file, ``topics/x/fundamentals/index.html``
    key: str  # prefix that makes its ids unique inside any document
    title: str
    lang: str
    tier: str | None = None
    tier_label: str = ""
    tier_order: tuple[str, ...] = ()
    reviewed: str | None = None  # ISO date
    reviewed_text: str = ""
    content: ET.Element = field(default_factory=lambda: ET.Element("div"))
    headings: list[tuple[ET.Element, int]] = field(default_factory=list)
    cross_links: list[CrossLink] = field(default_factory=list)
    glossary: list[GlossaryUse] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    is_empty: bool = False  # no text or figure left once the furniture is gone

    def sections(self) -> list[tuple[str, str]]:
        """``(id, text)`` of its second-level headings, for the contents."""
        return [
            (h.get("id", ""), heading_text(h))
            for h, level in self.headings
            if level == 2 and h.get("id")
        ]


@dataclass
class Topic:
    """A topic folder: its landing page (if any) and its tier pages, simplest first."""

    slug: str
    folder: str  # site-relative folder, ``topics/x``
    title: str
    pages: list[SitePage] = field(default_factory=list)


@dataclass
class Site:
    """What the PDF export knows about a built site."""

    root: Path
    lang: str = "en"
    topics: dict[str, Topic] = field(default_factory=dict)
    tiers: dict[str, str] = field(default_factory=dict)  # name -> label, simplest first
    glossary_names: dict[tuple[str, str], str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def tier_pages(self, tier: str) -> list[tuple[Topic, SitePage]]:
        """Every topic's page at ``tier``, topics in title order."""
        return [
            (topic, page)
            for topic in self.ordered_topics()
            for page in topic.pages
            if page.tier == tier
        ]

    def ordered_topics(self) -> list[Topic]:
        """Topics by title (accent- and case-insensitive), then slug."""
        return sorted(self.topics.values(), key=lambda t: (sort_key(t.title), t.slug))


def heading_text(element: ET.Element) -> str:
    """A heading's words, without the permalink sign."""
    return " ".join("".join(element.itertext()).replace("¶", "").split())


def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)


class _TreeParser(HTMLParser):
    """HTML to an ElementTree, for the well-formed HTML MkDocs writes.

    The standard library's tokenizer with the C tree builder: several times faster than
    an HTML5 parser, which matters on a large site. Tags left open are closed at the
    next matching end tag or at the end; stray end tags are ignored.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = ET.TreeBuilder()
        self.builder.start("root", {})
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, {name: value or "" for name, value in attrs})
        if tag in _VOID:
            self.builder.end(tag)
        else:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, {name: value or "" for name, value in attrs})
        self.builder.end(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return
        while self.open:
            name = self.open.pop()
            self.builder.end(name)
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        self.builder.data(data)

    def finish(self) -> ET.Element:
        self.close()
        while self.open:
            self.builder.end(self.open.pop())
        self.builder.end("root")
        root: ET.Element = self.builder.close()
        return root


def parse_html(text: str) -> ET.Element:
    """A ``root`` element holding whatever ``text`` holds."""
    parser = _TreeParser()
    parser.feed(text)
    return parser.finish()


_ARTICLE = '<article class="md-content__inner'


def _parse(path: Path) -> ET.Element:
    """The page's ``<html>`` element, with its head and (at least) its article.

    On a Material page only the ``<article>`` is parsed from the body: the navigation
    around it lists every page of the site and would make reading a large site slow.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    start = text.find(_ARTICLE)
    end = text.rfind("</article>")
    if start != -1 and end > start:
        head_end = text.find("</head>")
        text = text[: max(head_end, 0)] + "</head><body>" + text[start : end + 10] + "</body>"
    root = parse_html(text)
    html = root.find("html")
    return html if html is not None else root


def _content_root(root: ET.Element) -> ET.Element:
    """The article: Material's ``article.md-content__inner``, else ``[role=main]``, ``main``."""
    for element in root.iter("article"):
        if "md-content__inner" in _classes(element):
            return element
    for element in root.iter():
        if element.get("role") == "main":
            return element
    main = root.find(".//main")
    if main is not None:
        return main
    body = root.find("body")
    return body if body is not None else root


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


def page_key(path: str) -> str:
    """A short id prefix for a page: ``topics/x/fundamentals/index.html`` -> ``p-topics-x-...``."""
    stem = path.removesuffix("index.html").removesuffix(".html").strip("/") or "home"
    return "p-" + "".join(ch if ch.isalnum() else "-" for ch in stem)


class _Reader:
    """Cleans one page's content for print (one instance per page)."""

    def __init__(self, site_root: Path, path: str, key: str) -> None:
        self.site_root = site_root
        self.path = path
        self.key = key
        self.directory = posixpath.dirname(path)
        self.page = SitePage(path=path, key=key, title="", lang="")

    def read(self, root: ET.Element) -> SitePage:
        page = self.page
        page.lang = root.get("lang") or ""
        for meta in root.iter("meta"):
            if meta.get("name") == "tiered:tier":
                page.tier = meta.get("content") or None
        content = _content_root(root)
        self._furniture(content)
        self._clean(content)
        content.tag = "div"
        content.attrib.clear()
        content.set("class", "page-content")
        page.content = content
        has_text = any(text.strip() for text in content.itertext())
        page.is_empty = not has_text and content.find(".//img") is None
        return page

    def _furniture(self, content: ET.Element) -> None:
        """Read what the levels plugin's markup says before it is removed."""
        page = self.page
        for element in content.iter():
            classes = _classes(element)
            if "tiered-switcher" in classes:
                page.tier_order = tuple(
                    a.get("data-tier", "") for a in element.iter("a") if a.get("data-tier")
                )
            elif "tiered-badge__label" in classes:
                page.tier_label = " ".join("".join(element.itertext()).split())
            elif "tiered-reviewed" in classes:
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
            classes = _classes(child)
            if (
                tag in _DROP_TAGS
                or classes & _DROP_CLASSES
                or "hidden" in child.attrib
                or tag.startswith("md-")
            ):
                _remove(parent, child)
                continue
            if tag == "h1" and not self.page.title:
                self.page.title = heading_text(child)
                _remove(parent, child)
                continue
            if tag in _HEADINGS:
                self.page.headings.append((child, _HEADINGS[tag]))
            self._attributes(child)
            if tag == "a" and self._link(parent, child):
                continue
            if tag == "img" and self._image(parent, child):
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

    def _link(self, parent: ET.Element, link: ET.Element) -> bool:  # noqa: PLR0911 - one case each
        """Rewrite one link; True when it became plain text (its content is then cleaned)."""
        href = (link.get("href") or "").strip()
        if "tiered-glossary-term" in _classes(link):
            self._glossary(link, href)
            self._clean(link)
            _splice(parent, link)
            return True
        parts = urlsplit(href)
        if not href:
            return False
        if parts.scheme in {"http", "https"}:
            link.set("class", "external")
            if parts.hostname in PRINTED_HOSTS:
                # On paper the address is what a reader can use: print it whole.
                for child in list(link):
                    link.remove(child)
                link.text = href
                link.set("class", "identifier")
            return False
        if parts.scheme == "mailto":
            return False
        if parts.scheme or parts.netloc:
            _unwrap(link)  # javascript:, ftp:, //host: nothing to follow on paper
            self._clean(link)
            return True
        if not parts.path:
            link.set("href", f"#{self.key}-{parts.fragment}" if parts.fragment else "#")
            return False
        target = posixpath.normpath(posixpath.join(self.directory, unquote(parts.path)))
        if parts.path.endswith("/") or (self.site_root / target).is_dir():
            target = posixpath.join(target, "index.html")
        if target.endswith(".html"):
            self.page.cross_links.append(CrossLink(link, target, parts.fragment))
            return False
        _unwrap(link)  # a file of the site (a download, an image): text on paper
        self._clean(link)
        return True

    def _glossary(self, link: ET.Element, href: str) -> None:
        parts = urlsplit(href)
        glossary_page = posixpath.normpath(posixpath.join(self.directory, unquote(parts.path)))
        if parts.path.endswith("/") or not glossary_page.endswith(".html"):
            glossary_page = posixpath.join(glossary_page, "index.html")
        text = " ".join("".join(link.itertext()).split())
        self.page.glossary.append(
            GlossaryUse(
                anchor=parts.fragment or text,
                glossary_page=glossary_page,
                text=text,
                definition=" ".join((link.get("title") or "").split()),
            )
        )

    def _image(self, parent: ET.Element, image: ET.Element) -> bool:
        """Point the image at its file; a missing or remote one becomes its alt text."""
        src = (image.get("src") or "").strip()
        parts = urlsplit(src)
        if parts.scheme == "data":
            return False
        problem = ""
        if parts.scheme or parts.netloc:
            problem = f"remote image '{src}' is not embedded (the PDF export fetches nothing)"
        elif not parts.path:
            problem = "image without a source"
        else:
            target = posixpath.normpath(posixpath.join(self.directory, unquote(parts.path)))
            file = (self.site_root / target).resolve()
            if target.startswith("../") or not file.is_file():
                problem = f"image '{src}' not found in the site"
            else:
                image.set("src", file.as_uri())
                return False
        self.page.warnings.append(f"{self.path}: {problem}; the PDF shows its description")
        alt = image.get("alt") or ""
        image.tag = "span"
        image.attrib.clear()
        image.set("class", "missing-image")
        image.text = f"[Image: {alt}]" if alt else "[Image]"
        return True


def read_page(site_root: Path, path: str) -> SitePage:
    """Parse and clean one built page (``path`` relative to ``site_root``)."""
    reader = _Reader(site_root, path, page_key(path))
    return reader.read(_parse(site_root / path))


def _topic_folder(path: str) -> str:
    """``topics/x/fundamentals/index.html`` and ``topics/x/fundamentals.html`` -> ``topics/x``."""
    if path.endswith("/index.html"):
        return posixpath.dirname(posixpath.dirname(path))
    return posixpath.dirname(path)


def _tier_order(pages: list[SitePage]) -> list[str]:
    """One tier order from every page's switcher (they agree on a well-built site)."""
    order: list[str] = []
    for page in pages:
        for position, name in enumerate(page.tier_order):
            if name in order:
                continue
            # Insert after the tier that precedes it in this page's switcher.
            before = page.tier_order[:position]
            index = max((order.index(b) + 1 for b in before if b in order), default=0)
            order.insert(index, name)
    for page in pages:
        if page.tier and page.tier not in order:
            order.append(page.tier)
    return order


def collect_site(site_root: Path, topics_dir: str = "topics") -> Site:
    """Every tier page of the built site at ``site_root``, grouped into topics."""
    site = Site(root=site_root)
    tier_pages: list[SitePage] = []
    prefix = topics_dir.strip("/") + "/"
    landing_paths: list[str] = []
    for file in sorted(site_root.rglob("*.html")):
        path = file.relative_to(site_root).as_posix()
        if not path.startswith(prefix) or path.startswith("pdf/"):
            continue
        raw = file.read_bytes()
        if b'name="tiered:tier"' not in raw[: raw.find(b"</head>")]:  # no parse without it
            if path.endswith("/index.html") and path.count("/") == prefix.count("/") + 1:
                landing_paths.append(path)
            continue
        page = read_page(site_root, path)
        if page.tier:
            tier_pages.append(page)
    order = _tier_order(tier_pages)
    for page in tier_pages:
        site.tiers.setdefault(page.tier or "", page.tier_label or (page.tier or "").title())
    site.tiers = {name: site.tiers[name] for name in order if name in site.tiers}
    for page in tier_pages:
        folder = _topic_folder(page.path)
        topic = site.topics.get(folder)
        if topic is None:
            topic = site.topics[folder] = Topic(posixpath.basename(folder), folder, "")
        topic.pages.append(page)
        site.lang = page.lang or site.lang
        site.warnings.extend(page.warnings)
    for topic in site.topics.values():
        topic.pages.sort(key=lambda p: order.index(p.tier) if p.tier in order else len(order))
        landing = site_root / topic.folder / "index.html"
        topic.title = _landing_title(landing) if landing.is_file() else ""
        topic.title = topic.title or topic.slug.replace("-", " ").capitalize()
    for path in landing_paths:
        folder = posixpath.dirname(path)
        if folder not in site.topics:
            site.warnings.append(
                f"{path}: topic '{posixpath.basename(folder)}' has no tier pages: no PDF for it"
            )
    _glossary_names(site, tier_pages)
    return site


def _landing_title(path: Path) -> str:
    heading = _content_root(_parse(path)).find(".//h1")
    return heading_text(heading) if heading is not None else ""


def _glossary_names(site: Site, pages: list[SitePage]) -> None:
    """Each used term's name as its entry on the glossary page shows it."""
    wanted = {use.glossary_page for page in pages for use in page.glossary}
    for glossary_page in sorted(wanted):
        file = site.root / glossary_page
        if not file.is_file():
            continue
        for element in _parse(file).iter():
            if element.tag in _HEADINGS and element.get("id"):
                site.glossary_names[(glossary_page, element.get("id", ""))] = heading_text(element)
