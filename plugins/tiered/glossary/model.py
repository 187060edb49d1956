"""The glossary file: terms, their forms and definitions, validated; no MkDocs here.

``decode_glossary`` turns the file's bytes into text; ``load_glossary`` reads the YAML
once, keeps the line of every entry and field, and returns the terms it could use plus
a diagnostic for every mistake. Only a file that cannot be read as a glossary at all
raises ``GlossaryError``.

``short`` is plain text everywhere (the popover, the glossary page): characters such as
``<`` or ``*`` are shown as they are. ``definition`` is Markdown for the glossary page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from tiered.common.diagnostics import Diagnostic
from tiered.common.text import sort_key
from tiered.common.yamlsource import SafeLoader, describe
from tiered.glossary.inflect import inflections
from tiered.glossary.matcher import MAX_FORM_LENGTH, normalize, unmatchable_reason

FIELDS = (
    "term",
    "aliases",
    "case_sensitive",
    "short",
    "definition",
    "tiers",
    "see_also",
    "sources",
    "link",
    "inflect",
)


class GlossaryError(Exception):
    """The glossary file cannot be used at all (unreadable, not YAML, no ``terms`` list)."""


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        term: Display name, unique.
        anchor: Stable, readable id on the glossary page, derived from ``term``.
        aliases: Other spellings and forms, matched too.
        short: The popover text (Intermediate wording), plain text.
        definition: Markdown shown on the glossary page ('': ``short`` is shown).
        tiers: Tier-specific wording of ``short``, by tier name.
        see_also: Other terms' display names.
        sources: Citation keys.
        link: False: listed on the glossary page, never auto-linked.
        case_sensitive: None: decided per form (acronyms are case-sensitive).
        line: Line of the entry in the glossary file.
        sources_line: Line of its ``sources:`` field (0: none).
        inflect: False (``inflect: false``): no forms are generated for this entry.
        inflected: The regular plurals of the term and its aliases, generated once when
            the file is loaded (:mod:`tiered.glossary.inflect`), matched like aliases but
            not listed as "Also:". A form some entry lists explicitly is not among them.
        wording_lines: The line of each wording in the glossary file: ``short`` under
            ``""``, each of ``tiers`` under its tier.
    """

    term: str
    anchor: str
    aliases: tuple[str, ...] = ()
    short: str = ""
    definition: str = ""
    tiers: dict[str, str] = field(default_factory=dict)
    see_also: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    link: bool = True
    case_sensitive: bool | None = None
    line: int = 0
    sources_line: int = 0
    inflect: bool = True
    inflected: tuple[str, ...] = ()
    wording_lines: dict[str, int] = field(default_factory=dict)

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its aliases."""
        return (self.term, *self.aliases)

    @property
    def matched_forms(self) -> tuple[str, ...]:
        """Every form found in text: the term, its aliases and their generated plurals."""
        return (self.term, *self.aliases, *self.inflected)

    def short_for(self, tier: str | None) -> str:
        """The popover text for a page at ``tier``."""
        return self.tiers.get(tier or "", self.short)

    def wording_for(self, tier: str | None, path: str) -> Wording:
        """The popover text for a page at ``tier``, placed in the glossary file ``path``."""
        own = tier if tier and tier in self.tiers else None
        line = self.wording_lines.get(own or "", self.line) or self.line
        return Wording(self.term, self.short_for(tier), path, line, own, self.matched_forms)

    def is_case_sensitive(self, form: str) -> bool:
        """Whether ``form`` must match with its exact capitals."""
        if self.case_sensitive is not None:
            return self.case_sensitive
        return is_acronym(form)


@dataclass(frozen=True)
class Wording:
    """What a glossary link's popover says on a page of one tier (public: other plugins
    read it through ``GlossaryPlugin.wordings``).

    Attributes:
        term: The entry's display name.
        text: The wording, plain text.
        path: The glossary file, as messages name it.
        line: The wording's line in it.
        tier: The tier whose own wording it is; ``None``: the entry's ``short`` (the
            entry has no wording for that tier).
        forms: Every form the entry matches (its term, aliases and their plurals).
    """

    term: str
    text: str
    path: str
    line: int
    tier: str | None
    forms: tuple[str, ...] = ()


@dataclass
class Glossary:
    """All usable terms of the glossary file, in file order."""

    path: str
    terms: list[Term] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def by_name(self) -> dict[str, Term]:
        """Terms by display name, case-insensitively."""
        return {t.term.casefold(): t for t in self.terms}


def is_acronym(form: str) -> bool:
    """Two or more capitals (AI, BMD, RANKL, IL-6, TNF-α) make a form case-sensitive."""
    return sum(1 for ch in form if ch.isupper()) >= 2


_NOT_ANCHOR = re.compile(r"[^\w]+")


def make_anchor(term: str) -> str:
    """A readable id: ``Bone mineral density`` -> ``bone-mineral-density``."""
    anchor = _NOT_ANCHOR.sub("-", sort_key(term)).strip("-_")
    return anchor or "term"


def decode_glossary(data: bytes, path: str) -> str:
    """The glossary file's text (UTF-8, with or without a byte order mark).

    Raises:
        GlossaryError: A byte is not UTF-8; the message gives its line and column.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line_start = before.rfind(b"\n") + 1
        line = before.count(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise GlossaryError(
            f"{path}:{line}:{col}: the glossary is not UTF-8 text (byte 0x{data[err.start]:02x}): "
            "save the file as UTF-8"
        ) from err


def load_glossary(
    text: str, path: str, tiers: tuple[str, ...] = (), *, inflect: bool = True
) -> Glossary:
    """Parse and validate the glossary file.

    Args:
        text: The file's content.
        path: Display path, for diagnostics.
        tiers: Known tier names, to check ``tiers:`` keys (empty: not checked).
        inflect: Generate the regular plurals of every entry without ``inflect: false``.

    Raises:
        GlossaryError: The file is not YAML, or has no ``terms`` list.
    """
    loader = SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as err:
        raise GlossaryError(_yaml_error(err, text, path)) from err
    except (yaml.YAMLError, ValueError, TypeError) as err:
        raise GlossaryError(f"{path}: the glossary is not valid YAML: {err}") from err
    finally:
        loader.dispose()
    terms_node = _terms_node(root)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list) or not terms_node:
        raise GlossaryError(f"{path}:1: the glossary must be a mapping with a 'terms:' list")
    glossary = Glossary(path)
    builder = _Builder(glossary, tiers)
    for line, message in _duplicate_keys(root):
        builder.warn(line, message)
    for value, node in zip(data["terms"], terms_node.value, strict=True):
        builder.add(value, node)
    builder.check_references()
    if inflect:
        builder.inflect()
    return glossary


