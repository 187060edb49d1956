"""Bibliography entries (AMA, Vancouver, APA), formatted by citeproc-py.

Entries are formatted by citeproc-py with the vendored CSL file. citeproc-py's HTML
formatter does not escape what it is given, so every value is escaped before it
goes in; its own markup (italics) is all that comes out unescaped. In-text labels
are ours, in :mod:`tiered.citations.labels`. Only the worker process (and a build
whose worker died) imports this module: citeproc-py and lxml are 9 MiB.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from citeproc import formatter
from citeproc.frontend import CitationStylesBibliography, CitationStylesStyle
from citeproc.source import Citation, CitationItem
from citeproc.source.json import CiteProcJSON

from tiered.citations import authordate

STYLES_DIR = Path(__file__).parent / "styles"
STYLE_FILES = {
    "ama": STYLES_DIR / "american-medical-association.csl",
    "vancouver": STYLES_DIR / "nlm-citation-sequence.csl",
    "apa": STYLES_DIR / "apa.csl",
}
_LEADING_NUMBER = re.compile(r"^\s*\d+\.\s*")


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in {"id", "type"} else _escaped(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=8)
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(STYLE_FILES[name]), validate=False)


def format_entry(csl: dict[str, Any], style: str = "ama", suffix: str = "") -> str:
    """One bibliography entry as HTML (escaped values, the style's own italics).

    ``suffix`` is an author-date style's year suffix (``2020a``), see ``authordate``.
    Not cached: a build formats through ``formatting.EntryFormatter``, whose cache is
    keyed by the entry's content.
    """
    return authordate.with_suffix(_format(csl, style), authordate.year(csl), suffix)


def _format(csl: dict[str, Any], style: str) -> str:
    """One bibliography entry as HTML (escaped values, the style's own italics).

    A DOI becomes a link to doi.org; a PubMed or PubMed Central id, which the style
    does not print, is added as a link to PubMed or PMC.
    """
    source = CiteProcJSON([_escaped(csl)])
    bibliography = CitationStylesBibliography(_style(style), source, formatter.html)
    bibliography.register(Citation([CitationItem(csl["id"])]))
    text = _LEADING_NUMBER.sub("", "".join(str(i) for i in bibliography.bibliography())).strip()
    if style == "vancouver":
        # citeproc-py's NLM defects: minimal page ranges, and no space before the month.
        text = _fix_page_range(text, str(csl.get("page", "")))
        text = _YEAR_MONTH.sub(_spaced_date, text)
    elif style == "apa":
        # BibTeX's "and others" is a name to citeproc-py: "Eastell, R., & et al.".
        text = text.replace(", &amp; et al.", ", et al.")
    return _identifier_links(text, csl)


_WEB = re.compile(r"https?://[^\s<>\"']+$")
_YEAR_MONTH = re.compile(
    r"\b(\d{4}) ?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(\d{1,2})?\b"
)
_RANGE = re.compile(r"^\s*([A-Za-z]*)(\d+)\s*[-–]+\s*([A-Za-z]*)(\d+)\s*$")


def _spaced_date(match: re.Match[str]) -> str:
    """``2024May1`` -> ``2024 May 1``."""
    return " ".join(part for part in match.groups() if part)


def minimal_range(page: str) -> str | None:
    """Citing Medicine's page range: ``1051-1057`` -> ``1051-7``, ``1-10`` stays.

    None when ``page`` is not a range of numbers (``S25-S33`` -> ``S25-33``).
    """
    match = _RANGE.match(page)
    if match is None or (match.group(3) and match.group(3) != match.group(1)):
        return None
    prefix, first, last = match.group(1), match.group(2), match.group(4)
    if len(first) == len(last):
        shared = 0
        while shared < len(first) - 1 and first[shared] == last[shared]:
            shared += 1
        last = last[shared:]
    return f"{prefix}{first}–{last}"


def _fix_page_range(text: str, page: str) -> str:
    """citeproc-py renders NLM's minimal ranges wrongly (``1-10`` as ``1-0``): redo them."""
    correct = minimal_range(page)
    match = _RANGE.match(page)
    if correct is None or match is None:
        return text
    start = re.escape(match.group(1) + match.group(2))
    return re.sub(rf"(?<![\w]){start}–[A-Za-z]*\d+", correct, text, count=1)


def _identifier_links(text: str, csl: dict[str, Any]) -> str:
    doi = csl.get("DOI")
    if doi:
        shown = html.escape(doi, quote=False)
        href = f"https://doi.org/{html.escape(doi)}"
        if href in text:  # APA prints the DOI as a URL
            text = text.replace(href, f'<a href="{href}">{href}</a>', 1)
        elif shown in text:
            text = text.replace(shown, f'<a href="{href}">{shown}</a>', 1)
        else:
            text = f'{text} doi:<a href="{href}">{shown}</a>'
    url = csl.get("URL")
    if url and _WEB.match(url) and html.escape(url, quote=False) in text:
        shown = html.escape(url, quote=False)
        text = text.replace(shown, f'<a href="{html.escape(url)}">{shown}</a>', 1)
    extra = []
    for name, base in (
        ("PMID", "https://pubmed.ncbi.nlm.nih.gov/"),
        ("PMCID", "https://pmc.ncbi.nlm.nih.gov/articles/"),
    ):
        value = csl.get(name)
        if not value:
            continue
        shown = html.escape(value, quote=False)
        link = f'<a href="{base}{html.escape(value)}/">{shown}</a>'
        printed = re.compile(rf"\b{re.escape(shown)}\b")
        if printed.search(text):  # the style printed it: link it there
            text = printed.sub(link, text, count=1)
        else:
            extra.append(f"{name}: {link}")
    return f"{text} {'. '.join(extra)}".strip() if extra else text
