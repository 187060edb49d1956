"""Read a built site: its tier pages, grouped into topics, and its tiers in order.

Works on any built site folder, not on MkDocs objects: what it needs is the levels
plugin's documented markup (``<meta name="tiered:tier">``, ``<meta name="tiered:category">``
and ``tiered:category-title``, ``nav.tiered-switcher``,
``p.tiered-badge``, ``p.tiered-reviewed``) and the glossary's ``a.tiered-glossary-term``.
A topic is the folder holding tier pages (``topics/<slug>/<tier>/index.html``, or
``topics/<slug>/<tier>.html`` without directory URLs); its landing page is that folder's
``index.html``. Each page is read once, parsed (:mod:`tiered.pdf.tree`) and cleaned for
print (:mod:`tiered.pdf.clean`); one that cannot be read is a warning naming it.
"""

from __future__ import annotations

import posixpath
import unicodedata
from pathlib import Path

from tiered.pdf.clean import clean_page
from tiered.pdf.model import Site, SitePage, Topic
from tiered.pdf.tree import HEADINGS, content_root, heading_text, parse_page


def _decode(raw: bytes, path: str, warnings: list[str]) -> str:
    """A page's text, as ``Path.read_text`` gives it; a warning if it is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        warnings.append(
            f"{path}: not UTF-8 (byte {err.start}); the PDF shows \ufffd for what cannot be read"
        )
        text = raw.decode("utf-8", errors="replace")
    if "\r" in text:  # universal newlines, as reading in text mode does
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# Characters that would break a message's line or disguise a name (bidi controls).
_DISGUISING = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _shown(path: str) -> str:
    """``path`` with undecodable bytes and control characters escaped, for messages."""
    out = []
    for char in path:
        if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif unicodedata.category(char) == "Cc" or char in _DISGUISING:
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def _read(site_root: Path, file: Path, warnings: list[str]) -> bytes | None:
    """The bytes of a built file, or None (and a warning) if it is not one to read."""
    path = file.relative_to(site_root).as_posix()
    shown = _shown(path)
    if shown != path:
        warnings.append(
            f"{shown}: the file name is not UTF-8 or has a control character: "
            "no PDF includes it; rename it"
        )
        return None
    if not file.resolve().is_relative_to(site_root.resolve()):
        warnings.append(f"{path}: a link to a file outside the site: no PDF includes it")
        return None
    try:
        return file.read_bytes()
    except OSError as err:
        warnings.append(f"{path}: cannot be read ({err.strerror or err}): no PDF includes it")
        return None


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
        if not path.startswith(prefix):
            continue
        raw = _read(site_root, file, site.warnings)
        if raw is None:
            continue
        if b'name="tiered:tier"' not in raw[: raw.find(b"</head>")]:  # no parse without it
            if path.endswith("/index.html") and path.count("/") == prefix.count("/") + 1:
                landing_paths.append(path)
            continue
        page = clean_page(parse_page(_decode(raw, path, site.warnings)), site_root, path)
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
        _add(topic, page)
        site.lang = page.lang or site.lang
        site.warnings.extend(page.warnings)
    for topic in site.topics.values():
        topic.pages.sort(key=lambda p: order.index(p.tier) if p.tier in order else len(order))
        landing = site_root / topic.folder / "index.html"
        topic.title = _landing_title(site_root, landing, site.warnings) if landing.is_file() else ""
        topic.title = topic.title or topic.slug.replace("-", " ").capitalize()
    for path in landing_paths:
        folder = posixpath.dirname(path)
        if folder not in site.topics:
            site.warnings.append(
                f"{path}: topic '{posixpath.basename(folder)}' has no tier pages: no PDF for it"
            )
    _glossary_names(site, tier_pages)
    return site


def _add(topic: Topic, page: SitePage) -> None:
    """``page`` into ``topic``; the first page that names a category gives the topic's."""
    topic.pages.append(page)
    if topic.category is None and page.category is not None:
        topic.category = page.category
        topic.category_title = page.category_title or page.category


def _landing_title(site_root: Path, file: Path, warnings: list[str]) -> str:
    raw = _read(site_root, file, warnings)
    if raw is None:
        return ""
    text = _decode(raw, file.relative_to(site_root).as_posix(), warnings)
    heading = content_root(parse_page(text)).find(".//h1")
    return heading_text(heading) if heading is not None else ""


def _glossary_names(site: Site, pages: list[SitePage]) -> None:
    """Each used term's name as its entry on the glossary page shows it."""
    wanted = {use.glossary_page for page in pages for use in page.glossary}
    for glossary_page in sorted(wanted):
        file = site.root / glossary_page
        raw = _read(site.root, file, site.warnings) if file.is_file() else None
        if raw is None:
            continue
        for element in parse_page(_decode(raw, glossary_page, site.warnings)).iter():
            if element.tag in HEADINGS and element.get("id"):
                site.glossary_names[(glossary_page, element.get("id", ""))] = heading_text(element)