def _yaml_error(err: yaml.MarkedYAMLError, text: str, path: str) -> str:
    line, col, problem = describe(err, 1)
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indent:
        col = indent.index("\t") + 1
        return (
            f"{path}:{line}:{col}: the glossary is not valid YAML: a tab indents this line, "
            "and YAML forbids tabs for indentation: indent with spaces"
        )
    where = f"{path}:{line}:{col}" if col else f"{path}:{line}"
    return f"{where}: the glossary is not valid YAML: {problem}"


def _terms_node(root: yaml.Node | None) -> yaml.SequenceNode | None:
    """The node of the ``terms`` list; the last one, as PyYAML keeps the last duplicate."""
    if not isinstance(root, yaml.MappingNode):
        return None
    found = None
    for key, value in root.value:
        if key.value == "terms":
            found = value if isinstance(value, yaml.SequenceNode) else None
    return found


def _duplicate_keys(root: yaml.Node | None) -> list[tuple[int, str]]:
    """A warning at each repeated key of a mapping (YAML loading keeps only the last).

    Walks the node graph once, each node once: anchors and aliases (``&a`` / ``*a``)
    share nodes, so a file that expands exponentially costs its size, not its expansion.
    """
    found: list[tuple[int, str]] = []
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            marks: dict[str, tuple[int, int]] = {}
            for key, value in node.value:
                stack.append(value)
                if not isinstance(key, yaml.ScalarNode):
                    continue
                mark = (key.start_mark.line + 1, key.start_mark.column)
                first = marks.setdefault(str(key.value), mark)
                if first != mark:
                    found.append(
                        (
                            mark[0],
                            f"duplicate key '{key.value}' (first at line {first[0]}): only this "
                            "one is used; remove one of them",
                        )
                    )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found)


def _clip(text: str) -> str:
    """``text`` as a message quotes it: a few hundred characters are cut short."""
    return text if len(text) <= 60 else text[:40] + "…"


