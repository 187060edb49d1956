"""What a check finds, and the settings a tier checks with (no MkDocs here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["jargon", "acronym", "number", "long-sentence", "passive", "long-paragraph"]
KINDS: tuple[Kind, ...] = (
    "jargon",
    "acronym",
    "number",
    "long-sentence",
    "passive",
    "long-paragraph",
)
"""Every kind of finding, in the order reports and the author's overlay list them."""


@dataclass(frozen=True)
class Finding:
    """One place in the article that is not plain.

    Attributes:
        kind: Which check found it.
        text: The offending words, as on the page.
        message: What is wrong and what to do instead (no place: the caller adds it).
        offset: Where ``text`` is in the Markdown source, or -1 when not found.
    """

    kind: Kind
    text: str
    message: str
    offset: int


@dataclass(frozen=True)
class Settings:
    """Which checks a tier runs, and their limits.

    Attributes:
        jargon: Flag medical words and words uncommon in everyday English.
        min_zipf: How common a word must be to pass (Zipf scale: 3 is about once per
            million words, 6 once per thousand).
        acronyms: Flag acronyms not spelled out at their first use on a page.
        numbers: Flag decimals, bare percentages, relative changes without the absolute
            numbers, and "rare" or "common" without a number.
        max_words: The longest sentence, in words; ``None``: no limit.
        passive: Flag passive voice.
        max_paragraph_sentences: The longest paragraph, in sentences; ``None``: no limit.
    """

    jargon: bool = True
    min_zipf: float = 3.0
    acronyms: bool = True
    numbers: bool = True
    max_words: int | None = 20
    passive: bool = True
    max_paragraph_sentences: int | None = 5


def quote(text: str, limit: int = 60) -> str:
    """``text`` in double quotes, cut with an ellipsis past ``limit`` characters."""
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f'"{short}"'
