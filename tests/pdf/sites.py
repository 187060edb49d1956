"""Small fixture sites for the PDF tests, built with every tiered plugin and tiered/pdf."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import BuildResult, SiteFactory, page

# The PDFs an export of bones_docs() writes (two topics, three tiers, the library).
PDF_NAMES = [
    "library.pdf",
    "tiers/academic.pdf",
    "tiers/fundamentals.pdf",
    "tiers/intermediate.pdf",
    "topics/bones.pdf",
    "topics/joints.pdf",
]

GLOSSARY = """terms:
  - term: osteoclast
    aliases: [osteoclasts]
    short: A cell that breaks down bone.
    tiers:
      fundamentals: A cell that clears away old bone.
  - term: estrogen
    short: A hormone that helps keep bones strong.
  - term: bone mineral density
    aliases: [BMD]
    short: How much mineral is packed into bone.
"""

BIB = """@article{eastell2008,
  author = {Eastell, Richard and Adams, Judith},
  title = {Bone loss with anastrozole},
  journal = {Journal of Clinical Oncology},
  year = {2008}, volume = {26}, number = {7}, pages = {1051--1057},
  doi = {10.1200/JCO.2007.11.0726}, pmid = {18309940},
}
@article{reid2005,
  author = {Reid, David},
  title = {Bone health in breast cancer},
  journal = {Bone}, year = {2005}, volume = {36}, pages = {1--10},
}
"""

# A figure with its own words: they show that the SVG was drawn, not dropped.
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">'
    '<rect x="2" y="2" width="296" height="76" fill="#cde" stroke="#123"/>'
    '<text x="20" y="45" font-family="DejaVu Sans" font-size="18">Remodeling cycle</text>'
    "</svg>\n"
)

FUNDAMENTALS = """# Your bones

Osteoclasts clear old bone and estrogen keeps them in check [@eastell2008].

![Remodeling cycle diagram](cycle.svg)

## Why bones thin

Less estrogen means more osteoclasts at work [@reid2005]. The
[intermediate page](intermediate.md#the-numbers) has the numbers.

## What helps

Exercise and calcium help.
"""

INTERMEDIATE = """# Bone loss on aromatase inhibitors

Bone mineral density falls by about 2% a year [@eastell2008].

## The numbers

| Trial | BMD change |
| --- | --- |
| ATAC | -6.1% |
| IES | -2.7% |

## Monitoring

A scan every year or two.
"""

ACADEMIC = """# Skeletal effects of aromatase inhibition

Estrogen deprivation raises osteoclast activity [@eastell2008; @reid2005].

## Mechanisms

RANKL rises and OPG falls.
"""


def bones_docs() -> dict[str, str]:
    """One topic at three tiers, a second topic at one, a glossary and a figure."""
    return {
        "index.md": "# Home\n\nThe library.\n",
        "glossary.yml": GLOSSARY,
        "topics/bones/index.md": page("title: Bones\n", "# Bones and hormones\n\nAbout.\n"),
        "topics/bones/fundamentals.md": page("tier: fundamentals\n", FUNDAMENTALS),
        "topics/bones/intermediate.md": page(
            "tier: intermediate\nreviewed: 2026-03-05\n", INTERMEDIATE
        ),
        "topics/bones/academic.md": page("tier: academic\n", ACADEMIC),
        "topics/bones/cycle.svg": SVG,
        "topics/joints/index.md": page("title: Joints\n", "# Joint pain\n\nAbout.\n"),
        "topics/joints/fundamentals.md": page(
            "tier: fundamentals\n", "# Sore joints\n\n## Why\n\nEstrogen matters here too.\n"
        ),
    }


def build(root: Path, docs: dict[str, str], pdf: dict[str, Any] | None = None) -> BuildResult:
    """A real ``mkdocs build`` with levels, glossary, citations and pdf (one worker)."""
    return SiteFactory(root).build(
        docs,
        bib={"refs.bib": BIB},
        plugins=[
            {"tiered/levels": {}},
            {"tiered/glossary": {"warn_unused": False}},
            {"tiered/citations": {}},
            {"tiered/pdf": {"workers": 1, **(pdf or {})}},
        ],
    )
