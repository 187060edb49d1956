"""Diagnostics: a user mistake with the place it was made.

Plugins turn these into log warnings (so ``mkdocs build --strict`` fails) and the
``tiered check`` command prints them; both share the same ``path:line:col`` text.
"""

from __future__ import annotations

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
    """1-based line and column of ``text[index]``."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)
