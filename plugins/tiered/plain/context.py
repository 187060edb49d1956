"""Whether a word is explained where it is used: "X is ...", "X, which ...", "called X", "X (...)".

Each test looks at a few characters either side of one occurrence (anchored, bounded
patterns): linear in the sentence, however odd the text.
"""

from __future__ import annotations

import re

# Right after the word: "X (...)", "X, which", "X, or", "X is", "Xs are", "X means", and
# "X Y are" ("aromatase inhibitors are ..."); matched within a few characters only.
_AFTER = re.compile(
    r"s?(?:\s*\(|,\s*(?:which|or|meaning|that is)\b"
    r"|(?:\s+[^\W\d_]+)?\s+(?:is|are|means|mean|refers)\b)"
)
# Right before it: "called X", "named X", "known as X", "means X", "call it X", "(or X".
_BEFORE = re.compile(
    r"\b(?:called|named|known as|means|meaning|or|call it|calls it)\s+(?:an?\s+|the\s+)?$"
)
_REACH = 24  # characters looked at either side


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` (casefolded) stands as a whole word in ``text`` (casefolded)."""
    found = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and before != "-" and not after.isalnum() and after != "-":
            found.append(at)
        at = text.find(word, at + 1)
    return found


def defines(text: str, word: str) -> bool:
    """Whether ``text`` (a sentence) explains ``word`` at one of its occurrences."""
    folded = text.casefold()
    for at in occurrences(folded, word):
        end = at + len(word)
        if _AFTER.match(folded, end, end + _REACH):
            return True
        if _BEFORE.search(folded[max(0, at - _REACH) : at]):
            return True
    return False


def renames(text: str, word: str) -> bool:
    """Whether ``text`` gives ``word`` as another name: "called X", "call it X", "(or X)"."""
    folded = text.casefold()
    return any(_BEFORE.search(folded[max(0, at - _REACH) : at]) for at in occurrences(folded, word))


def explained(word: str, sentence: str, following: str) -> bool:
    """Whether ``word`` is defined in its sentence or the one after it."""
    return defines(sentence, word) or defines(following, word)
