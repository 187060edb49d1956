"""YAML as our inputs use it: libyaml when available, errors as ``line, column, text``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    SafeLoader = yaml.SafeLoader
else:  # libyaml's loader when PyYAML has it (its wheels do): several times faster.
    SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def describe(err: yaml.MarkedYAMLError, first_line: int) -> tuple[int, int, str]:
    """Where a YAML error is and what it is, for a text whose first line is ``first_line``.

    Returns 1-based line and column (0 when unknown) and a message such as
    ``did not find expected ',' or ']' (while parsing a flow sequence that starts at line 3)``.
    """
    mark = err.problem_mark or err.context_mark
    line = first_line + mark.line if mark else first_line
    col = mark.column + 1 if mark else 0
    text = err.problem or err.context or "invalid YAML"
    if err.problem and err.context and err.context_mark is not None:
        text += f" ({err.context} that starts at line {first_line + err.context_mark.line})"
    return line, col, text
