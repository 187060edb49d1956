"""Configuration of the ``tiered/pdf`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from tiered.config_options import SitePath


class PdfConfig(base.Config):
    """Options of ``tiered/pdf``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml``."""
    pdf_on_serve = c.Type(bool, default=False)
    """Also write the PDFs (and show their links) during ``mkdocs serve``; slow, so off."""
    output_dir = SitePath("pdf", folder=True)
    """Folder inside the built site that receives the PDFs (relative, never outside it)."""
    topics_dir = c.Type(str, default="topics")
    """Folder of the built site holding one folder per topic (as ``tiered/levels``)."""
    topics = c.Type(bool, default=True)
    """One PDF per topic, its reading levels as chapters: ``pdf/topics/<topic>.pdf``."""
    tiers = c.Type(bool, default=True)
    """One PDF per reading level with every topic at it: ``pdf/tiers/<tier>.pdf``."""
    library = c.Type(bool, default=True)
    """One PDF of the whole library: ``pdf/library.pdf``."""
    library_title = c.Type(str, default="")
    """Title of the library PDF (default: the site name)."""
    links = c.Type(bool, default=True)
    """Add "Download PDF" links to topic landing pages and tier pages."""
    workers = c.Type(int, default=0)
    """Processes rendering PDFs side by side; 0: one per processor core."""
    cache = c.Type(bool, default=True)
    """Keep rendered PDFs and parts in ``cache_dir``: an export renders only what changed."""
    cache_dir = c.Type(str, default=".cache/tiered/pdf")
    """Folder of the cache, relative to ``mkdocs.yml``; never inside the site or docs folder."""
