"""The ``tiered/pdf`` MkDocs plugin: a thin hook around the PDF export.

``on_post_build`` hands the built site folder to :func:`tiered.pdf.export.export`, which
knows nothing of MkDocs (``tiered pdf`` runs the same code on any built site);
``on_page_content`` adds the "Download PDF" links to topic and tier pages.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from tiered.pdf.cache import cache_folder
from tiered.pdf.config import PdfConfig
from tiered.pdf.downloads import PageRole, links_html, page_role
from tiered.pdf.names import (
    category_path,
    category_tier_path,
    library_path,
    tier_path,
    topic_path,
)
from tiered.pdf.scope import topic_count, whole_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from tiered.pdf.render import Result

log = get_plugin_logger(__name__)


class PdfPlugin(BasePlugin[PdfConfig]):
    """PDFs per topic, per tier and of the library (or per category), after the HTML build."""

    def __init__(self) -> None:
        self.serving = False
        self.cache: Path | None = None
        self.topic_count = 0

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.cache = None
        if self.config.enabled and self.config.cache:
            found = cache_folder(
                self.config.cache_dir, config.config_file_path, config.site_dir, config.docs_dir
            )
            if isinstance(found, str):
                raise PluginError(f"tiered/pdf: {found}")
            self.cache = found
        return config

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def _active(self) -> bool:
        return bool(self.config.enabled and (self.config.pdf_on_serve or not self.serving))

    # Default priority, before tiered/levels (-50) adds its generated pages: the A–Z
    # letter pages live under topics/ and are no topics.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        uris = [file.src_uri for file in files.documentation_pages()]
        self.topic_count = topic_count(uris, self.config.topics_dir)
        return files

    # Late: after tiered/levels added its switcher and landing cards, which say what the
    # page is.
    @event_priority(-100)
    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not (self._active() and self.config.links):
            return html
        role = page_role(html)
        if role.category_page:
            items = self._category_links(role, page)
            return html + links_html(items) if items else html
        parts = page.file.src_uri.split("/")
        topics = self.config.topics_dir.strip("/").split("/")
        if not (role.tier or role.landing) or parts[: len(topics)] != topics:
            return html
        if len(parts) != len(topics) + 2:
            return html
        slug = parts[len(topics)]
        whole = whole_site(self.config.whole_site, self.topic_count, self.config.whole_site_topics)
        category = role.category if self.config.by_category else None
        items = []
        if self.config.topics:
            items.append((self._href(topic_path(slug), page), "this topic, every reading level"))
        if role.tier and self.config.tiers:
            label = role.tier_label or role.tier
            if whole:
                items.append(
                    (self._href(tier_path(role.tier), page), f"every topic at {label} level")
                )
            if category:
                href = self._href(category_tier_path(category, role.tier), page)
                items.append((href, f"this category at {label} level"))
        if role.landing and self.config.library:
            if whole:
                items.append((self._href(library_path(), page), "the whole library"))
            if category:
                href = self._href(category_path(category), page)
                items.append((href, "this category, every reading level"))
        return html + links_html(items) if items else html

    def _category_links(self, role: PageRole, page: Page) -> list[tuple[str, str]]:
        """A category page's links: its PDF, then one per tier its topics have."""
        if not (self.config.by_category and role.category):
            return []
        items = []
        if self.config.library:
            href = self._href(category_path(role.category), page)
            items.append((href, "every topic in this category, every reading level"))
        if self.config.tiers:
            for tier, label in role.tiers.items():
                href = self._href(category_tier_path(role.category, tier), page)
                items.append((href, f"{label} level"))
        return items

    def _href(self, name: str, page: Page) -> str:
        return get_relative_url(posixpath.join(self.config.output_dir, name), page.url)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self._active():
            return
        # Here, not at the top: a build with the export off (a preview, a library's
        # HTML) does not load the renderer's modules (~3.5 MiB).
        from tiered.pdf.export import Options, export  # noqa: PLC0415

        options = Options(
            site_name=config.site_name,
            output_dir=self.config.output_dir,
            topics_dir=self.config.topics_dir,
            topics=self.config.topics,
            tiers=self.config.tiers,
            library=self.config.library,
            library_title=self.config.library_title,
            by_category=self.config.by_category,
            whole_site=self.config.whole_site,
            whole_site_topics=self.config.whole_site_topics,
            required=self.config.required,
            workers=self.config.workers,
            cache_dir=self.cache,
        )
        report = export(Path(config.site_dir), options, _progress)
        for note in report.notes:
            log.info(f"PDF: {note}")
        log.info(f"PDF: {report.rendered} rendered, {report.reused} reused from the cache")
        for warning in report.warnings:
            log.warning(warning)
        for error in report.errors:
            log.error(error)
        if report.failed:
            raise PluginError(f"{len(report.errors)} PDF(s) could not be written (see above)")


def _progress(result: Result, done: int, total: int) -> None:
    if result.ok:
        log.info(
            f"PDF [{done}/{total}] {result.name}: {result.pages} pages "
            + ("from the cache" if result.cached else f"in {result.seconds:.1f} s")
        )
