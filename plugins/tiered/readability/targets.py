"""A page's reading-level targets: its tier's, or the one its front matter asks for.

No MkDocs here: the plugin hands over the ``readability:`` front matter value and
places the problems this module names.
"""

from __future__ import annotations

from dataclasses import dataclass

from tiered.common.yamlsource import as_yaml, is_number

MIN_GRADE = 1
"""The lowest grade a target may name: the grade readers are told is never below it."""

_FIELDS = ("max_grade", "reason")


@dataclass(frozen=True)
class Override:
    """What a page's ``readability:`` front matter says.

    Attributes:
        max_grade: The page's own highest FKGL grade, or ``None``: its tier's applies.
        problems: What is wrong with the field, one message each (without the place).
    """

    max_grade: float | None
    problems: tuple[str, ...] = ()


def read_override(value: object) -> Override:
    """Read ``readability: {max_grade: 8, reason: ...}`` from a page's front matter.

    The override counts only with a valid grade and a reason; otherwise the tier's
    target still applies and the problem is named.
    """
    if not isinstance(value, dict) or "max_grade" not in value:
        return Override(None, ("'readability' must be a mapping with a number 'max_grade'",))
    grade = value["max_grade"]
    if not is_number(grade, MIN_GRADE):
        return Override(
            None,
            (
                f"'readability.max_grade': {as_yaml(grade)} is not a number of at least "
                f"{MIN_GRADE}; give the grade this page may reach, such as 8",
            ),
        )
    reason = value.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        return Override(
            None,
            (
                "'readability.max_grade' needs a 'reason' (why this page may read "
                "harder than its tier's target); the tier's target still applies",
            ),
        )
    unknown = sorted(str(key) for key in value if key not in _FIELDS)
    problems: tuple[str, ...] = ()
    if unknown:
        problems = (
            f"unknown field(s) in 'readability': {', '.join(unknown)} "
            f"(it takes {' and '.join(repr(f) for f in _FIELDS)})",
        )
    return Override(float(grade), problems)
