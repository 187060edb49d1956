"""Configuration of the ``tiered/levels`` plugin."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from tiered.config_options import SitePath
from tiered.levels.catalog import Category
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


class CategorySlug(TierName):
    """A category slug: the same characters as a tier name (it appears in URLs)."""

    def run_validation(self, value: object) -> str:
        try:
            return super().run_validation(value)
        except ValidationError as err:
            raise ValidationError(str(err).replace("tier name", "category slug", 1)) from None


class CategoryConfig(base.Config):
    """One group of topics."""

    slug = CategorySlug()
    """Identifier written in a topic's landing page: ``category: bones``."""
    title = c.Type(str)
    """What readers see in the navigation and on the A–Z page."""
    description = c.Type(str, default="")
    """One line shown on the A–Z page and at the top of the category's page."""


class Categories(c.ListOfItems[CategoryConfig]):
    """The categories topics are grouped into; slugs must be unique."""

    def __init__(self) -> None:
        super().__init__(c.SubConfig(CategoryConfig), default=[])

    def run_validation(self, value: object) -> list[CategoryConfig]:
        categories = super().run_validation(value)
        seen: dict[str, str] = {}
        for category in categories:
            if category.slug in seen:
                raise ValidationError(
                    f"category slug {category.slug!r} is used twice ({seen[category.slug]!r} "
                    f"and {category.title!r}): give each category its own slug"
                )
            seen[category.slug] = category.title
        return categories


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

    categories = Categories()
    """Groups of topics: ``slug``, ``title``, ``description`` each; a topic's landing page
    names its group with ``category: <slug>``."""
    library = c.Choice(("auto", "always", "never"), default="auto")
    """Library navigation: each page's navigation shows only the way up (Topics A–Z, the
    categories, the current topic's category) and the current topic's tiers, never every
    topic, and generated pages list every topic. ``auto``: when ``categories`` are set or
    there are more than ``library_topics`` topics. It arranges topic-first (``navigation``
    is for sites without it), and a hand-written ``nav:`` still wins."""
    library_topics = c.Type(int, default=30)
    """With ``library: auto``, more topics than this switch library navigation on."""
    index_page = SitePath("topics/index.md", suffix=".md")
    """Where the generated Topics A–Z page goes (library navigation only)."""
    index_title = c.Type(str, default="Topics A–Z")
    """The title of the Topics A–Z page."""
    index_split = c.Type(int, default=200)
    """With more topics than this, the A–Z page links to one page per letter (kept small
    for phones) instead of listing every topic itself."""
    categories_dir = SitePath("categories", folder=True)
    """Folder of the generated category pages (``<categories_dir>/<slug>/``)."""

    def category_models(self) -> tuple[Category, ...]:
        """The validated categories as plain model objects."""
        return tuple(Category(cat.slug, cat.title, cat.description) for cat in self.categories)

    def tier_models(self) -> tuple[Tier, ...]:
        """The validated tiers as plain model objects."""
        return tuple(Tier(t.name, t.label, t.description) for t in self.tiers)
