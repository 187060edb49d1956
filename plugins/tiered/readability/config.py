"""Configuration of the ``tiered/readability`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from tiered.config_options import Number, SitePath
from tiered.readability.targets import MIN_GRADE


class Target(base.Config):
    """The highest grades a tier's pages may reach; unset: reported, not checked."""

    fkgl = c.Optional(Number(minimum=MIN_GRADE, example=6))
    """Flesch-Kincaid grade level."""
    smog = c.Optional(Number(minimum=MIN_GRADE, example=7))
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
    words_per_minute = Number(minimum=1, default=200)
    """Reading speed for "N min read" (words a minute, at least 1)."""
    show = c.Type(bool, default=True)
    """Show "Reading level: grade N, M min read" under each tier page's title."""
    report_path = SitePath("about/reading-levels.md", suffix=".md")
    """Where the generated reading-level report sits, as if it were a file in docs/.

    Relative and inside the site (checked by :class:`~tiered.config_options.SitePath`)."""
    report_topics = Number(minimum=0, default=50)
    """With more topics than this, the report is one row per topic (the topics with a
    page above target first) instead of a table per topic, so it stays small."""
    report_title = c.Type(str, default="Reading levels")
    """Title of the report page."""
