"""The ``tiered/levels`` MkDocs plugin: routes MkDocs events to the levels model.

Event order used here: ``on_config`` (reset state, theme hooks) → ``on_files``
(collect topics from front matter, report mistakes, add the library's generated pages,
arrange navigation) → ``on_page_markdown`` (browser title) → ``on_page_content``
(switcher, badge, steps, landing cards, the lists of the generated pages) →
``on_page_context`` (the tier and category for ``<meta name="tiered:tier">`` and
``<meta name="tiered:category">``; in a library, the page's own small navigation) →
``on_template_context`` (the same for 404.html) → ``on_post_page`` (last of every
plugin's: the page's Markdown and HTML let go, see :func:`~tiered.plugin_support.release_page`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, file_sort_key
from mkdocs.utils import get_relative_url

from tiered.levels import render
from tiered.levels.catalog import Catalog, Category, catalog
from tiered.levels.config import LevelsConfig
from tiered.levels.library import LibrarySite, nest_paths
from tiered.levels.model import Library, Topic, collect, topic_prefix
from tiered.levels.navigation import Mode, arrange
from tiered.levels.sources import KeptSources
from tiered.plugin_support import (
    add_assets,
    display_path,
    front_matter_fields,
    project_root,
    release_page,
    use_assets,
)
from tiered.preview.generated import GeneratedPages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

_PACKAGE = Path(__file__).parent
CSS = {"assets/tiered/levels.css": _PACKAGE / "assets" / "levels.css"}
JS = {"assets/tiered/levels.js": _PACKAGE / "assets" / "levels.js"}


class LevelsPlugin(BasePlugin[LevelsConfig]):
    """Reading levels: validation, navigation, switcher and landing cards."""

    def __init__(self) -> None:
        self.library: Library | None = None
        self.generated_nav = False
        self.site: LibrarySite | None = None
        self.catalog: Catalog | None = None
        self.generated = GeneratedPages()  # A–Z, letters, categories: written when changed
        self.sources = KeptSources()  # read again when saved, in a dirty serve

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object across rebuilds: a dirty rebuild writes a
        # generated page again only when its list changed (see GeneratedPages).
        self.generated.set_dirty(dirty)
        self.sources.set_dirty(dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.library = None
        self.generated_nav = False
        self.site = None
        self.catalog = None
        if not self.config.enabled:
            return config
        # Our main.html only fills the theme's `extrahead` block; a user's custom_dir
        # keeps precedence (README explains the one include it then needs).
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(_PACKAGE / "templates"))
        use_assets(config, self._assets())
        return config

    # Late: after other plugins added generated pages (the glossary page, say), so the
    # navigation built here includes them.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        add_assets(config, files, self._assets())
        root = project_root(config)
        self._check_topics_dir(config, root)
        prefix = topic_prefix(self.config.topics_dir)
        docs = []
        for file in files.documentation_pages():
            if not file.src_uri.startswith(prefix):
                continue
            shown = display_path(file.abs_src_path, root, file.src_uri)
            try:
                docs.append(self.sources.read(file, shown))
            except UnicodeDecodeError as err:
                log.warning(f"{shown}: not valid UTF-8 text ({err.reason})")
        self.sources.done()
        fields = front_matter_fields(config) | set(self.config.extra_front_matter)
        self.library = library = collect(
            docs, self.config.tier_models(), self.config.topics_dir, fields
        )
        self.catalog = shelves = catalog(library, self.config.category_models())
        for diagnostic in sorted(library.diagnostics + shelves.diagnostics):
            log.warning(str(diagnostic))
        if self._is_library(library):
            self.site = LibrarySite(self.config, library, shelves)
            self.site.add_pages(config, files)
        if config.nav is None:
            pages = sorted(files.documentation_pages(), key=file_sort_key)
            default = nest_paths(f.src_uri for f in pages if f.inclusion.is_in_nav())
            mode = "topic-first" if self.site else self.config.navigation
            config.nav = arrange(default, library, cast("Mode", mode))
            self.generated_nav = True
            if self.site is not None:
                self.site.arrange(config.nav)
        return files

    def _check_topics_dir(self, config: MkDocsConfig, root: Path) -> None:
        # The default may be absent (a site with no topics yet); a folder the author
        # named must exist, or a misspelt name would leave every topic unchecked.
        folder = Path(config.docs_dir) / self.config.topics_dir
        if self.config.topics_dir != LevelsConfig.topics_dir.default and not folder.is_dir():
            config_file = display_path(config.config_file_path, root, "mkdocs.yml")
            log.warning(
                f"{config_file}: tiered/levels option 'topics_dir': there is no folder "
                f"{display_path(folder, root)}; create it (one sub-folder per topic) or set "
                "'topics_dir' to the folder inside docs_dir that holds the topics"
            )

    def _is_library(self, library: Library) -> bool:
        if self.config.library != "auto":
            return self.config.library == "always"
        return bool(self.config.categories) or len(library.topics) > self.config.library_topics

    def _assets(self) -> dict[str, Path]:
        return {**CSS, **(JS if self.config.remember_tier else {})}

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # With generated navigation the nav label is the tier (or topic) name; give the
        # browser tab the full "Topic (Tier)" unless the author chose a title.
        if self.library and self.generated_nav and "title" not in page.meta:
            tier_page = self.library.page(page.file.src_uri)
            if tier_page is not None:
                topic = self.library.topics[tier_page.topic]
                tier = self.library.tier(tier_page.tier)
                page.meta["title"] = f"{topic.title} ({tier.label})"
        return markdown

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        library = self.library
        if library is None:
            return html
        if self.site is not None:
            listing = self.site.content(page, files)
            if listing is not None:
                content = html + "\n" + listing
                self.generated.show(page.file, content)
                return content
        uri = page.file.src_uri
        tier_page = library.page(uri)
        if tier_page is not None:
            topic = library.topics[tier_page.topic]
            links = {link.name: link for link in _links(library, topic, page, files)}
            tier = library.tier(tier_page.tier)
            simpler, more = library.neighbours(tier_page)
            slug = self._category_slug(uri)
            head = render.switcher(list(links.values()), slug) + render.badge(
                tier.name, tier.label, tier.description, tier_page.reviewed
            )
            tail = render.stepper(
                links[simpler.tier] if simpler else None, links[more.tier] if more else None
            )
            return head + html + tail
        landing = library.landing(uri)
        if landing is not None and landing.pages:
            cards = render.cards(_links(library, landing, page, files), self._category_slug(uri))
            return html + cards
        return html

    def _category(self, uri: str) -> Category | None:
        """The category of the topic page ``uri``, or the one whose generated page it is."""
        if self.library is None or self.catalog is None:
            return None
        tier_page = self.library.page(uri)
        topic = self.library.topics[tier_page.topic] if tier_page else self.library.landing(uri)
        if topic is not None:
            return self.catalog.category_of(topic)
        return self.site.category_page(uri) if self.site is not None else None

    def _category_slug(self, uri: str) -> str | None:
        category = self._category(uri)
        return category.slug if category else None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.generated.commit()

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.library is not None:
            tier_page = self.library.page(page.file.src_uri)
            # Read by templates/tiered/head.html; TemplateContext does not declare extra keys.
            extra = cast("dict[str, Any]", context)
            extra["tiered_tier"] = tier_page.tier if tier_page else None
            extra["tiered_category"] = self._category(page.file.src_uri)
        if self.site is not None and self.generated_nav:
            # Themes render `nav` from the context: this page's own, small navigation
            # instead of every topic (a hand-written nav: is left alone).
            context["nav"] = self.site.navigation(page, nav)
        return context

    # After every other plugin's on_post_page: MkDocs writes the page next.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        release_page(page)
        return output

    def on_template_context(
        self, context: TemplateContext, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        # The theme's own pages (404.html) would otherwise list every topic; sitemap.xml
        # reads `pages`, not `nav`, and is left alone.
        nav = context.get("nav")
        if self.site is not None and self.generated_nav and template_name.endswith(".html") and nav:
            context["nav"] = self.site.navigation(None, nav)
        return context


def _links(library: Library, topic: Topic, page: Page, files: Files) -> list[render.TierLink]:
    links = []
    for tier, tier_page in library.ordered(topic):
        target = files.src_uris.get(tier_page.src_uri)
        href = get_relative_url(target.url, page.url) if target else tier_page.src_uri
        links.append(
            render.TierLink(
                name=tier.name,
                label=tier.label,
                href=href,
                description=tier.description,
                summary=tier_page.summary,
                current=tier_page.src_uri == page.file.src_uri,
            )
        )
    return links


def tier_names(config: MkDocsConfig) -> tuple[str, ...]:
    """The site's tier names, simplest first; empty when ``tiered/levels`` is not used.

    The levels plugin's public API for other plugins (the glossary checks tier-specific
    wording against it), so none of them reads this plugin's configuration itself.
    """
    plugin = config.plugins.get("tiered/levels")
    if not isinstance(plugin, LevelsPlugin):
        return ()
    return tuple(tier.name for tier in plugin.config.tier_models())