def _kind(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


class _Fields:
    """One entry's fields, read with their lines; type mistakes become diagnostics."""

    def __init__(self, builder: _Builder, value: dict[Any, Any], node: yaml.MappingNode) -> None:
        self.builder = builder
        self.value = value
        self.line = node.start_mark.line + 1
        self.lines = {str(k.value): k.start_mark.line + 1 for k, _v in node.value}
        self.nodes = {str(k.value): v for k, v in node.value}
        self.name = ""

    def warn(self, key: str | None, message: str) -> None:
        line = self.lines.get(key, self.line) if key else self.line
        self.builder.warn(line, f"glossary term '{self.name}': {message}" if self.name else message)

    def text(self, key: str, *, required: bool = False) -> str:
        raw = self.value.get(key)
        if raw is None:
            if required:
                self.builder.warn(self.line, f"glossary term '{self.name}' needs '{key}'")
            return ""
        if not isinstance(raw, str):
            self.warn(key, f"'{key}' must be text")
            return ""
        return raw.strip()

    def text_list(self, key: str) -> list[tuple[str, int]]:
        raw, seq = self.value.get(key), self.nodes.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list) or not isinstance(seq, yaml.SequenceNode):
            self.warn(key, f"'{key}' must be a list of text")
            return []
        out = []
        for item, item_node in zip(raw, seq.value, strict=True):
            if isinstance(item, str) and item.strip():
                out.append((item.strip(), item_node.start_mark.line + 1))
            else:
                self.builder.warn(
                    item_node.start_mark.line + 1,
                    f"glossary term '{self.name}': '{key}' items must be text",
                )
        return out

    def flag(self, key: str) -> bool | None:
        raw = self.value.get(key)
        if raw is None or isinstance(raw, bool):
            return raw
        self.warn(key, f"'{key}' must be true or false")
        return None

    def wording_lines(self) -> dict[str, int]:
        """The line of ``short`` (under ``""``) and of each tier's wording."""
        lines = {"": self.lines["short"]} if "short" in self.lines else {}
        node = self.nodes.get("tiers")
        if isinstance(node, yaml.MappingNode):
            lines.update({str(k.value): k.start_mark.line + 1 for k, _v in node.value})
        return lines

    def tiers(self, known: tuple[str, ...]) -> dict[str, str]:
        raw = self.value.get("tiers")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.warn("tiers", "'tiers' must be a mapping of tier: text")
            return {}
        tiers = {}
        for tier, wording in raw.items():
            if known and tier not in known:
                self.warn(
                    "tiers",
                    f"unknown tier '{tier}' in 'tiers' (expected one of: {', '.join(known)})",
                )
            elif not isinstance(wording, str) or not wording.strip():
                self.warn("tiers", f"tier '{tier}' needs text")
            else:
                tiers[str(tier)] = wording.strip()
        return tiers


