"""Configuration of the ``tiered/readability`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class Target(base.Config):
    """The highest grades a tier's pages may reach; unset: reported, not checked."""

    fkgl = c.Optional(c.Type((int, float)))
    """Flesch-Kincaid grade level."""
    smog = c.Optional(c.Type((int, float)))
    """SMOG grade."""


DEFAULT_TARGETS = {
    "fundamentals": {"fkgl": 6, "smog": 7},
    "intermediate": {"fkgl": 9, "smog": 10},
}


class ReadabilityConfig(base.Config):
    """Options of ``tiered/readability``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    targets = c.DictOfItems(c.SubConfig(Target), default=DEFAULT_TARGETS)
    """Per tier (by its id): the highest grades allowed. Tiers not named are reported only."""
    order = c.ListOfItems(c.Type(str), default=["fundamentals", "intermediate", "academic"])
    """Tiers from plainest to hardest: within a topic, each must read harder than the last."""
    words_per_minute = c.Type(int, default=200)
    """Reading speed for "N min read"."""
    show = c.Type(bool, default=True)
    """Show "Reading level: grade N, M min read" under each tier page's title."""
    report_path = c.Type(str, default="about/reading-levels.md")
    """Where the generated reading-level report sits, as if it were a file in docs/."""
    report_title = c.Type(str, default="Reading levels")
    """Title of the report page."""
