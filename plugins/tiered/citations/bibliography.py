"""BibTeX files read into CSL-JSON entries, with a diagnostic for every problem.

Parsed with bibtexparser 2.x in a fixed order of steps: ``@string`` macros are
resolved first, then enclosing braces and quotes are removed, LaTeX is decoded with
braced groups kept (so ``{World Health Organization}`` stays one corporate name and
``{RANKL}`` keeps its capitals), co-authors are separated, then names are split into
parts. bibtexparser counts lines from 0; diagnostics count from 1. A file is parsed
once per content (``mkdocs serve`` rebuilds reuse it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bibtexparser import entrypoint
from bibtexparser import middlewares as mw
from bibtexparser.library import Library
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock

from tiered.common.diagnostics import Diagnostic

# BibTeX entry types -> CSL types.
CSL_TYPES = {
    "article": "article-journal",
    "book": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "www": "webpage",
    "misc": "document",
    "unpublished": "manuscript",
}
# Fields an entry of a type cannot do without ("author|editor": either).
REQUIRED = {
    "article": ("author", "title", "journal|journaltitle", "year|date"),
    "book": ("author|editor", "title", "year|date"),
    "inproceedings": ("author", "title", "booktitle", "year|date"),
    "incollection": ("author", "title", "booktitle", "year|date"),
    "report": ("author|institution", "title", "year|date"),
    "techreport": ("author|institution", "title", "year|date"),
    "online": ("title", "url|doi"),
    "phdthesis": ("author", "title", "school|institution", "year|date"),
}
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID = re.compile(r"^\d{1,9}$")
_PMCID = re.compile(r"^PMC\d+$")
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@dataclass(frozen=True)
class BibEntry:
    """One entry, as CSL-JSON, and where it was written."""

    key: str
    csl: dict[str, Any]
    path: str
    line: int

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Bibliography:
    """Every usable entry by key, and the problems found reading the files."""

    entries: dict[str, BibEntry] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


_LATEX = re.compile(r"[\\{}~$%&^#_`]|--|''")


class _LatexDecoding(mw.LatexDecodingMiddleware):
    """LaTeX decoding that skips text with nothing to decode.

    Decoding is most of the parsing time (a second per thousand entries); most field
    values are plain text, which decoding would return unchanged.
    """

    def _transform_python_value_string(self, python_string: str) -> tuple[str, str]:
        if not _LATEX.search(python_string):
            return python_string, ""
        fast = decode_accents(python_string)
        if fast is not None:
            return fast, ""
        result: tuple[str, str] = super()._transform_python_value_string(python_string)
        return result


# The accents BibTeX files are full of, as combining marks: {\'e}, \"{u}, {\c{c}}, \v{s}.
_MARKS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
}
_BASE = r"(?:\\[ij]|[A-Za-z])"
_SYMBOL = r"[`'^\"~=.]"
_ACCENT = re.compile(
    rf"\{{\\(?P<a1>{_SYMBOL})\s*(?P<b1>{_BASE})\}}"  # {\'e}
    rf"|\{{\\(?P<a2>{_SYMBOL}|[cvuHkr])\s*\{{(?P<b2>{_BASE})\}}\}}"  # {\'{e}} {\c{c}}
    rf"|\{{\\(?P<a3>[cvuHkr])\s+(?P<b3>{_BASE})\}}"  # {\c c}
    rf"|\\(?P<a4>{_SYMBOL}|[cvuHkr])\{{(?P<b4>{_BASE})\}}"  # \'{e} \v{s}
    rf"|\\(?P<a5>{_SYMBOL})(?P<b5>{_BASE})"  # \'e
)
_SHORT_GROUP = re.compile(r"\{[^{}]?\}")
_LEFT_OVER = re.compile(r"[\\$~^#_`%]|''")


def _accented(match: re.Match[str]) -> str:
    for n in "12345":
        accent = match.group(f"a{n}")
        if accent is not None:
            base = match.group(f"b{n}").removeprefix("\\")
            letter = unicodedata.normalize("NFC", base + _MARKS[accent])
            # No precomposed letter: leave the whole value to pylatexenc.
            return letter if len(letter) == 1 else "\\"
    raise AssertionError(match.group(0))  # pragma: no cover - the pattern has five branches


def decode_accents(text: str) -> str | None:
    """The common case of LaTeX decoding, fast: accented letters, dashes, ``\\&``.

    None when the text holds anything else (a macro, math, ``~``, quotes): pylatexenc
    decodes those. Its results are the same where both apply (a property test holds it),
    but for a bare ``&``, which pylatexenc drops as a LaTeX table mark and this keeps:
    an author who typed "Bone & Joint" meant it.
    """
    decoded = _ACCENT.sub(_accented, text).replace("\\&", "&")
    decoded = decoded.replace("---", "\u2014").replace("--", "\u2013")
    if _LEFT_OVER.search(decoded) or not _balanced(decoded):
        return None
    return decoded


def _balanced(text: str) -> bool:
    """Braced groups as pylatexenc keeps them: not nested, at least two characters."""
    depth = 0
    for char in text:
        if char in "{}":
            depth += 1 if char == "{" else -1
            if depth not in (0, 1):
                return False
    return depth == 0 and not _SHORT_GROUP.search(text)


def _stack() -> list[Any]:
    return [
        mw.ResolveStringReferencesMiddleware(True),
        mw.RemoveEnclosingMiddleware(True),
        _LatexDecoding(True, keep_braced_groups=True),
        mw.SeparateCoAuthors(True),
        mw.SplitNameParts(True),
    ]


@lru_cache(maxsize=64)
def _parse(text: str) -> Library:
    """Parse one file's text; cached on the text, i.e. on the content."""
    return entrypoint.parse_string(text, parse_stack=_stack())


