"""Library navigation on a MkDocs site: the generated pages and each page's own nav.

Top floor (it knows MkDocs). The decisions are made by the pure
``tiered.levels.navigation.LibraryNav`` and ``tiered.levels.listing``; this module
adds the generated pages to the site, fills in their lists, and turns a page's
``Entry`` tree into the ``Section``/``Page`` objects themes read from the template
context's ``nav`` (Material and the ``mkdocs`` theme both do). Real ``Page`` objects
are reused, never re-parented, so the site's global navigation (previous/next links,
search) is untouched.
"""

from __future__ import annotations

import posixpath
from html import escape
from typing import TYPE_CHECKING

from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils import dirname_to_title, get_relative_url

from tiered.common.letters import file_name
from tiered.levels import listing
from tiered.levels.catalog import Catalog, Category
from tiered.levels.model import Library, Topic
from tiered.levels.navigation import Entry, LibraryNav, NavItem, Shelf
from tiered.levels.render import TierLink
from tiered.plugin_support import generate_page

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure import StructureItem
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from tiered.levels.config import LevelsConfig

_PLUGIN = "tiered/levels"
_INDEX_INTRO = (
    "Every topic of the library by title, with its category and its reading levels. "
    "Search finds words inside the articles."
)


def nest_paths(paths: Iterable[str]) -> list[NavItem]:
    """MkDocs' default navigation of ``paths`` (``mkdocs.utils.nest_paths``), in linear time.

    The same nested lists (``{"Folder title": [...]}`` per folder, in first-seen order);
    MkDocs' own looks each folder up among its siblings, which at a thousand topic
    folders is most of the time the navigation takes.
    """
    nested: list[NavItem] = []
    # By folder titles, as MkDocs finds them (two folders with one title are one).
    folders: dict[tuple[str, ...], list[NavItem]] = {(): nested}
    for path in paths:
        folder = posixpath.dirname(path)
        titles = tuple(dirname_to_title(part) for part in folder.split("/")) if folder else ()
        for depth in range(1, len(titles) + 1):
            if titles[:depth] not in folders:
                branch: list[NavItem] = []
                folders[titles[: depth - 1]].append({titles[depth - 1]: branch})
                folders[titles[:depth]] = branch
        folders[titles].append(path)
    return nested


