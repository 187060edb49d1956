"""Topics, tiers and tier pages, collected from front matter; no MkDocs here.

A topic is a folder ``<topics_dir>/<slug>/`` with a landing page ``index.md`` and one
Markdown file per tier, each declaring ``tier:`` in its front matter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from tiered.common.dates import read_date
from tiered.common.diagnostics import Diagnostic
from tiered.common.frontmatter import (
    FrontMatter,
    block_end,
    parse_front_matter,
    unknown_fields,
)

LANDING = "index.md"
_DECLARE = (
    "nothing reads it: remove it, or list it in the tiered/levels option "
    "'extra_front_matter' if your templates or another plugin read it"
)


@dataclass(frozen=True)
class Tier:
    """A reading level.

    Attributes:
        name: The identifier used in front matter (``tier: fundamentals``) and URLs.
        label: What readers see ("Fundamentals").
        description: One line telling readers who the tier is for.
    """

    name: str
    label: str
    description: str = ""


DEFAULT_TIERS = (
    Tier("fundamentals", "Fundamentals", "The essentials in plain, everyday language."),
    Tier("intermediate", "Intermediate", "How it works: the mechanisms and the main studies."),
    Tier("academic", "Academic", "The full scientific depth, for clinicians and students."),
)


@dataclass(frozen=True)
class SourceDoc:
    """A Markdown source as the plugin hands it over.

    Attributes:
        src_uri: Path inside the docs folder, with ``/`` separators.
        path: Path shown in diagnostics (relative to the project root).
        text: The file's content.
    """

    src_uri: str
    path: str
    text: str


@dataclass(frozen=True)
class TierPage:
    """One tier of one topic."""

    src_uri: str
    path: str
    topic: str
    tier: str
    line: int
    summary: str | None = None
    reviewed: dt.date | None = None


@dataclass
class Topic:
    """A topic folder: its landing page and its tier pages by tier name."""

    slug: str
    folder: str
    title: str
    index_uri: str | None = None
    summary: str | None = None
    pages: dict[str, TierPage] = field(default_factory=dict)
    category: str | None = None
    """The landing page's ``category:`` (a slug; checked against the configured categories
    by ``tiered.levels.catalog``)."""
    category_line: int = 1
    """The line of ``category:`` in the landing page (1 when there is none)."""


@dataclass
class Library:
    """Every topic of the site, and the mistakes found while collecting them."""

    tiers: tuple[Tier, ...]
    topics: dict[str, Topic] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    by_uri: dict[str, TierPage] = field(default_factory=dict)
    _landings: dict[str, Topic] | None = field(default=None, init=False, repr=False, compare=False)

    def tier(self, name: str) -> Tier:
        """The configured tier called ``name``."""
        return next(tier for tier in self.tiers if tier.name == name)

    def page(self, src_uri: str) -> TierPage | None:
        """The tier page at ``src_uri``, if it is one."""
        return self.by_uri.get(src_uri)

    def landing(self, src_uri: str) -> Topic | None:
        """The topic whose landing page is ``src_uri``, if any.

        A look-up (every page of a library asks): indexed on the first call, once
        :func:`collect` has filled the library.
        """
        if self._landings is None:
            self._landings = {t.index_uri: t for t in self.topics.values() if t.index_uri}
        return self._landings.get(src_uri)

    def ordered(self, topic: Topic) -> list[tuple[Tier, TierPage]]:
        """The topic's tier pages in tier order, skipping missing tiers."""
        return [(tier, topic.pages[tier.name]) for tier in self.tiers if tier.name in topic.pages]

    def neighbours(self, page: TierPage) -> tuple[TierPage | None, TierPage | None]:
        """The next simpler and the next more detailed page of the same topic."""
        pages = [p for _tier, p in self.ordered(self.topics[page.topic])]
        index = pages.index(page)
        simpler = pages[index - 1] if index > 0 else None
        more = pages[index + 1] if index + 1 < len(pages) else None
        return simpler, more


def topic_prefix(topics_dir: str) -> str:
    """What the ``src_uri`` of a page in ``topics_dir`` starts with (``""`` for ``.``)."""
    folder = topics_dir.strip("/")
    return "" if folder in {"", "."} else folder + "/"


def read_part(doc: SourceDoc) -> SourceDoc:
    """``doc`` cut to what :func:`collect` reads of it.

    A landing page whole (its first heading may be the topic's title), any other page's
    front matter block: for a caller that keeps sources across builds, since a tier
    page's article is most of its text and none of it is read here.
    """
    if doc.src_uri.rpartition("/")[2] == LANDING:
        return doc
    return replace(doc, text=doc.text[: block_end(doc.text)])


