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
    """One PDF per reading level with every topic at it: ``pdf/tiers/<tier>.pdf`` (see
    ``whole_site``), and per category ``pdf/categories/<slug>/<tier>.pdf`` (``by_category``)."""
    library = c.Type(bool, default=True)
    """One PDF of the whole library: ``pdf/library.pdf`` (see ``whole_site``), and per
    category ``pdf/categories/<slug>.pdf`` (``by_category``)."""
    by_category = c.Type(bool, default=True)
    """When the topics' pages carry a category (``<meta name="tiered:category">``, from
    tiered/levels' ``categories``): the tier and library PDFs of each category too."""
    whole_site = c.Choice(("auto", "always", "never"), default="auto")
    """The site-wide tier and library PDFs. ``auto``: only when the site has at most
    ``whole_site_topics`` topics (a library PDF of more helps no reader and is slow to
    join again after an edit); ``always``; ``never``."""
    whole_site_topics = c.Type(int, default=50)
    """With ``whole_site: auto``, the most topics the site-wide tier and library PDFs hold."""
    required = c.Type(bool, default=False)
    """Fail the build when the site has no tier pages (else: a note, and no PDFs)."""
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