class LibrarySite:
    """The generated pages of a library and the navigation of each page.

    Args:
        options: The plugin's validated options.
        library: The collected topics.
        catalog: The topics grouped by category and letter.
    """

    def __init__(self, options: LevelsConfig, library: Library, catalog: Catalog) -> None:
        self.library = library
        self.catalog = catalog
        self.title = options.index_title
        self.split = options.index_split
        index = options.index_page
        folder = posixpath.dirname(index)
        letters: dict[str, str] = {}
        if len(library.topics) > options.index_split:
            for letter in catalog.letters:
                letters[letter] = posixpath.join(folder, "a-z", f"{file_name(letter)}.md")
        self.shelf = Shelf(
            index=index,
            title=options.index_title,
            letters=letters,
            categories={
                c.slug: posixpath.join(options.categories_dir, c.slug, "index.md")
                for c in catalog.categories
            },
        )
        self.topics_dir = options.topics_dir
        self.by_uri: dict[str, str | Category] = {uri: letter for letter, uri in letters.items()}
        for category in catalog.categories:
            self.by_uri[self.shelf.categories[category.slug]] = category
        self.nav: LibraryNav | None = None
        self.files: Files | None = None

    def add_pages(self, config: MkDocsConfig, files: Files) -> None:
        """Add the A–Z page, its letter pages and the category pages to the site."""
        self.files = files
        # Titles and descriptions are config data: escaped, so the Markdown heading, the
        # browser title and the navigation (themes print page titles as they are) show
        # them as text.
        title = escape(self.title)
        pages = [(self.shelf.index, title, _INDEX_INTRO, "Topics A–Z page", "index_page")]
        for letter, uri in self.shelf.letters.items():
            intro = f"Topics under {escape(letter)}."
            pages.append(
                (uri, f"{title}: {escape(letter)}", intro, "A–Z letter page", "index_page")
            )
        for category in self.catalog.categories:
            intro = escape(category.description or f"The topics in {category.title}.")
            path = self.shelf.categories[category.slug]
            pages.append((path, escape(category.title), intro, "category page", "categories_dir"))
        for path, page_title, intro, kind, option in pages:
            generate_page(
                config,
                files,
                path=path,
                title=page_title,
                intro=intro.replace("\n", " "),
                kind=kind,
                plugin=_PLUGIN,
                option=option,
            )

    def arrange(self, arranged: list[NavItem]) -> None:
        """Take the site's topic-first navigation (with the generated pages in it)."""
        self.nav = LibraryNav(arranged, self.library, self.catalog, self.shelf, self.topics_dir)

    def content(self, page: Page, files: Files) -> str | None:
        """The list a generated page shows after its introduction (``None``: not ours)."""
        uri = page.file.src_uri
        links = _Links(page, files)
        if uri == self.shelf.index:
            return self._index(links)
        owner = self.by_uri.get(uri)
        if isinstance(owner, Category):
            members = self.catalog.members[owner.slug]
            items = [self._item(t, links, False) for t in members]
            if len(members) > self.split:
                # A very big category lists titles only (the landing pages link the
                # tiers), so its page stays small enough for a phone.
                items = [listing.TopicItem(i.title, i.href) for i in items]
            return listing.topics(items, owner.slug)
        if isinstance(owner, str):
            bar = self._letters(links, current=owner)
            items = [self._item(t, links, True) for t in self.catalog.letters[owner]]
            return bar + listing.letter_section(owner, items)
        return None

    def _index(self, links: _Links) -> str:
        parts = [self._letters(links, current=None)]
        if self.catalog.categories:
            parts.append(
                listing.categories(
                    [
                        listing.CategoryItem(
                            c.title,
                            links.to(self.shelf.categories[c.slug]),
                            c.description,
                            len(self.catalog.members[c.slug]),
                        )
                        for c in self.catalog.categories
                    ]
                )
            )
        if not self.shelf.letters:
            for letter, topics in self.catalog.letters.items():
                items = [self._item(t, links, True) for t in topics]
                parts.append(listing.letter_section(letter, items))
        return "".join(parts)

    def _letters(self, links: _Links, current: str | None) -> str:
        bar = []
        for letter in self.catalog.letters:
            if self.shelf.letters:
                href = links.to(self.shelf.letters[letter])
            else:
                href = "#" + listing.letter_id(letter)
            bar.append(listing.LetterLink(letter, href, letter == current))
        return listing.letters_bar(bar)

    def _item(self, topic: Topic, links: _Links, with_category: bool) -> listing.TopicItem:
        category = self.catalog.category_of(topic) if with_category else None
        return listing.TopicItem(
            title=topic.title,
            href=links.to(topic.index_uri) if topic.index_uri else links.to_folder(topic),
            summary=topic.summary,
            category=(category.title, links.to(self.shelf.categories[category.slug]))
            if category
            else None,
            tiers=tuple(
                TierLink(tier.name, tier.label, links.to(page.src_uri))
                for tier, page in self.library.ordered(topic)
            ),
        )

    def category_page(self, uri: str) -> Category | None:
        """The category whose generated page ``uri`` is, if it is one."""
        owner = self.by_uri.get(uri)
        return owner if isinstance(owner, Category) else None

    def navigation(self, page: Page | None, site_nav: Navigation) -> Navigation:
        """The small navigation of ``page`` (``None``: a theme template such as 404.html),
        as the objects themes expect."""
        assert self.nav is not None, "arrange() runs in on_files, before any page"
        assert self.files is not None, "add_pages() runs in on_files, before any page"
        pages: list[Page] = []
        entries = self.nav.for_page(page.file.src_uri if page else "")
        items = _convert(entries, None, self.files, pages)
        navigation = Navigation(items, pages)
        navigation.homepage = site_nav.homepage
        return navigation


class _Links:
    """Links from one page to others, by source path."""

    def __init__(self, page: Page, files: Files) -> None:
        self.page = page
        self.files = files

    def to(self, uri: str) -> str:
        target = self.files.src_uris.get(uri)
        return get_relative_url(target.url, self.page.url) if target else uri

    def to_folder(self, topic: Topic) -> str:
        """A topic without a landing page: its first tier page."""
        uris = sorted(page.src_uri for page in topic.pages.values())
        return self.to(uris[0]) if uris else "#"


def _convert(
    entries: tuple[Entry, ...], parent: Section | None, files: Files, pages: list[Page]
) -> list[StructureItem]:
    items: list[StructureItem] = []
    for entry in entries:
        if entry.children is not None:
            section = Section(entry.title or "", [])
            section.parent = parent
            section.children = _convert(entry.children, section, files, pages)
            if entry.active:
                section.active = True
            items.append(section)
            continue
        file = files.src_uris.get(entry.uri or "")
        if file is not None and file.page is not None:
            pages.append(file.page)
            items.append(file.page)
    return items
