"""Deterministic synthetic articles and glossaries for the glossary benchmark."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "os",
    "te",
    "cla",
]
# Running English text is half function words, which are never glossary terms.
_FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "with",
    "was",
    "on",
    "be",
    "by",
    "are",
    "this",
    "or",
    "from",
    "at",
    "which",
    "not",
    "have",
    "an",
    "can",
    "but",
    "their",
    "they",
    "has",
    "its",
    "more",
    "when",
    "these",
    "may",
    "also",
    "after",
    "than",
    "other",
    "into",
    "such",
    "most",
    "some",
    "both",
    "each",
    "because",
    "while",
    "been",
    "most",
    "were",
    "there",
    "only",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4)))


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add(_word(rng))
    return sorted(words)


def glossary_terms(rng: random.Random, count: int, words: list[str]) -> list[dict[str, object]]:
    """``count`` terms of one to three words, each with a plural and an acronym alias."""
    terms: list[dict[str, object]] = []
    seen: set[str] = set()
    while len(terms) < count:
        name = " ".join(rng.choice(words) for _ in range(rng.choice((1, 1, 2, 3))))
        acronym = "".join(w[0] for w in name.split()).upper() + str(len(terms))
        forms = {name, f"{name}s", acronym}
        if forms & seen:
            continue
        seen |= {f.casefold() for f in forms}
        terms.append(
            {
                "term": name,
                "aliases": [f"{name}s", acronym],
                "short": f"Short definition of {name}.",
                "definition": f"The *definition* of {name}, with more words about it.",
            }
        )
    return terms


def _sentence(rng: random.Random, words: list[str], terms: list[dict[str, object]]) -> str:
    parts = [
        rng.choice(_FUNCTION_WORDS) if rng.random() < 0.5 else rng.choice(words)
        for _ in range(rng.randint(8, 16))
    ]
    # About two term mentions per sentence: 13 per 100 words, between this site's
    # Fundamentals (7) and Academic (18) pages.
    for _ in range(rng.choice((1, 2, 2, 3)) if terms else 0):
        term = rng.choice(terms)
        forms = [str(term["term"]), *(str(a) for a in term["aliases"])]  # type: ignore[attr-defined]
        parts.insert(rng.randrange(len(parts)), rng.choice(forms))
    return " ".join(parts).capitalize() + "."


def article(rng: random.Random, words: list[str], terms: list[dict[str, object]]) -> str:
    """About 800 words with headings, a list, a table and a code block.

    Calibrated on this site's own articles: a page keeps coming back to a few dozen
    terms (the Academic page uses 55), and each section to a dozen of them, which
    gives about 13 mentions and 7 links per 100 words (Intermediate and Academic:
    15-18 mentions and 7-8 links per 100 words).
    """
    page_terms = rng.sample(terms, min(len(terms), 50))
    out = [f"# {' '.join(rng.choice(words) for _ in range(3)).title()}\n"]
    for section in range(5):
        section_terms = rng.sample(page_terms, min(len(page_terms), 12))
        out.append(f"## Section {section} {rng.choice(words)}\n")
        for _ in range(2):
            out.append(" ".join(_sentence(rng, words, section_terms) for _ in range(5)) + "\n")
        if section == 1:
            out += [f"- {_sentence(rng, words, section_terms)}" for _ in range(4)]
            out.append("")
        if section == 2:
            out.append("| Name | Value |\n| --- | --- |")
            out += [f"| {rng.choice(words)} | {rng.randint(1, 99)} |" for _ in range(4)]
            out.append("")
        if section == 3:
            out.append(f"```\ncode {rng.choice(words)} = {rng.randint(1, 9)}\n```\n")
    return "\n".join(out)


def bib_entries(rng: random.Random, count: int, words: list[str]) -> str:
    """``count`` BibTeX articles with two to four authors, accents and page ranges."""
    out = []
    for n in range(count):
        authors = " and ".join(
            f"{rng.choice(words).title()}, {rng.choice('ABCDEFGH')}."
            for _ in range(rng.randint(2, 4))
        )
        title = " ".join(rng.choice(words) for _ in range(rng.randint(5, 12))).capitalize()
        first = rng.randint(1, 900)
        out.append(
            f"@article{{ref{n:05d},\n  author = {{{authors}}},\n  title = {{{title}}},\n"
            f"  journal = {{J{{\\'e}}ournal of {rng.choice(words).title()}}},\n"
            f"  year = {{{rng.randint(1990, 2025)}}},\n  volume = {{{rng.randint(1, 99)}}},\n"
            f"  pages = {{{first}--{first + rng.randint(3, 20)}}},\n}}\n"
        )
    return "\n".join(out)


def cite_paragraphs(text: str, rng: random.Random, keys: list[str], per_page: int) -> str:
    """Append ``per_page`` citations, a few grouped, to the article's sentences."""
    sentences = text.split(". ")
    for _ in range(per_page):
        group = "; ".join(f"@{rng.choice(keys)}" for _ in range(rng.choice((1, 1, 2, 3))))
        i = rng.randrange(len(sentences))
        sentences[i] += f" [{group}]"
    return ". ".join(sentences)


def write_site(
    root: Path,
    pages: int,
    terms: int,
    *,
    glossary: bool,
    theme: str = "material",
    seed: int = 7,
    bib: int = 0,
    citations: bool = False,
) -> Path:
    """Write the synthetic site; with ``glossary`` or ``citations`` False that plugin is
    left out. With ``bib`` entries, each page has about eight citations."""
    rng = random.Random(seed)
    words = vocabulary(rng, 6000)
    # Glossary terms are built from their own words: running text mentions a term when
    # it means to, not because a filler word happens to be a term.
    entries = glossary_terms(rng, terms, words[::2])
    filler = words[1::2]
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n\nA synthetic library.\n", encoding="utf-8")
    keys = [f"ref{n:05d}" for n in range(bib)]
    if bib:
        (root / "bib").mkdir(exist_ok=True)
        (root / "bib" / "refs.bib").write_text(bib_entries(rng, bib, filler), encoding="utf-8")
    for n in range(pages):
        text = article(rng, filler, entries)
        if keys:
            text = cite_paragraphs(text, rng, keys, 8)
        (docs / f"page-{n:04d}.md").write_text(text, encoding="utf-8")
    (root / "glossary.yml").write_text(
        yaml.safe_dump({"terms": entries}, allow_unicode=True), encoding="utf-8"
    )
    plugins: list[object] = ["search"]
    if glossary:
        plugins.append({"tiered/glossary": {"file": "glossary.yml", "warn_unused": False}})
    if citations:
        plugins.append({"tiered/citations": {}})
    config = root / "mkdocs.yml"
    theme_config: dict[str, object] = {"name": theme}
    if theme == "material":
        theme_config["font"] = False
    settings = {"site_name": "Benchmark", "theme": theme_config, "plugins": plugins}
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return config


def mention_terms(
    text: str, rng: random.Random, terms: list[dict[str, object]], per_page: int
) -> str:
    """Append ``per_page`` glossary term mentions (a name or an alias) to the sentences.

    For an article written without terms (``article(rng, words, [])``): a page that
    mentions a fixed number of terms, whatever its length.
    """
    sentences = text.split(". ")
    for _ in range(per_page if terms else 0):
        term = rng.choice(terms)
        forms = [str(term["term"]), *(str(a) for a in term["aliases"])]  # type: ignore[attr-defined]
        i = rng.randrange(len(sentences) - 1) if len(sentences) > 1 else 0
        sentences[i] += f" and {rng.choice(forms)}"
    return ". ".join(sentences)
