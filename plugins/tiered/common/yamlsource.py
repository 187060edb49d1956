"""YAML as our inputs use it: libyaml when available, errors as ``line, column, text``."""

from __future__ import annotations

import math
import reprlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeGuard

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


def is_number(value: object, minimum: float) -> TypeGuard[int | float]:
    """Whether a YAML value is a finite number no lower than ``minimum``.

    ``true`` is not (YAML makes it 1), nor are ``.nan`` and ``.inf``: every comparison
    with NaN is false, so a NaN limit would never be reached.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value >= minimum


# Short and bounded: YAML aliases can nest a list a billion items deep in a few lines,
# and ``repr`` of it would never finish.
_SHORT = reprlib.Repr()  # keyword arguments only from Python 3.12
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict = 3, 6, 6
_SHORT.maxstring = _SHORT.maxother = 80


def as_yaml(value: object) -> str:
    """A YAML value as the author wrote it (``true``, ``.nan``, ``'text'``), for messages.

    Bounded in length and time whatever the value (see ``_SHORT``).
    """
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    return _SHORT.repr(value)


def key_line(text: str, names: Sequence[str]) -> int:
    """The line (1-based) of a key in a YAML text, found by its path of names; 0: not found.

    Each name is looked for under the last one found: as a key of a mapping, or as a
    list item that is that name or a mapping with that key (as ``plugins:`` lists
    ``- search`` and ``- tiered/plain: {...}``). A name not found there is passed over,
    so a path that names more than the file holds (a value, a default) stops at the
    deepest key the file does hold. The text is composed, not constructed: tags such as
    ``!ENV`` need no constructor. Text that is not YAML gives 0.
    """
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError):
        return 0
    line = 0
    for name in names:
        found = _child(node, name) if node is not None else None
        if found is not None:
            line, node = found
    return line


def _child(node: yaml.Node, name: str) -> tuple[int, yaml.Node | None] | None:
    """The line of ``name`` under ``node``, and the node it names (None: a bare list item)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return key.start_mark.line + 1, value
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.value == name:
                return item.start_mark.line + 1, None
            if isinstance(item, yaml.MappingNode):
                found = _child(item, name)
                if found is not None:
                    return found
    return None