def load_bibliography(files: Iterable[tuple[str, str]]) -> Bibliography:
    """Read ``(display path, text)`` pairs, in order; later duplicates are reported."""
    bibliography = Bibliography()
    for path, text in files:
        library = _parse(text)
        for block in library.failed_blocks:
            bibliography.diagnostics.append(_failure(path, block))
        raw = {entry.key: entry for entry in library.entries}
        for entry in library.entries:
            line = (entry.start_line or 0) + 1
            existing = bibliography.entries.get(entry.key)
            if existing is not None:
                bibliography.diagnostics.append(
                    Diagnostic(
                        path,
                        line,
                        f"duplicate bibliography key '{entry.key}' (also at {existing.location})",
                    )
                )
                continue
            fields = _fields(entry, raw)
            bibliography.diagnostics += _check(entry, fields, path, line)
            bibliography.entries[entry.key] = BibEntry(entry.key, to_csl(entry, fields), path, line)
    return bibliography


def _failure(path: str, block: ParsingFailedBlock) -> Diagnostic:
    line = (block.start_line or 0) + 1
    if isinstance(block, DuplicateBlockKeyBlock):
        return Diagnostic(path, line, f"duplicate bibliography key '{block.key}' in the same file")
    error = getattr(block, "error", None)
    # bibtexparser keeps the reason in abort_reason; str() of the error is empty.
    reason = getattr(error, "abort_reason", None) or str(error) or "unreadable entry"
    return Diagnostic(path, line, f"broken BibTeX entry: {' '.join(str(reason).split())}")


def _fields(entry: Entry, raw: dict[str, Entry]) -> dict[str, Any]:
    """The entry's fields (lower-case names), with a ``crossref`` parent's filled in."""
    fields = {name.lower(): f.value for name, f in entry.fields_dict.items()}
    parent = raw.get(str(fields.get("crossref", "")))
    if parent is not None:
        for name, f in parent.fields_dict.items():
            fields.setdefault(name.lower(), f.value)
        if "title" in parent.fields_dict:
            fields.setdefault("booktitle", parent.fields_dict["title"].value)
    return fields


