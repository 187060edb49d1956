"""Configuration of the ``tiered/levels`` plugin."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from tiered.config_options import SitePath
from tiered.levels.model import DEFAULT_TIERS, Tier

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class TierName(c.Type[str]):
    """A tier name: lower-case letters, digits, ``-`` and ``_`` (it appears in URLs and CSS)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        if not _NAME_RE.match(name):
            raise ValidationError(
                f"tier name {name!r} must use only lower-case letters, digits, '-' and '_'"
            )
        return name


class TierConfig(base.Config):
    """One reading level."""

    name = TierName()
    """Identifier written in front matter: ``tier: fundamentals``."""
    label = c.Type(str)
    """Label readers see in the switcher, badge and navigation."""
    description = c.Type(str, default="")
    """One line telling readers who the tier is for (shown on badges and landing cards)."""


class Tiers(c.ListOfItems[TierConfig]):
    """The tiers from simplest to most detailed; names must be unique."""

    def __init__(self) -> None:
        default = [
            {"name": t.name, "label": t.label, "description": t.description} for t in DEFAULT_TIERS
        ]
        super().__init__(c.SubConfig(TierConfig), default=default)

    def run_validation(self, value: object) -> list[TierConfig]:
        tiers = super().run_validation(value)
        if not tiers:
            raise ValidationError("at least one tier is required")
        seen: set[str] = set()
        for tier in tiers:
            if tier.name in seen:
                raise ValidationError(f"tier name {tier.name!r} is used twice")
            seen.add(tier.name)
        return tiers


class LevelsConfig(base.Config):
    """Options of ``tiered/levels``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    tiers = Tiers()
    """The reading levels, simplest first: ``name``, ``label``, ``description`` each."""
    topics_dir = SitePath("topics", folder=True)
    """Folder (inside ``docs_dir``) holding one sub-folder per topic.

    Relative and normalised (``.``: every folder of ``docs_dir`` is a topic). A folder
    other than the default must exist: a misspelt one would leave every topic unchecked."""
    navigation = c.Choice(("topic-first", "tier-first"), default="topic-first")
    """``topic-first``: a section per topic with its tiers; ``tier-first``: a section per tier.

    A hand-written ``nav:`` in ``mkdocs.yml`` always wins over both."""
    remember_tier = c.Type(bool, default=True)
    """Load ``levels.js``, which remembers the reader's last tier and highlights it."""
    extra_front_matter = c.ListOfItems(c.Type(str), default=[])
    """Front matter fields your own templates or other plugins read on topic pages.

    Topic pages may use MkDocs' and Material's fields and those the tiered plugins
    declare; any other is reported as unknown (a misspelt ``reviewd:`` would be
    ignored without a word), unless it is listed here."""

    def tier_models(self) -> tuple[Tier, ...]:
        """The validated tiers as plain model objects."""
        return tuple(Tier(t.name, t.label, t.description) for t in self.tiers)