class _Builder:
    def __init__(self, glossary: Glossary, tiers: tuple[str, ...]) -> None:
        self.glossary = glossary
        self.tiers = tiers
        self.forms: dict[str, tuple[str, int, bool]] = {}  # folded form -> (term, line, is_term)
        self.anchors: set[str] = set()
        self.see_also_lines: dict[tuple[str, str], int] = {}

    def warn(self, line: int, message: str) -> None:
        self.glossary.diagnostics.append(Diagnostic(self.glossary.path, line, message))

    def add(self, value: Any, node: yaml.Node) -> None:
        if not isinstance(value, dict) or not isinstance(node, yaml.MappingNode):
            self.warn(
                node.start_mark.line + 1,
                f"glossary entry must be a mapping of fields, not {_kind(value)}",
            )
            return
        fields = _Fields(self, value, node)
        for key in value:
            if str(key) not in FIELDS:
                fields.warn(
                    str(key),
                    f"glossary entry has unknown field '{key}' (expected: {', '.join(FIELDS)})",
                )
        name = value.get("term")
        if "term" not in value:
            fields.warn(None, "glossary entry needs 'term': the term's display name")
            return
        if name is None or (isinstance(name, str) and not name.strip()):
            fields.warn("term", "glossary entry: term: must not be empty; give its display name")
            return
        if not isinstance(name, str):
            fields.warn("term", f"glossary entry: term: must be text, not {_kind(name)}")
            return
        fields.name = name = name.strip()
        if not self._claim(name, name, fields.lines["term"], is_term=True):
            return
        aliases = [a for a, line in fields.text_list("aliases") if self._claim(a, name, line)]
        short = fields.text("short", required=True)
        see_also = fields.text_list("see_also")
        for target, target_line in see_also:
            self.see_also_lines[(name, target)] = target_line
        link = fields.flag("link")
        inflect = fields.flag("inflect")
        self.glossary.terms.append(
            Term(
                term=name,
                anchor=self._anchor(name),
                aliases=tuple(aliases),
                short=short,
                definition=fields.text("definition"),
                tiers=fields.tiers(self.tiers),
                see_also=tuple(t for t, _l in see_also),
                sources=tuple(s for s, _l in fields.text_list("sources")),
                link=True if link is None else link,
                case_sensitive=fields.flag("case_sensitive"),
                line=fields.line,
                sources_line=fields.lines.get("sources", 0),
                inflect=inflect is not False,
                wording_lines=fields.wording_lines(),
            )
        )

    def _anchor(self, name: str) -> str:
        anchor = base = make_anchor(name)
        n = 2
        while anchor in self.anchors:
            anchor, n = f"{base}-{n}", n + 1
        self.anchors.add(anchor)
        return anchor

    def _claim(self, form: str, term: str, line: int, *, is_term: bool = False) -> bool:
        """Register ``form`` for ``term``; warn (naming both places) if it is taken.

        A form the matcher cannot find in text is kept (``[[form]]`` links it) with a
        warning saying why.
        """
        folded = " ".join(form.casefold().split())
        taken = self.forms.get(folded)
        if taken is None:
            self.forms[folded] = (term, line, is_term)
            reason = unmatchable_reason(form)
            if reason and len(form) > MAX_FORM_LENGTH:
                self.warn(
                    line,
                    f"glossary term '{_clip(term)}': a form of {len(form)} characters cannot "
                    f"be matched in text (at most {MAX_FORM_LENGTH}): shorten it or add a "
                    "shorter alias",
                )
            elif reason:
                self.warn(
                    line,
                    f"glossary term '{term}': '{form}' cannot be matched in text ({reason}); "
                    f"only [[{form}]] links it: add an alias that can be matched",
                )
            return True
        owner, owner_line, owner_is_term = taken
        where = f"{self.glossary.path}:{owner_line}"
        if is_term and owner_is_term:
            self.warn(line, f"duplicate glossary term '{form}' (first defined at {where})")
        elif is_term:
            self.warn(line, f"glossary term '{form}' is already an alias of '{owner}' ({where})")
        elif owner_is_term:
            self.warn(line, f"alias '{form}' of '{term}' is itself a glossary term ({where})")
        else:
            self.warn(
                line, f"alias '{form}' of '{term}' is already an alias of '{owner}' ({where})"
            )
        return False

    def inflect(self) -> None:
        """Give each entry its generated plurals, once all explicit forms are known.

        Explicit forms win: a plural that is any entry's term or alias is left out (it
        links where that entry says), and of two entries whose plurals meet, the first
        in the file keeps it. Acronyms are never inflected (their capitals matter), but
        a phrase whose head noun is a word is: ``DXA scan`` -> ``DXA scans``.
        """
        claimed = set(self.forms)
        terms = self.glossary.terms
        for index, entry in enumerate(terms):
            if not entry.inflect:
                continue
            generated = []
            for form in entry.forms:
                if unmatchable_reason(form):  # acronyms: inflections() gives them nothing
                    continue
                for plural in inflections(normalize(form.strip())):
                    folded = " ".join(plural.casefold().split())
                    if folded not in claimed:
                        claimed.add(folded)
                        generated.append(plural)
            if generated:
                terms[index] = replace(entry, inflected=tuple(generated))

    def check_references(self) -> None:
        names = self.glossary.by_name()
        for entry in self.glossary.terms:
            for target in entry.see_also:
                line = self.see_also_lines.get((entry.term, target), entry.line)
                if target.casefold() not in names:
                    self.warn(line, f"see_also of '{entry.term}' names unknown term '{target}'")
                elif target.casefold() == entry.term.casefold():
                    self.warn(line, f"see_also of '{entry.term}' names the term itself")
