"""Findings an author accepts, with a reason: in front matter or at the sentence.

* Front matter ``plain: {allow: [osteopenia, DXA], reason: "..."}`` accepts the listed
  words (and phrases, and numbers as written) wherever the page uses them.
* ``<!-- plain: accept REASON -->`` in the Markdown accepts every finding on its line
  (an HTML comment: readers never see it).

An acceptance without a reason is a warning of its own; so is a marker that accepts
nothing (the text it excused has changed). No MkDocs here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tiered.common.diagnostics import position
from tiered.common.yamlsource import as_yaml
from tiered.plain.findings import Finding

_FIELDS = ("allow", "reason")
MARKER = "<!-- plain: accept"
"""How an inline acceptance starts; ``-->`` ends it and the text between is the reason."""


@dataclass(frozen=True)
class Allowed:
    """What a page's ``plain:`` front matter accepts.

    Attributes:
        words: The accepted words and phrases, casefolded.
        reason: Why, or ``""`` when none was given.
        problems: What is wrong with the field, one message each (without the place).
    """

    words: frozenset[str] = frozenset()
    reason: str = ""
    problems: tuple[str, ...] = ()


def read_allowed(value: object) -> Allowed:
    """Read ``plain: {allow: [...], reason: ...}``; a mistake is named, never fatal."""
    if not isinstance(value, dict):
        return Allowed(
            problems=("'plain' must be a mapping: plain: {allow: [words], reason: why}",)
        )
    problems = []
    unknown = sorted(str(key) for key in value if key not in _FIELDS)
    if unknown:
        problems.append(
            f"unknown field(s) in 'plain': {', '.join(unknown)} (it takes 'allow' and 'reason')"
        )
    allow = value.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(w, str | int | float) for w in allow):
        problems.append(
            f"'plain.allow': {as_yaml(allow)} is not a list of words; write "
            "allow: [osteopenia, DXA]"
        )
        allow = []
    reason = value.get("reason", "")
    if not isinstance(reason, str):
        problems.append("'plain.reason' must be text: why these words stay")
        reason = ""
    words = frozenset(str(w).strip().casefold() for w in allow if str(w).strip())
    if words and not reason.strip():
        problems.append(
            "'plain.allow' accepts words without a 'reason': say why they stay "
            "(reason: ...), or explain them on the page"
        )
    return Allowed(words, reason.strip(), tuple(problems))


@dataclass(frozen=True)
class Marker:
    """An inline ``<!-- plain: accept REASON -->``."""

    offset: int
    line: int
    reason: str


def markers(source: str) -> list[Marker]:
    """Every inline acceptance in ``source``, found by hand (no pattern to backtrack)."""
    found = []
    at = source.find(MARKER)
    while at >= 0:
        start = at + len(MARKER)
        end = source.find("-->", start)
        if end < 0:
            break
        found.append(Marker(at, position(source, at)[0], source[start:end].strip()))
        at = source.find(MARKER, end)
    return found


@dataclass
class Accepted:
    """What acceptances left: the findings to report and the acceptances' own problems."""

    findings: list[Finding] = field(default_factory=list)
    accepted: list[Finding] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message)


def apply(findings: list[Finding], allowed: Allowed, source: str) -> Accepted:
    """Split ``findings`` into those reported and those accepted."""
    result = Accepted()
    inline = markers(source)
    lines = {m.line: m for m in inline}
    used: set[int] = set()
    for finding in findings:
        # Most pages have no marker: then no finding needs its line.
        line = position(source, finding.offset)[0] if lines and finding.offset >= 0 else 0
        marker = lines.get(line)
        if marker is not None:
            used.add(marker.line)
            result.accepted.append(finding)
        elif finding.text.casefold() in allowed.words:
            result.accepted.append(finding)
        else:
            result.findings.append(finding)
    for marker in inline:
        if not marker.reason:
            result.problems.append(
                (
                    marker.offset,
                    "an inline 'plain: accept' needs a reason: "
                    "<!-- plain: accept the trial's own name -->",
                )
            )
        if marker.line not in used:
            result.problems.append(
                (
                    marker.offset,
                    "'plain: accept' accepts nothing on its line: remove it, or put it on "
                    "the line of the finding it accepts",
                )
            )
    return result