def collect(
    docs: Iterable[SourceDoc],
    tiers: tuple[Tier, ...],
    topics_dir: str,
    fields: Collection[str] | None = None,
) -> Library:
    """Collect every topic under ``topics_dir`` and validate its front matter.

    Args:
        docs: All Markdown sources of the site (others than topics are ignored).
        tiers: The configured tiers, in order from simplest to most detailed.
        topics_dir: The folder holding one sub-folder per topic, relative to the docs folder.
        fields: The front matter fields something reads; any other field of a topic page
            is reported (with the known field it is closest to). ``None``: not checked.
    """
    library = Library(tiers=tiers)
    prefix = topic_prefix(topics_dir)
    tier_pages: list[tuple[SourceDoc, FrontMatter]] = []
    for doc in sorted(docs, key=lambda d: d.src_uri):
        parts = doc.src_uri[len(prefix) :].split("/") if doc.src_uri.startswith(prefix) else []
        if len(parts) != 2:
            continue  # not directly inside a topic folder
        slug, name = parts
        meta = parse_front_matter(doc.text, doc.path)
        if meta.error:
            library.diagnostics.append(meta.error)
        elif fields is not None:
            library.diagnostics.extend(unknown_fields(meta, fields, _DECLARE))
        topic = library.topics.get(slug)
        if topic is None:
            folder = doc.path.rsplit("/", 1)[0]
            topic = library.topics[slug] = Topic(slug, folder, _title_from_slug(slug))
        if name == LANDING:
            _add_landing(library, topic, doc, meta)
        else:
            tier_pages.append((doc, meta))
    # When two pages claim one tier, the page named after the tier keeps it.
    tier_pages.sort(key=lambda item: (item[0].src_uri.rsplit("/", 1)[-1] != _claim(item[1]),))
    for doc, meta in tier_pages:
        _add_tier_page(library, doc, meta, prefix)
    for topic in library.topics.values():
        if topic.index_uri is None:
            library.diagnostics.append(
                Diagnostic(topic.folder, 0, f"topic '{topic.slug}' has no landing page ({LANDING})")
            )
        for tier in tiers:
            if tier.name not in topic.pages:
                library.diagnostics.append(
                    Diagnostic(topic.folder, 0, f"topic '{topic.slug}' has no '{tier.name}' page")
                )
    return library


def _claim(meta: FrontMatter) -> str:
    tier = meta.data.get("tier")
    return f"{tier}.md" if isinstance(tier, str) else ""


def _add_landing(library: Library, topic: Topic, doc: SourceDoc, meta: FrontMatter) -> None:
    topic.index_uri = doc.src_uri
    diagnostics = library.diagnostics
    title = _text_field(meta, "title", diagnostics)
    topic.title = title or _markdown_title(doc.text[meta.body_offset :]) or topic.title
    topic.summary = _text_field(meta, "summary", diagnostics)
    topic.category = _text_field(meta, "category", diagnostics)
    if "category" in meta.lines:
        topic.category_line = meta.line_of("category")
    if "tier" in meta.data:
        diagnostics.append(
            Diagnostic(
                doc.path,
                meta.line_of("tier"),
                "front matter field 'tier': the topic landing page "
                f"({LANDING}) cannot be a tier page; remove the field",
            )
        )


def _add_tier_page(library: Library, doc: SourceDoc, meta: FrontMatter, prefix: str) -> None:
    diagnostics = library.diagnostics
    names = ", ".join(tier.name for tier in library.tiers)
    topic = library.topics[doc.src_uri[len(prefix) :].split("/")[0]]
    summary = _text_field(meta, "summary", diagnostics)
    reviewed = _date_field(meta, "reviewed", diagnostics)
    _text_field(meta, "title", diagnostics)
    if meta.error:
        return  # the YAML error is reported; guessing the tier would only add noise
    if "tier" not in meta.data:
        diagnostics.append(
            Diagnostic(
                doc.path, 1, f"front matter field 'tier' is missing (expected one of: {names})"
            )
        )
        return
    line = meta.line_of("tier")
    value = meta.data["tier"]
    if not isinstance(value, str) or value not in {tier.name for tier in library.tiers}:
        shown = repr(value) if isinstance(value, str) else _kind(value)
        diagnostics.append(
            Diagnostic(
                doc.path,
                line,
                f"front matter field 'tier': unknown tier {shown} (expected one of: {names})",
            )
        )
        return
    claimed = topic.pages.get(value)
    if claimed is not None:
        diagnostics.append(
            Diagnostic(
                doc.path,
                line,
                f"front matter field 'tier': topic '{topic.slug}' already has a '{value}' page "
                f"({claimed.path}:{claimed.line})",
            )
        )
        return
    page = TierPage(
        doc.src_uri, doc.path, topic.slug, value, line, summary=summary, reviewed=reviewed
    )
    topic.pages[value] = library.by_uri[doc.src_uri] = page


def _text_field(meta: FrontMatter, key: str, diagnostics: list[Diagnostic]) -> str | None:
    value = meta.data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        diagnostics.append(
            Diagnostic(
                meta.path,
                meta.line_of(key),
                f"front matter field '{key}' must be non-empty text, not {_kind(value)}",
            )
        )
        return None
    return value.strip()


def _date_field(meta: FrontMatter, key: str, diagnostics: list[Diagnostic]) -> dt.date | None:
    value = meta.data.get(key)
    if value is None:
        return None
    # Front matter keeps timestamps as text (see tiered.common.frontmatter).
    date, problem = read_date(value)
    if date is None:
        diagnostics.append(
            Diagnostic(meta.path, meta.line_of(key), f"front matter field '{key}': {problem}")
        )
    return date


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "empty text"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


_H1_RE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def _markdown_title(text: str) -> str | None:
    """The first ATX level-1 heading: only a fallback label for the topic's nav section."""
    match = _H1_RE.search(text)
    return match.group(1).strip() if match else None


def _title_from_slug(slug: str) -> str:
    return slug.replace("-", " ").replace("_", " ").capitalize()
