"""Configuration of the ``tiered/plain`` plugin."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from tiered.config_options import Number
from tiered.plain.findings import Settings


class TierChecks(base.Config):
    """Which plain-language checks a tier runs, and their limits."""

    report_only = c.Type(bool, default=False)
    """Findings go to the report and the author's overlay, not to warnings."""
    jargon = c.Type(bool, default=True)
    """Flag medical jargon and words uncommon in everyday English, unless explained."""
    min_zipf = Number(minimum=0, default=3.0)
    """How common a word must be to pass, on the Zipf scale (3: once per million words)."""
    acronyms = c.Type(bool, default=True)
    """Flag acronyms neither spelled out nor glossary-linked at their first use."""
    numbers = c.Type(bool, default=True)
    """Flag decimals, bare percentages, relative changes alone, "rare" without a number."""
    max_words = Number(minimum=0, default=20)
    """The longest sentence, in words (0: no limit)."""
    passive = c.Type(bool, default=True)
    """Flag passive voice ("is made", "was shown")."""
    max_paragraph_sentences = Number(minimum=0, default=5)
    """The longest paragraph or list item, in sentences (0: no limit)."""

    def settings(self) -> Settings:
        """The checks as the ground floor takes them."""
        return Settings(
            jargon=self.jargon,
            min_zipf=self.min_zipf,
            acronyms=self.acronyms,
            numbers=self.numbers,
            max_words=int(self.max_words) or None,
            passive=self.passive,
            max_paragraph_sentences=int(self.max_paragraph_sentences) or None,
        )


DEFAULT_TIERS = {
    # Strict: every check, the NHS's and CDC's limits for patient information.
    "fundamentals": {},
    # Lighter: readers who know the basics; words are the glossary's job here.
    "intermediate": {
        "jargon": False,
        "numbers": False,
        "passive": False,
        "max_words": 25,
        "max_paragraph_sentences": 8,
    },
    # Report only: technical on purpose; the figures help, they do not fail a build.
    "academic": {"report_only": True, "jargon": False, "numbers": False, "max_words": 35},
}


class Tiers(c.OptionallyRequired[dict[str, TierChecks]]):
    """Per tier: a :class:`TierChecks` mapping; an unknown check is a warning naming it.

    (``c.DictOfItems(c.SubConfig(...))`` loses its items' warnings in MkDocs 1.6, so a
    misspelled check would pass in silence.)
    """

    def run_validation(self, value: object) -> dict[str, TierChecks]:
        if not isinstance(value, dict):
            raise ValidationError("give each tier's checks: tiers: {fundamentals: {...}}")
        tiers = {}
        for name, item in value.items():
            checks = TierChecks()
            if not isinstance(item, dict):
                raise ValidationError(f"tier '{name}': give a mapping of checks, such as {{}}")
            checks.load_dict(item)
            failed, warnings = checks.validate()
            if failed:
                key, err = failed[0]
                raise ValidationError(f"tier '{name}', '{key}': {err}")
            self.warnings.extend(f"tier '{name}': {message}" for _key, message in warnings)
            tiers[str(name)] = checks
        return tiers


_DEFAULT: Any = DEFAULT_TIERS  # validated like a user's value


class PlainConfig(base.Config):
    """Options of ``tiered/plain``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    tiers = Tiers(default=_DEFAULT)
    """Per tier (by its id): which checks run. Tiers not named are not checked; naming
    tiers replaces the defaults, so name every tier you want checked."""
    reference_tier = c.Type(str, default="academic")
    """The tier whose page states a topic's evidence: every number a simpler tier of the
    topic gives must appear there too, or carry a citation where it is given."""
    facts = c.Type(bool, default=True)
    """Check that the simpler tiers' numbers agree with the reference tier's."""
    review_interval = c.Optional(Number(minimum=1, example=12))
    """Months from ``reviewed:`` to the next review, for pages without ``next_review:``."""
    overlay = c.Type(bool, default=True)
    """In ``mkdocs serve`` only: mark the findings in each page, with a legend (the
    built site never has it)."""
    show_review = c.Type(bool, default=True)
    """Show "Page last reviewed" / "Next review due" at the end of tier pages."""
