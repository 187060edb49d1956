"""Configuration of the ``tiered/citations`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from tiered.config_options import Number, SitePath

DEFAULT_BIB_DIR = "bib"
"""The BibTeX folder when the ``bib_dir`` option is unset (optional there)."""


class CitationsConfig(base.Config):
    """Options of ``tiered/citations``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    bib_dir = c.Optional(c.Type(str))
    """Folder (relative to ``mkdocs.yml``) whose ``*.bib`` files are read, in name order.

    Unset: ``bib`` if there is one; without it the plugin lists no references (and says
    so once, at INFO), and a citation on a page is a warning. A folder named here must
    exist."""
    style = c.Choice(("ama", "vancouver", "apa"), default="ama")
    """AMA: superscript numbers; Vancouver (NLM): bracketed numbers (both number sources
    in order of first citation on the page); APA 7: author and year, ``(Perez, 2008)``,
    reference lists in author order, year suffixes (2020a) consistent site-wide."""
    heading = c.Type(str, default="References")
    """Heading of each page's reference list."""
    page_path = SitePath("references.md", suffix=".md")
    """Where the generated site-wide bibliography sits, as if it were a file in docs/
    (relative, inside the site)."""
    page_title = c.Type(str, default="References")
    """Title of the site-wide bibliography page."""
    split = Number(minimum=1, default=100)
    """With more entries than this in the bibliography, the site-wide page lists the
    first letters of first authors, and each letter gets its own page (``references/b/``)."""
    per_page = Number(minimum=1, default=40)
    """Once split, a letter with more entries than this gets several pages
    (``references/s-1/``, ``s-2/``): each entry carries its "Cited in" links (at 1,000
    topics and sources, 100 entries a page made pages of 950 KB)."""
    warn_uncited = c.Type(bool, default=False)
    """Warn about bibliography entries no page cites."""
