"""Links on paper: what each link of a page becomes in a PDF.

While a page is cleaned, :func:`rewrite_link` sorts each link: an address a reader can
type stays (identifiers such as DOIs printed whole), a glossary term becomes its words,
a link to another page of the site is kept as a :class:`~tiered.pdf.model.CrossLink`.
Only when a document is assembled is it known which pages it holds:
:func:`resolve_cross_links` then points each cross link inside the PDF, or drops it.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from tiered.pdf.model import CrossLink, GlossaryUse, SitePage
from tiered.pdf.tree import classes

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

LinkKind = Literal["link", "text", "term"]
"""``link``: stays a link; ``text``: becomes plain text; ``term``: a glossary term's words."""


def rewrite_link(  # noqa: PLR0911 - one return per kind of address
    link: ET.Element, page: SitePage, site_root: Path
) -> LinkKind:
    """Rewrite one ``<a>`` of ``page`` for print, recording cross links and glossary terms.

    The caller turns ``text`` links into plain text and splices ``term`` links into the
    surrounding text, once their content is cleaned.
    """
    href = (link.get("href") or "").strip()
    directory = posixpath.dirname(page.path)
    if "tiered-glossary-term" in classes(link):
        page.glossary.append(_glossary_use(link, href, directory))
        return "term"
    parts = urlsplit(href)
    if not href:
        return "link"
    if parts.scheme in {"http", "https"}:
        link.set("class", "external")
        if parts.hostname in PRINTED_HOSTS:
            # On paper the address is what a reader can use: print it whole.
            for child in list(link):
                link.remove(child)
            link.text = href
            link.set("class", "identifier")
        return "link"
    if parts.scheme == "mailto":
        return "link"
    if parts.scheme or parts.netloc:
        return "text"  # javascript:, ftp:, //host: nothing to follow on paper
    if not parts.path:
        link.set("href", f"#{page.key}-{parts.fragment}" if parts.fragment else "#")
        return "link"
    target = posixpath.normpath(posixpath.join(directory, unquote(parts.path)))
    if parts.path.endswith("/") or (site_root / target).is_dir():
        target = posixpath.join(target, "index.html")
    if target.endswith(".html"):
        page.cross_links.append(CrossLink(link, target, parts.fragment))
        return "link"
    return "text"  # a file of the site (a download, an image): text on paper


def _glossary_use(link: ET.Element, href: str, directory: str) -> GlossaryUse:
    parts = urlsplit(href)
    glossary_page = posixpath.normpath(posixpath.join(directory, unquote(parts.path)))
    if parts.path.endswith("/") or not glossary_page.endswith(".html"):
        glossary_page = posixpath.join(glossary_page, "index.html")
    text = " ".join("".join(link.itertext()).split())
    return GlossaryUse(
        anchor=parts.fragment or text,
        glossary_page=glossary_page,
        text=text,
        definition=" ".join((link.get("title") or "").split()),
    )


def resolve_cross_links(page: SitePage, inside: dict[str, str]) -> None:
    """Point ``page``'s cross links into the document, or make them text.

    Args:
        page: A page of the document being assembled.
        inside: Each page of that document (its path) and its id prefix.
    """
    for link in page.cross_links:
        key = inside.get(link.target)
        if key is None:
            # Another page of the site, not in this PDF: the words stay, the link goes.
            link.element.tag = "span"
            link.element.attrib.clear()
        else:
            link.element.tag = "a"
            link.element.attrib.clear()
            link.element.set("href", f"#{key}-{link.fragment}" if link.fragment else f"#{key}")
