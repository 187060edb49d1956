"""Bibliography entries and in-text labels, in AMA style (the default).

Entries are formatted by citeproc-py with the vendored CSL file. citeproc-py's HTML
formatter does not escape what it is given, so every value is escaped before it
goes in; its own markup (italics) is all that comes out unescaped. In-text labels
are ours (citeproc-py has no range collapsing): superscript numbers in order of first
citation, runs collapsed (``1-3,5``), locators as AMA writes them (``2(p33)``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from citeproc import formatter
from citeproc.frontend import CitationStylesBibliography, CitationStylesStyle
from citeproc.source import Citation, CitationItem
from citeproc.source.json import CiteProcJSON

STYLES_DIR = Path(__file__).parent / "styles"
STYLE_FILES = {"ama": STYLES_DIR / "american-medical-association.csl"}
_LEADING_NUMBER = re.compile(r"^\s*\d+\.\s*")
# AMA abbreviations of CSL locator labels.
_AMA_LOCATORS = {"page": "p", "chapter": "ch", "section": "sec", "figure": "fig", "table": "tab"}


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


def format_entry(csl: dict[str, Any], style: str = "ama") -> str:
    """One bibliography entry as HTML; cached on the entry's content (``mkdocs serve``)."""
    return _format_cached(json.dumps(csl, sort_keys=True, ensure_ascii=False), style)


@lru_cache(maxsize=16384)
def _format_cached(csl_json: str, style: str) -> str:
    return _format(json.loads(csl_json), style)


def _format(csl: dict[str, Any], style: str) -> str:
    """One bibliography entry as HTML (escaped values, the style's own italics).

    A DOI becomes a link to doi.org; a PubMed or PubMed Central id, which the style
    does not print, is added as a link to PubMed or PMC.
    """
    source = CiteProcJSON([_escaped(csl)])
    bibliography = CitationStylesBibliography(_style(style), source, formatter.html)
    bibliography.register(Citation([CitationItem(csl["id"])]))
    text = _LEADING_NUMBER.sub("", "".join(str(i) for i in bibliography.bibliography())).strip()
    return _identifier_links(text, csl)


def _identifier_links(text: str, csl: dict[str, Any]) -> str:
    doi = csl.get("DOI")
    if doi:
        shown = html.escape(doi, quote=False)
        link = f'<a href="https://doi.org/{html.escape(doi)}">{shown}</a>'
        text = text.replace(shown, link, 1) if shown in text else f"{text} doi:{link}"
    extra = []
    if pmid := csl.get("PMID"):
        url = f"https://pubmed.ncbi.nlm.nih.gov/{html.escape(pmid)}/"
        extra.append(f'PMID: <a href="{url}">{html.escape(pmid)}</a>')
    if pmcid := csl.get("PMCID"):
        url = f"https://pmc.ncbi.nlm.nih.gov/articles/{html.escape(pmcid)}/"
        extra.append(f'PMCID: <a href="{url}">{html.escape(pmcid)}</a>')
    return f"{text} {'. '.join(extra)}".strip() if extra else text


def collapse(numbers: Iterable[int]) -> list[str]:
    """``[1, 2, 3, 5]`` -> ``["1-3", "5"]``: AMA collapses runs of three or more."""
    out: list[str] = []
    run: list[int] = []
    for n in numbers:
        if run and n == run[-1] + 1:
            run.append(n)
            continue
        out += _run(run)
        run = [n]
    return out + _run(run)


def _run(run: list[int]) -> list[str]:
    if len(run) >= 3:
        return [f"{run[0]}-{run[-1]}"]
    return [str(n) for n in run]


def ama_locator(label: str, locator: str) -> str:
    """``("page", "33-35")`` -> ``"(pp33-35)"``."""
    if not locator:
        return ""
    short = _AMA_LOCATORS.get(label, label)
    if label == "page" and re.search(r"[-–,]", locator):
        short = "pp"
    return f"({short}{locator.replace('–', '-')})"


def narrative_name(csl: dict[str, Any]) -> str:
    """The author part of a narrative citation: "Khosla et al", "Smith and Jones"."""
    names = csl.get("author") or csl.get("editor") or []
    people = [n for n in names if n.get("literal") != "et al."]
    if not people:
        return str(csl.get("title", csl.get("id", "")))
    first = people[0].get("family") or people[0].get("literal") or ""
    if len(names) > 2 or (len(names) == 2 and len(people) == 1):
        return f"{first} et al"
    if len(people) == 2:
        second = people[1].get("family") or people[1].get("literal") or ""
        return f"{first} and {second}"
    return first
