"""A generated library of topics with categories, for tests of library navigation.

Small and deterministic: ``library(60)`` gives 60 topics spread over four categories
and most letters, each with a landing page and three tier pages. The benchmarks have
their own, bigger generator (``benchmarks/library.py``).
"""

from __future__ import annotations

from typing import Any

TIERS = ("fundamentals", "intermediate", "academic")
# Both themes; Material as the repo's site uses it (section index pages, previous/next).
THEMES: dict[str, dict[str, Any]] = {
    "mkdocs": {"name": "mkdocs"},
    "material": {
        "name": "material",
        "font": False,
        "features": ["navigation.indexes", "navigation.sections", "navigation.footer"],
    },
}
CATEGORIES: list[dict[str, Any]] = [
    {"slug": "bones", "title": "Bones and joints", "description": "Skeleton, joints, density."},
    {"slug": "heart", "title": "Heart and vessels", "description": "Blood pressure & rhythm."},
    {"slug": "hormones", "title": "Hormones", "description": "Glands and their signals."},
    {"slug": "medicines", "title": "Medicines", "description": "How treatments work."},
]
_WORDS = [
    "Arthritis",
    "Bone",
    "Calcium",
    "Density",
    "Estrogen",
    "Fracture",
    "Gout",
    "Hip",
    "Insulin",
    "Joint",
    "Kidney",
    "Lipid",
    "Marrow",
    "Nerve",
    "Osteoporosis",
    "Pressure",
    "Quinine",
    "Rhythm",
    "Statin",
    "Thyroid",
    "Ulna",
    "Vitamin",
    "Wrist",
    "Xray",
    "Yoga",
    "Zinc",
]


def slug_of(index: int) -> str:
    """The folder name of topic ``index``."""
    return f"{_WORDS[index % len(_WORDS)].lower()}-{index:04d}"


def title_of(index: int) -> str:
    """The title of topic ``index``: its first letter cycles through the alphabet."""
    return f"{_WORDS[index % len(_WORDS)]} topic {index}"


def cites_of(index: int, sources: int, tier: str) -> str:
    """The citations of topic ``index``'s tier page: eight sources a topic, fewer in plainer tiers.

    Topic ``i`` cites sources ``8i`` to ``8i + 7`` (modulo ``sources``), so each source is
    cited by about ``8 * topics / sources`` topics.
    """
    if not sources:
        return ""
    count = {"fundamentals": 3, "intermediate": 6}.get(tier, 8)
    keys = [f"src{(index * 8 + j) % sources:04d}" for j in range(count)]
    return "".join(f"A finding [@{key}].\n\n" for key in keys)


def bibliography(count: int) -> str:
    """A ``.bib`` file of ``count`` sources, first authors spread over the alphabet."""
    entries = []
    for index in range(count):
        word = _WORDS[(index * 7) % len(_WORDS)]
        entries.append(
            f"@article{{src{index:04d}, author={{{word}son, Anna and Other, Bo}}, "
            f"title={{Study {index} of {word.lower()}}}, journal={{Journal of Health}}, "
            f"year={{{2000 + index % 25}}}, volume={{{index % 40 + 1}}}, pages={{1--9}}, "
            f"doi={{10.1000/src.{index}}}}}\n"
        )
    return "".join(entries)


def library(count: int, *, categories: bool = True, sources: int = 0) -> dict[str, str]:
    """``docs/`` files of a library of ``count`` topics (path inside docs -> text).

    With ``sources``, tier pages cite the sources of :func:`bibliography` (``cites_of``).
    """
    docs = {"index.md": "# Library\n\nWelcome to the library.\n"}
    for index in range(count):
        slug, title = slug_of(index), title_of(index)
        category = f"category: {CATEGORIES[index % len(CATEGORIES)]['slug']}\n"
        docs[f"topics/{slug}/index.md"] = (
            f"---\ntitle: {title}\n{category if categories else ''}"
            f"summary: What to know about {title.lower()}.\n---\n\n# {title}\n\nAbout it.\n"
        )
        for tier in TIERS:
            docs[f"topics/{slug}/{tier}.md"] = (
                f"---\ntier: {tier}\nsummary: The {tier} page.\n---\n\n"
                f"# {title} ({tier})\n\nSome text about {title.lower()} for {tier} readers.\n\n"
                + cites_of(index, sources, tier)
            )
    return docs


def levels_options(*, categories: bool = True) -> dict[str, Any]:
    """The ``tiered/levels`` options the library is built with."""
    return {"categories": CATEGORIES} if categories else {}
