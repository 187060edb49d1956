"""In-text labels, ours (citeproc-py has no range collapsing).

Superscript numbers in order of first citation, runs collapsed (``1-3,5``), locators as
AMA writes them (``2(p33)``), Vancouver's (``p. 33``), and narrative authors' names.
No citeproc-py here: the build's main process labels citations, the worker formats
entries (:mod:`tiered.citations.styles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

NUMERIC = frozenset({"ama", "vancouver"})
# AMA abbreviations of CSL locator labels.
_AMA_LOCATORS = {"page": "p", "chapter": "ch", "section": "sec", "figure": "fig", "table": "tab"}


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


def vancouver_locator(label: str, locator: str) -> str:
    """``("page", "33-35")`` -> ``" pp. 33-35"``."""
    if not locator:
        return ""
    names = {
        "page": "p.",
        "chapter": "chap.",
        "section": "sec.",
        "figure": "fig.",
        "table": "table",
    }
    short = names.get(label, label)
    if label == "page" and re.search(r"[-–,]", locator):
        short = "pp."
    return f" {short} {locator.replace('–', '-')}"


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
