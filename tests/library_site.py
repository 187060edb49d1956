"""A generated library of topics with categories, for tests of library navigation.

Small and deterministic: ``library(60)`` gives 60 topics spread over four categories
and most letters, each with a landing page and three tier pages. The benchmarks have
their own, bigger generator (``benchmarks/library.py``).
"""

from __future__ import annotations

from typing import Any

TIERS = ("fundamentals", "intermediate", "academic")
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


def library(count: int, *, categories: bool = True) -> dict[str, str]:
    """``docs/`` files of a library of ``count`` topics (path inside docs -> text)."""
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
                f"# {title} ({tier})\n\nSome text about {title.lower()} for {tier} readers.\n"
            )
    return docs


def levels_options(*, categories: bool = True) -> dict[str, Any]:
    """The ``tiered/levels`` options the library is built with."""
    return {"categories": CATEGORIES} if categories else {}
