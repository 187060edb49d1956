"""Diagnostics: a user mistake with the place it was made.

Plugins turn these into log warnings (so ``mkdocs build --strict`` fails) and the
``tiered check`` command prints them; both share the same ``path:line:col`` text.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in an author's input.

    Attributes:
        path: The file (or folder) the problem is in, relative to the project root.
        line: 1-based line number, or 0 when the problem concerns the whole file or folder.
        message: What is wrong and, where it helps, what to do about it.
        col: 1-based column, or 0 when unknown.
        severity: ``"warning"`` for mistakes the build survives, ``"error"`` otherwise.
    """

    path: str
    line: int
    message: str
    col: int = 0
    severity: Severity = "warning"

    @property
    def location(self) -> str:
        """``path``, ``path:line`` or ``path:line:col``, as compilers print them."""
        if not self.line:
            return self.path
        if not self.col:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``.

    The line starts of the last few texts are kept, so placing many problems in one
    long page costs a binary search each, not a count from the start each.
    """
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, index)
    return line, index - starts[line - 1] + 1


@functools.lru_cache(maxsize=8)
def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts
