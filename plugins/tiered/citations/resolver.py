"""Phase two of the citations: each page's citations and list, and the site bibliography.

The Markdown extension (phase one) leaves placeholders and a list of the page's
citations. :class:`SiteCitations` then, for each page, numbers and formats them
(:func:`page_list.resolve_page`) and keeps, in the page's :class:`PageCitations`, what
goes in only after the search plugins have read the page: each citation, the "Cited
in" lists of the bibliography page, the page's reference list and its entries (which
the worker process is formatting meanwhile). Until then a marker comment stands for
each; search skips comments.

The markers hold a token drawn at random for each build, so no page can contain a
valid one: text an author writes (``<!--tiered-...-->`` in raw HTML included) is never
taken for ours, and ours are all replaced before a page is written. A marker's
number indexes the lists of its own page's :class:`PageCitations`.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import secrets
import zlib
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from tiered.citations import page_list, site_list
from tiered.citations.authordate import sort_order
from tiered.citations.intext import source_link
from tiered.citations.markdown import REFS_MARKER
from tiered.citations.markup import anchor_part, ascii_html, cite_id, plain_text
from tiered.common import letters
from tiered.common.backlinks import Topic, TopicGroup, by_topic, short_names

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mkdocs.structure.pages import Page

    from tiered.citations.bibliography import BibEntry
    from tiered.citations.syntax import Citation

# Citations other plugins write as documented markup (no id: not ours, not resolved yet).
# data-tiered-source: where the keys are written when not in the page (file:line).
_MARKUP = re.compile(
    r'<span class="citation" data-cites="([^"]+)"(?: data-tiered-source="([^"]*)")?>[^<]*</span>'
)
_MARKUP_HINT = '<span class="citation" data-cites="'


@dataclass(slots=True)
class PageCitations:
    """What goes in one page after search read it (see the module's docstring).

    A page's fragments wait compressed (:meth:`pack`) from when its citations are
    formatted to when they are put in: every page of the site waits so at once, and its
    citations and list, as text, were ~17 MiB at 1,000 topics (their HTML repeats
    itself: compressed, ~4 MiB).

    Attributes:
        fragments: HTML (ASCII) for the page's fragment markers (citations, "Cited in",
            its list), by number.
        entries: The keys of the entries in the page's list, by entry marker number.
    """

    fragments: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    _packed: bytes = b""
    _lengths: array[int] = field(default_factory=lambda: array("I"))

    def pack(self) -> None:
        """Hold the fragments compressed until :meth:`fragment` needs one."""
        if self.fragments:
            self.unpack()  # with any packed before
            self._lengths = array("I", map(len, self.fragments))
            self._packed = zlib.compress("".join(self.fragments).encode("ascii"), 1)
            self.fragments = []

    def unpack(self) -> None:
        """The fragments as text again."""
        if not self._lengths:
            return
        text = zlib.decompress(self._packed).decode("ascii")
        starts = itertools.accumulate(self._lengths, initial=0)
        unpacked = [text[a : a + n] for a, n in zip(starts, self._lengths, strict=False)]
        self.fragments[:0] = unpacked
        self._packed, self._lengths = b"", array("I")

    def fragment(self, number: int) -> str:
        """The HTML of fragment marker ``number``."""
        self.unpack()
        return self.fragments[number]


@dataclass(slots=True)
class PageCites:
    """What one page cites, as the references page lists it: plain data, no ``Page``.

    Kept across dirty rebuilds (:class:`~tiered.preview.records.PageRecords`): the
    "Cited in" lists of a rebuild hold the pages it did not render too.

    Attributes:
        title: The page's title, as "Cited in" shows it.
        url: The page's address (``page.url``).
        tier: The page's ``tier`` (front matter), if it is a tier page.
        cited: Key -> index of the page's first citation of it (None: cited by markup).
        listed: Keys the page lists without citing them (front matter ``nocite``).
    """

    title: str
    url: str
    tier: str | None = None
    cited: dict[str, int | None] = field(default_factory=dict)
    listed: frozenset[str] = frozenset()


@dataclass
class Resolved:
    """What phase two found on a page."""

    content: str  # the page, with markers where its citations and list go
    unknown: list[str]  # keys cited but not in the bibliography, in order
    # Unknown keys of markup that says where they are written (``file:line``), with it.
    elsewhere: list[tuple[str, str]] = field(default_factory=list)


class SiteCitations:
    """Phase two for one build: every page's citations, and who cites what.

    Args:
        entries: The bibliography's entries by key.
        formatter: Formats the entry with a key as it goes in a page (ASCII HTML).
        style: ``ama``, ``vancouver`` or ``apa``.
        suffixes: Year suffixes (author-date styles), key -> letter, site-wide.
        heading: The heading of each page's reference list.
    """

    def __init__(
        self,
        entries: Mapping[str, BibEntry],
        formatter: Callable[[str], str],
        *,
        style: str,
        suffixes: Mapping[str, str],
        heading: str,
    ) -> None:
        self.entries = entries
        self.csl: dict[str, dict[str, Any]] = {key: e.csl for key, e in entries.items()}
        self.format = formatter
        self.style = style
        self.suffixes = suffixes
        self.heading = heading
        token = secrets.token_hex(8)
        self._marker = re.compile(f"<!--tiered-{token}:([fe])([0-9]+)-->")
        self._prefix = f"<!--tiered-{token}:"
        self.bibliography_marker = f"<!--tiered-{token}:bibliography-->"
        self.pages: dict[str, PageCitations] = {}  # by src_uri, until put in
        self.by_page: dict[str, PageCites] = {}  # src_uri -> what the page cites
        self._citers: dict[str, list[str]] = {}  # key -> its pages (src_uri, in by_page)
        self._topics: dict[str, Topic | None] = {}  # citing tier page -> its topic
        self.order: dict[str, int] = {}  # reading order: src_uri -> index
        self.parts = site_list.Parts("")  # which page lists each entry (set_pages)
        self.urls: dict[str, str] = {}  # the references page and its parts: src_uri -> url
        self.landing: Callable[[str], Topic | None] = lambda uri: None
        self._keys: dict[str, list[str]] = {}  # the site list's pages: src_uri -> keys
        self._list_pages: dict[str, Page] = {}

    def set_pages(
        self,
        parts: site_list.Parts,
        urls: Mapping[str, str],
        landing: Callable[[str], Topic | None],
    ) -> None:
        """Where the site list's pages are, and how to find a tier page's topic."""
        self.parts = parts
        self.urls = dict(urls)
        self.landing = landing

    def entry_href(self, key: str, from_url: str) -> str:
        """The link from the page at ``from_url`` to ``key``'s entry in the site list.

        The one rule for every such link: the entry's page (the references page, or
        its letter's part) and its anchor.
        """
        target = self.urls[self.parts.page_of(key)]
        return f"{_href(target, from_url)}#ref-{anchor_part(key)}"

    def resolve_page(
        self, page: Page, content: str, citations: list[Citation], nocite: tuple[str, ...]
    ) -> Resolved:
        """Number the page's citations, and mark where they and its list go."""
        known = self.entries.keys()
        if nocite:
            record = self._record(page)
            record.listed |= {key for key in nocite if key in known}
            if "*" in nocite:
                record.listed |= set(known)
        if not citations and not nocite:
            return Resolved(content, [])
        state = self.pages.setdefault(page.file.src_uri, PageCitations())
        resolved = page_list.resolve_page(
            content,
            citations,
            self.csl,
            heading=self.heading,
            format_entry=functools.partial(self._entry, state),
            nocite=nocite,
            style=self.style,
            suffixes=self.suffixes,
            place=functools.partial(self._fragment, state),
        )
        if resolved.cited:
            record = self._record(page)
            for key, first in resolved.cited.items():
                record.cited.setdefault(key, first)
        text = resolved.content
        if resolved.listing:
            # Where the author put ::: {#refs}, or at the end.
            listing = self._fragment(state, resolved.listing)
            if REFS_MARKER in text:
                text = text.replace(REFS_MARKER, listing, 1)
            else:
                text += listing
        state.pack()
        return Resolved(text, resolved.unknown)

    def finish_page(self, page: Page, content: str) -> str:
        """The page with everything its markers stand for put in; its state released."""
        state = self.pages.pop(page.file.src_uri, None)
        if state is None or self._prefix not in content:
            return content

        def put(match: re.Match[str]) -> str:
            number = int(match.group(2))
            if match.group(1) == "e":
                return self.format(state.entries[number])
            # A fragment (a page's list) may hold entry markers of its own.
            return self._marker.sub(put, state.fragment(number))

        return self._marker.sub(put, content)

    def prepare_lists(self, pages: Mapping[str, Page]) -> None:
        """Who cites what, in order, for the site list's pages (``pages``, by src_uri).

        ``pages`` holds the references page and, when the list is split, each letter's
        page: the first then lists the letters, each of the others its entries. Each
        page's list is then made by :meth:`site_list_of`, when it is needed.
        """
        # Pages by address, not (address, record) pairs: a list holds every citing page of
        # every key (24,000 at 1,000 topics) while every page's HTML is held too.
        citers: dict[str, list[str]] = {}
        # In reading order once (the nav's, then others), so each key's list is too.
        reading = sorted(self.by_page.items(), key=lambda item: self.order.get(item[0], 0))
        for uri, record in reading:
            for key in record.cited:
                citers.setdefault(key, []).append(uri)
        self._citers = citers
        self._topics = {}
        order = sorted(citers, key=lambda key: (sort_order(self.csl[key]), key))
        self._list_pages = dict(pages)
        self._keys = self.parts.group(order) if self.parts.parts else {self.parts.index: order}

    def site_list_shows(self, uri: str) -> object:
        """What decides the site list's page ``uri`` (plain data, compared by value)."""
        if not self.parts.parts:
            return self._shows(self._keys[uri])
        if uri == self.parts.index:
            return self._letter_rows(self._list_pages[uri])
        return (self._bar(self._list_pages[uri]), self._shows(self._keys[uri]))

    def site_list_of(self, uri: str) -> str:
        """The site list on its page ``uri``, "Cited in" lists as markers."""
        page = self._list_pages[uri]
        if not self.parts.parts:
            return self._listing(page, self._keys[uri])
        if uri == self.parts.index:
            return letters.letter_index(self._letter_rows(page), site_list.INDEX_CLASS, "source")
        keys = self._keys[uri]
        label = next(label for label, path in self.parts.paths.items() if path == uri)
        listing = (
            self._listing(page, keys)
            if keys
            else f"<p>No source under {html.escape(label)} is cited.</p>\n"
        )
        return self._bar(page) + listing

    def _letter_rows(self, index: Page) -> list[tuple[str, str, int]]:
        return [
            (label, _href(self.urls[path], index.url), len(self._keys[path]))
            for label, path in self.parts.paths.items()
            if self._keys[path]
        ]

    def _bar(self, page: Page) -> str:
        listed = {path for path, found in self._keys.items() if found}
        links = self.parts.bar_links(
            page.file.src_uri, listed, functools.partial(self._url_from, page)
        )
        return letters.letter_bar(links, site_list.BAR)

    def _shows(self, keys: list[str]) -> tuple[object, ...]:
        """What decides the site list of ``keys``: each key and who cites it, in order."""
        return tuple((key, tuple(self._citer(uri) for uri in self._citers[key])) for key in keys)

    def _topic(self, uri: str, record: PageCites) -> Topic | None:
        """The topic of citing page ``uri`` (a tier page's), once a build."""
        if record.tier is None:
            return None
        if uri not in self._topics:
            self._topics[uri] = self.landing(uri)
        return self._topics[uri]

    def _url_from(self, page: Page, path: str) -> str:
        """The link from ``page`` to the site list's page at ``path``."""
        return _href(self.urls[path], page.url)

    def _listing(self, page: Page, order: list[str]) -> str:
        state = self.pages.setdefault(page.file.src_uri, PageCitations())
        href = LinksFrom(page.url)
        cited_in = {key: self._cited_in(key, href) for key in order}
        formatted = {key: self.format(key) for key in order}
        # "Cited in" goes in after search read the page: page titles are not sources.
        listing = site_list.bibliography_page(
            order, formatted, cited_in, functools.partial(self._fragment, state)
        )
        return ascii_html(listing)

    def resolve_markup(self, page: Page, content: str) -> Resolved:
        """Resolve ``span.citation[data-cites]`` that other plugins wrote into a page.

        That markup is how plugins cite without knowing this one (the glossary lists a
        term's sources with it). Each key becomes a link to its entry on the references
        page, labelled with its author and year.
        """
        if _MARKUP_HINT not in content:
            return Resolved(content, [])
        unknown: list[str] = []
        elsewhere: list[tuple[str, str]] = []
        text = _MARKUP.sub(
            functools.partial(self._resolve_span, page=page, unknown=unknown, elsewhere=elsewhere),
            content,
        )
        return Resolved(text, unknown, elsewhere)

    def release_records(self) -> None:
        """The site list is built: who cites what is needed no more in this build.

        (A dirty rebuild keeps each page's record in the plugin's ``PageRecords``.)
        Kept to the end of the build they were ~15 MiB at 1,000 topics, alive beside
        every page's HTML when the search index is written (the build's peak).
        """
        self.by_page = {}
        self._citers = {}
        self._topics = {}
        self._keys = {}
        self._list_pages = {}

    def uncited(self) -> list[BibEntry]:
        """The entries no page cites or lists, in bibliography order."""
        records = self.by_page.values()
        listed = set().union(*(record.cited.keys() | record.listed for record in records))
        return [entry for key, entry in self.entries.items() if key not in listed]

    def page_cites(self, uri: str) -> PageCites | None:
        """What page ``uri`` cites, found in this build (None: nothing)."""
        return self.by_page.get(uri)

    def add_page_cites(self, uri: str, record: PageCites) -> None:
        """What page ``uri`` cites, kept from an earlier build that rendered it."""
        self.by_page.setdefault(uri, record)

    def _resolve_span(
        self,
        match: re.Match[str],
        *,
        page: Page,
        unknown: list[str],
        elsewhere: list[tuple[str, str]],
    ) -> str:
        links = []
        source = html.unescape(match.group(2) or "")
        for key in html.unescape(match.group(1)).split():
            entry = self.entries.get(key)
            if entry is None:
                if source:
                    elsewhere.append((key, source))
                else:
                    unknown.append(key)
                links.append(html.escape(key))
                continue
            record = self._record(page)
            record.cited.setdefault(key, None)
            links.append(
                source_link(
                    entry.csl,
                    self.entry_href(key, page.url),
                    plain_text(self.format(key)),
                    style=self.style,
                    suffix=self.suffixes.get(key, ""),
                )
            )
        cites = match.group(1)
        return f'<span class="citation" data-cites="{cites}">{", ".join(links)}</span>'

    def _cited_in(
        self, key: str, href: Callable[[str], str]
    ) -> list[site_list.CitedIn | site_list.TopicCitedIn]:
        """Where ``key`` is cited, in reading order (the nav's, then others).

        Each page once; a topic's tier pages together, as one item for the topic.
        """
        grouped = by_topic(
            (
                site_list.CitedIn(record.title, href(record.url), _cite_id(record, key)),
                topic,
                record.tier,
            )
            for _uri, record, topic in map(self._citer, self._citers[key])
        )
        return [_topic_cited_in(item, href) for item in grouped]

    def _citer(self, uri: str) -> tuple[str, PageCites, Topic | None]:
        """Citing page ``uri``, its record and its topic."""
        record = self.by_page[uri]
        return uri, record, self._topic(uri, record)

    def _record(self, page: Page) -> PageCites:
        """What ``page`` cites, so far in this build."""
        record = self.by_page.get(page.file.src_uri)
        if record is None:
            tier = page.meta.get("tier")
            record = self.by_page[page.file.src_uri] = PageCites(
                page_title(page), page.url, tier if isinstance(tier, str) else None
            )
        return record

    def set_order(self, uris: list[str]) -> None:
        """The pages in reading order ("Cited in" lists them so)."""
        self.order = {uri: index for index, uri in enumerate(uris)}

    def _fragment(self, state: PageCitations, fragment: str) -> str:
        """The marker standing for ``fragment`` in the page until search has read it."""
        state.unpack()
        state.fragments.append(ascii_html(fragment))
        return f"{self._prefix}f{len(state.fragments) - 1}-->"

    def _entry(self, state: PageCitations, key: str) -> str:
        """The marker standing for an entry in the page's list until it is formatted."""
        state.entries.append(key)
        return f"{self._prefix}e{len(state.entries) - 1}-->"


@functools.lru_cache(maxsize=4096)
def _href(url: str, base: str) -> str:
    return get_relative_url(url, base)


def _cite_id(record: PageCites, key: str) -> str | None:
    """The id of the first citation of ``key`` on the page of ``record``."""
    index = record.cited[key]
    return None if index is None else cite_id(index)


def page_title(page: Page) -> str:
    """A page's title as the site list names it (front matter, heading, or its path)."""
    return str(page.meta.get("title") or page.title or page.file.src_uri)


def _topic_cited_in(
    item: site_list.CitedIn | TopicGroup[site_list.CitedIn], href: Callable[[str], str]
) -> site_list.CitedIn | site_list.TopicCitedIn:
    """A page as it is; a topic's citing tiers as one item, each by its short name."""
    if isinstance(item, site_list.CitedIn):
        return item
    names = short_names([tier for tier, _ in item.tiers])
    tiers = tuple(zip(names, (cited for _, cited in item.tiers), strict=True))
    return site_list.TopicCitedIn(item.topic.title, href(item.topic.url), tiers)


class LinksFrom:
    """Links from the page at ``base``: what ``get_relative_url(url, base)`` gives.

    The "Cited in" lists link from one page to thousands: its own path is split once,
    and a page's URL (MkDocs writes them normalised) needs no normalising, so each
    link is a few list operations. Anything else goes through ``get_relative_url``.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        dirname, _, basename = base.rpartition("/")
        own = dirname if "." in basename else base
        self.clean = _is_clean(own)
        self.parts = [part for part in own.split("/") if part]

    def __call__(self, url: str) -> str:
        if not self.clean or not _is_clean(url):
            return get_relative_url(url, self.base)
        dest = [part for part in url.split("/") if part]
        common = 0
        for mine, theirs in zip(self.parts, dest, strict=False):
            if mine != theirs:
                break
            common += 1
        relative = "/".join([".."] * (len(self.parts) - common) + dest[common:]) or "."
        return relative + "/" if url.endswith("/") else relative


def _is_clean(path: str) -> bool:
    """Whether splitting ``path`` at ``/`` is normalising it: no ``.`` or ``..`` parts."""
    if path.startswith("//"):  # normpath keeps two leading slashes
        return False
    return "." not in path or not any(part in {".", ".."} for part in path.split("/"))
