"""BibTeX files read into CSL-JSON entries, with a diagnostic for every problem.

Parsed with bibtexparser 2.x in a fixed order of steps: ``@string`` macros are
resolved first, then enclosing braces and quotes are removed, LaTeX is decoded with
braced groups kept (so ``{World Health Organization}`` stays one corporate name and
``{RANKL}`` keeps its capitals), co-authors are separated, then names are split into
parts. bibtexparser counts lines from 0; diagnostics count from 1. A file is parsed
once per content (``mkdocs serve`` rebuilds reuse it).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bibtexparser import entrypoint
from bibtexparser import middlewares as mw
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
_DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
_PMID = re.compile(r"^[0-9]{1,9}$")
_PMCID = re.compile(r"^PMC[0-9]+$")
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


@dataclass(frozen=True)
class _Read:
    """One entry of one file as read: its CSL-JSON (None: it has no key) and problems."""

    key: str
    entry_type: str
    line: int
    csl: dict[str, Any] | None
    diagnostics: tuple[Diagnostic, ...]


@lru_cache(maxsize=64)
def _read(path: str, text: str) -> tuple[tuple[Diagnostic, ...], tuple[_Read, ...]]:
    """One file's failed blocks and entries; cached on its path and text (its content).

    Keeps the entries' CSL-JSON, not bibtexparser's parse of the file (its blocks, raw
    text and fields), which ``mkdocs serve`` would otherwise hold between rebuilds.
    """
    library = entrypoint.parse_string(text, parse_stack=_stack())
    failures = tuple(_failure(path, block) for block in library.failed_blocks)
    raw = {entry.key: entry for entry in library.entries}
    read = []
    for entry in library.entries:
        line = (entry.start_line or 0) + 1
        if not entry.key.strip():
            read.append(_Read(entry.key, entry.entry_type, line, None, ()))
            continue
        found: list[Diagnostic] = []
        fields = _fields(entry, raw, path, line, found)
        found += _macros(entry, path, line)
        found += _check(entry, fields, path, line)
        csl = to_csl(entry, fields, path, line, found)
        read.append(_Read(entry.key, entry.entry_type, line, csl, tuple(found)))
    return failures, tuple(read)


def load_bibliography(files: Iterable[tuple[str, str]]) -> Bibliography:
    """Read ``(display path, text)`` pairs, in order; later duplicates are reported."""
    bibliography = Bibliography()
    for path, text in files:
        failures, entries = _read(path, text)
        bibliography.diagnostics += failures
        for entry in entries:
            if entry.csl is None:
                bibliography.diagnostics.append(
                    Diagnostic(
                        path,
                        entry.line,
                        f"@{entry.entry_type} entry without a key: write one after the brace, "
                        f"as in @{entry.entry_type}{{smith2020, ...}}",
                    )
                )
                continue
            existing = bibliography.entries.get(entry.key)
            if existing is not None:
                bibliography.diagnostics.append(
                    Diagnostic(
                        path,
                        entry.line,
                        f"duplicate bibliography key '{entry.key}' (also at {existing.location})",
                    )
                )
                continue
            bibliography.diagnostics += entry.diagnostics
            bibliography.entries[entry.key] = BibEntry(entry.key, entry.csl, path, entry.line)
    return bibliography


def _failure(path: str, block: ParsingFailedBlock) -> Diagnostic:
    line = (block.start_line or 0) + 1
    if isinstance(block, DuplicateBlockKeyBlock):
        return Diagnostic(path, line, f"duplicate bibliography key '{block.key}' in the same file")
    error = getattr(block, "error", None)
    # bibtexparser keeps the reason in abort_reason; str() of the error is empty.
    reason = getattr(error, "abort_reason", None) or str(error) or "unreadable entry"
    if "recursion" in str(reason):
        reason = "braces nested too deeply: remove the extra { and }"
    return Diagnostic(path, line, f"broken BibTeX entry: {' '.join(str(reason).split())}")


def _fields(
    entry: Entry, raw: dict[str, Entry], path: str, line: int, found: list[Diagnostic]
) -> dict[str, Any]:
    """The entry's fields (lower-case names), with its ``crossref`` parents' filled in.

    A parent may have a parent of its own; a missing parent or a cycle is reported and
    the chain followed no further.
    """
    fields = {name.lower(): f.value for name, f in entry.fields_dict.items()}
    seen = [entry.key]
    child = fields
    while "crossref" in child:
        target = str(child["crossref"]).strip()
        parent = raw.get(target)
        if parent is None:
            found.append(
                Diagnostic(
                    path,
                    line,
                    f"{entry.key}: crossref '{target}' is not an entry of this file: add it "
                    "or remove the crossref field",
                )
            )
            break
        if target in seen:
            chain = " -> ".join([*seen, target])
            found.append(
                Diagnostic(
                    path,
                    line,
                    f"{entry.key}: crossref cycle ({chain}): remove one of these crossref fields",
                )
            )
            break
        seen.append(target)
        child = {name.lower(): f.value for name, f in parent.fields_dict.items()}
        for name, value in child.items():
            if name != "crossref":
                fields.setdefault(name, value)
        if "title" in child:
            fields.setdefault("booktitle", child["title"])
    return fields


# A bare word as a field value is an @string macro's name (month names are BibTeX's own).
_MACRO_NAME = re.compile(r"[^\W\d][\w:.+/-]*")


def _macros(entry: Entry, path: str, line: int) -> list[Diagnostic]:
    """Field values that name an ``@string`` macro the file never defines.

    bibtexparser leaves such a value as the macro's name: ``journal = jbmr`` would be
    printed as the journal "jbmr".
    """
    enclosing = entry.parser_metadata.get(mw.RemoveEnclosingMiddleware.metadata_key(), {})
    resolved = entry.parser_metadata.get(mw.ResolveStringReferencesMiddleware.metadata_key(), [])
    found = []
    for item in entry.fields:
        value = item.value
        if (
            enclosing.get(item.key) != "no-enclosing"
            or item.key in resolved
            or not isinstance(value, str)
            or not _MACRO_NAME.fullmatch(value)
            or (item.key.lower() == "month" and value[:3].lower() in _MONTHS)
        ):
            continue
        found.append(
            Diagnostic(
                path,
                (item.start_line or 0) + 1 if item.start_line is not None else line,
                f"{entry.key}: field '{item.key}' names the @string macro '{value}', which "
                f"is not defined: add @string{{{value} = {{...}}}} or write the value in braces",
            )
        )
    return found


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


_DIGITS = re.compile(r"[0-9]{1,4}")
# What a date field holds: YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601, as biblatex has it).
_DATE = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")


def _issued(
    fields: dict[str, Any], key: str, path: str, line: int, found: list[Diagnostic]
) -> dict[str, Any] | None:
    date = str(fields.get("date") or "").strip()
    year = str(fields.get("year") or "").strip()
    if not year and date:
        parts = _date_parts(date)
        if parts is None:
            found.append(_bad_date(key, "date", date, path, line))
        return {"date-parts": [parts]} if parts else None
    if not year:
        return None
    if not _DIGITS.fullmatch(year):
        found.append(
            Diagnostic(
                path,
                line,
                f"{key}: year '{year}' is not a year: write it in the digits 0-9, as 2020",
            )
        )
        return None
    parts = [int(year)]
    month = str(fields.get("month") or "").strip().lower()
    month_number = _MONTHS.get(month[:3]) or (int(month) if _DIGITS.fullmatch(month) else None)
    if month_number and 1 <= month_number <= 12:
        parts.append(month_number)
    return {"date-parts": [parts]}


def _date_parts(text: str) -> list[int] | None:
    """``2024-05-01`` -> ``[2024, 5, 1]``; None unless a real date (no 2024-02-30)."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    parts = [int(p) for p in match.group("year", "month", "day") if p is not None]
    try:
        datetime.date(*[*parts, 1, 1][:3])
    except ValueError:
        return None
    return parts


def _bad_date(key: str, name: str, value: str, path: str, line: int) -> Diagnostic:
    return Diagnostic(
        path,
        line,
        f"{key}: {name} '{value}' is not a date: write it as YYYY-MM-DD, as 2024-05-01",
    )


def to_csl(
    entry: Entry, fields: dict[str, Any], path: str, line: int, found: list[Diagnostic]
) -> dict[str, Any]:
    """The entry as CSL-JSON (the model citation styles render from).

    Dates that are not dates are left out and reported in ``found``.
    """
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
    if issued := _issued(fields, entry.key, path, line, found):
        csl["issued"] = issued
    if fields.get("urldate"):
        accessed = str(fields["urldate"]).strip()
        parts = _date_parts(accessed)
        if parts is None:
            found.append(_bad_date(entry.key, "urldate", accessed, path, line))
        else:
            csl["accessed"] = {"date-parts": [parts]}
    return csl
