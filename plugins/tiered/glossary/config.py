"""Configuration of the ``tiered/glossary`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from tiered.config_options import Number, SitePath

DEFAULT_FILE = "docs/glossary.yml"
"""The glossary file when the ``file`` option is unset (optional there)."""


class GlossaryConfig(base.Config):
    """Options of ``tiered/glossary``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    file = c.Optional(c.Type(str))
    """The glossary file, relative to ``mkdocs.yml``. Never copied into the site.

    Unset: ``docs/glossary.yml`` if there is one; without it the plugin does nothing
    (and says so once, at INFO). A file named here must exist."""
    page_path = SitePath("glossary.md", suffix=".md")
    """Where the generated glossary page lives in the site (as if it were in docs/): a
    relative ``.md`` path inside the site folder."""
    page_title = c.Type(str, default="Glossary")
    """Title of the generated glossary page."""
    split = Number(minimum=0, default=100)
    """With more terms than this, the glossary page lists the letters and each letter
    gets its own page (``glossary/b/``), as the references list does. 0: never split."""
    per_page = Number(minimum=1, default=40)
    """Once split, a letter with more terms than this gets several pages
    (``glossary/s-1/``, ``s-2/``): each term carries its "Used in" links, so a library
    whose terms are used in dozens of topics needs a bound (at 1,000 topics and terms,
    100 terms a page made pages of 850 KB, 50 of 440 KB)."""
    density = c.Choice(("first-per-section", "first-per-page", "all"), default="first-per-section")
    """Which mentions become links: the first under each h2, the first on the page, or all."""
    warn_unused = c.Type(bool, default=True)
    """Warn about linkable terms that no page mentions."""
    inflect = c.Type(bool, default=True)
    """Also find the regular plurals of terms and aliases (``airway``: ``airways``);
    ``inflect: false`` on an entry turns it off for that entry only."""
    popovers = c.Type(bool, default=True)
    """Ship the popover script: definitions pop over on hover, focus and tap."""