def _check(entry: Entry, fields: dict[str, Any], path: str, line: int) -> list[Diagnostic]:
    found = []
    for required in REQUIRED.get(entry.entry_type.lower(), ()):
        if not any(fields.get(name) for name in required.split("|")):
            shown = " or ".join(f"'{n}'" for n in required.split("|"))
            found.append(
                Diagnostic(path, line, f"@{entry.entry_type}{{{entry.key}}} is missing {shown}")
            )
    checks = (("doi", _DOI, "a DOI starts with 10. and a slash"), ("pmid", _PMID, "digits"))
    for name, pattern, hint in (*checks, ("pmcid", _PMCID, "PMC and digits")):
        value = fields.get(name)
        if value and not pattern.match(_doi(str(value)) if name == "doi" else str(value)):
            found.append(
                Diagnostic(path, line, f"{entry.key}: malformed {name.upper()} '{value}' ({hint})")
            )
    return found


def _doi(value: str) -> str:
    """``https://doi.org/10.1/x`` and ``doi:10.1/x`` are written for ``10.1/x``."""
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value.strip(), flags=re.I)


def clean(text: str) -> str:
    """Text for readers: braces that only protect case go, whitespace is collapsed."""
    return " ".join(text.replace("{", "").replace("}", "").split())


def _names(value: Any) -> list[dict[str, str]]:
    names = []
    for person in value if isinstance(value, list) else []:
        if isinstance(person, mw.NameParts):
            last = " ".join(person.last)
            if last.startswith("{") and last.endswith("}") and not person.first:
                names.append({"literal": clean(last)})  # a corporate author
                continue
            if last == "others" and not person.first:
                # BibTeX's "and others": styles print it as their "et al."
                names.append({"literal": "et al."})
                continue
            name = {"family": clean(last), "given": clean(" ".join(person.first))}
            if person.von:
                name["non-dropping-particle"] = clean(" ".join(person.von))
            if person.jr:
                name["suffix"] = clean(" ".join(person.jr))
            names.append({k: v for k, v in name.items() if v})
        else:
            names.append({"literal": clean(str(person))})
    return names


def _issued(fields: dict[str, Any]) -> dict[str, Any] | None:
    date = str(fields.get("date") or "")
    year = str(fields.get("year") or date[:4])
    if not year.isdigit():
        return None
    parts = [int(year)]
    month = str(fields.get("month") or (date[5:7] if len(date) >= 7 else "")).strip().lower()
    month_number = _MONTHS.get(month[:3]) or (int(month) if month.isdigit() else None)
    if month_number and 1 <= month_number <= 12:
        parts.append(month_number)
    return {"date-parts": [parts]}


def to_csl(entry: Entry, fields: dict[str, Any]) -> dict[str, Any]:
    """The entry as CSL-JSON (the model citation styles render from)."""
    csl: dict[str, Any] = {
        "id": entry.key,
        "type": CSL_TYPES.get(entry.entry_type.lower(), "document"),
    }
    for name in ("author", "editor"):
        if name in fields:
            csl[name] = _names(fields[name])
    simple = {
        "title": "title",
        "journal": "container-title",
        "journaltitle": "container-title",
        "booktitle": "container-title",
        "shortjournal": "container-title-short",
        "volume": "volume",
        "number": "issue",
        "pages": "page",
        "publisher": "publisher",
        "institution": "publisher",
        "school": "publisher",
        "edition": "edition",
        "note": "note",
        "url": "URL",
        "pmid": "PMID",
        "pmcid": "PMCID",
    }
    for bib, key in simple.items():
        value = fields.get(bib)
        if value and key not in csl:
            csl[key] = clean(str(value)).replace("--", "–")
    if fields.get("doi"):
        csl["DOI"] = _doi(str(fields["doi"]))
    if issued := _issued(fields):
        csl["issued"] = issued
    if fields.get("urldate"):
        accessed = str(fields["urldate"])
        parts = [int(p) for p in accessed.split("-") if p.isdigit()]
        if parts:
            csl["accessed"] = {"date-parts": [parts]}
    return csl
