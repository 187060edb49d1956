"""Regular English plurals of glossary forms, so ``airway`` also finds ``airways``.

A small rule set with lists of exceptions, no dictionary and no MkDocs. For a phrase
the head noun is inflected: the last word (``bone mineral density`` -> ``bone mineral
densities``), or the word before the first ``of`` (``quality of life`` -> ``qualities of
life``). What a rule cannot be sure of gives no form rather than a wrong one:

- acronyms and anything with a capital after the first letter (``BMD``, ``IL-6``,
  ``pH``), digits or letters outside a-z at the end of the head noun;
- nouns that are not counted (``status``, ``evidence``) and words that already look
  plural (``diabetes``, ``bisphosphonates``, ``-itis`` diseases);
- Latin and Greek plurals come only from the exceptions list (``vertebra`` ->
  ``vertebrae``, ``bacterium`` -> ``bacteria``); otherwise ``-us`` takes ``-uses`` as in
  everyday English (``virus`` -> ``viruses``, ``sinus`` -> ``sinuses``).

Explicit aliases still say what the rules do not know; a generated form that is some
entry's explicit form is dropped by the glossary, not here.
"""

from __future__ import annotations

import re

# Plurals the rules would get wrong, by singular (lower case).
IRREGULAR = {
    "alveolus": "alveoli",
    "appendix": "appendices",
    "bacterium": "bacteria",
    "bronchus": "bronchi",
    "calf": "calves",
    "child": "children",
    "cortex": "cortices",
    "criterion": "criteria",
    "datum": "data",
    "echo": "echoes",
    "embolus": "emboli",
    "foot": "feet",
    "fungus": "fungi",
    "ganglion": "ganglia",
    "half": "halves",
    "knife": "knives",
    "leaf": "leaves",
    "life": "lives",
    "louse": "lice",
    "man": "men",
    "matrix": "matrices",
    "mitochondrion": "mitochondria",
    "mouse": "mice",
    "nucleus": "nuclei",
    "ovum": "ova",
    "person": "people",
    "phenomenon": "phenomena",
    "self": "selves",
    "stimulus": "stimuli",
    "thrombus": "thrombi",
    "tooth": "teeth",
    "vertebra": "vertebrae",
    "wife": "wives",
    "woman": "women",
}
# Nouns not counted, or the same in the plural: no form is generated.
UNCHANGED = frozenset(
    {
        "advice",
        "care",
        "equipment",
        "evidence",
        "health",
        "information",
        "news",
        "research",
        "series",
        "sheep",
        "species",
        "status",
    }
)
# Plural already: "postmenopausal women" gets no "womens".
_PLURALS = frozenset(IRREGULAR.values())
_WORD = re.compile(r"[a-z]+")
_VOWELS = frozenset("aeiou")


# Suffix rules, the first that fits applies: (ending, letters to drop, ending to add);
# None: no plural (already plural, like "bisphosphonates", or not counted, "arthritis").
_RULES: tuple[tuple[str, int, str | None], ...] = (
    ("itis", 0, None),  # arthritis, tendinitis: diseases, not counted
    ("ae", 0, None),  # a Latin plural already: vertebrae, papillae
    ("sis", 2, "es"),  # diagnosis, metastasis
    ("ss", 0, "es"),  # abscess
    ("us", 0, "es"),  # virus, sinus (the Latin -i plurals are in IRREGULAR)
    ("s", 0, None),  # bisphosphonates, diabetes
    ("x", 0, "es"),  # reflex
    ("z", 0, "es"),
    ("ch", 0, "es"),  # stitch
    ("sh", 0, "es"),  # rash
)


def plural(word: str) -> str:
    """The regular plural of one lower-case English noun ('' when the rules give none)."""
    if not _WORD.fullmatch(word) or word in UNCHANGED or word in _PLURALS or len(word) < 2:
        return ""
    if word in IRREGULAR:
        return IRREGULAR[word]
    for ending, drop, add in _RULES:
        if word.endswith(ending):
            return "" if add is None else word[: len(word) - drop] + add
    if word.endswith("y") and word[-2] not in _VOWELS:  # artery, biopsy; not day
        return word[:-1] + "ies"
    return word + "s"


def _head(words: list[str]) -> int:
    """Index of a phrase's head noun: the word before the first 'of', else the last."""
    if "of" in words[1:]:
        return words.index("of", 1) - 1
    return len(words) - 1


def inflections(form: str) -> tuple[str, ...]:
    """The forms the rules add to ``form`` (its plural), or () when they add none.

    Whitespace inside a form is kept as written; a hyphenated head noun inflects its
    last part (``follow-up`` -> ``follow-ups``).
    """
    words = form.split(" ")
    if not words or any(not w for w in words):
        return ()
    index = _head(words)
    head = words[index]
    stem, _dash, last = head.rpartition("-")
    if any(ch.isupper() for ch in last[1:]) or any(ch.isupper() for ch in stem):
        return ()  # an acronym or a name with inner capitals: BMD, IL-6, pH
    capital = last[:1].isupper()
    inflected = plural(last.lower())
    if not inflected:
        return ()
    if capital:
        inflected = inflected[0].upper() + inflected[1:]
    new_head = f"{stem}-{inflected}" if _dash else inflected
    return (" ".join([*words[:index], new_head, *words[index + 1 :]]),)
