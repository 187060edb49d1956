"""A synthetic tiered site for benchmarks: N topics x the three default tiers."""

from __future__ import annotations

from pathlib import Path

import yaml

_PARAGRAPH = (
    "Bone is living tissue that is rebuilt all the time. Cells called osteoclasts remove old "
    "bone and cells called osteoblasts lay down new bone. Estrogen keeps the two in balance, "
    "and when estrogen falls the balance tips towards loss. "
)


def write_site(root: Path, topics: int, *, plugins: list[object]) -> Path:
    """Write ``topics`` topics (landing page + three tiers) and an mkdocs.yml; return it."""
    docs = root / "docs"
    (docs / "topics").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n\nA synthetic library.\n", encoding="utf-8")
    for n in range(topics):
        folder = docs / "topics" / f"topic-{n:03d}"
        folder.mkdir(exist_ok=True)
        (folder / "index.md").write_text(
            f"---\ntitle: Topic {n}\n---\n\n# Topic {n}\n\n{_PARAGRAPH}\n", encoding="utf-8"
        )
        for tier in ("fundamentals", "intermediate", "academic"):
            sections = "".join(
                f"## Section {s}\n\n{_PARAGRAPH * 4}\n\n- one\n- two\n\n" for s in range(6)
            )
            (folder / f"{tier}.md").write_text(
                f"---\ntier: {tier}\nsummary: Topic {n} at the {tier} level.\n---\n\n"
                f"# Topic {n}: {tier}\n\n{sections}",
                encoding="utf-8",
            )
    config = root / "mkdocs.yml"
    settings = {"site_name": "Benchmark", "theme": {"name": "mkdocs"}, "plugins": plugins}
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return config
