"""Library navigation as plain data: each page's own small navigation, categories, A–Z."""

from __future__ import annotations

from mkdocs.utils import nest_paths
from tiered.levels.catalog import Category, catalog, letter, sort_key
from tiered.levels.library import nest_paths as linear
from tiered.levels.model import DEFAULT_TIERS, SourceDoc, collect
from tiered.levels.navigation import Entry, LibraryNav, Shelf, arrange

CATEGORIES = (Category("bones", "Bones"), Category("heart", "Heart"))
TIERS = ("fundamentals", "intermediate", "academic")
SHELF = Shelf(
    index="topics/index.md",
    title="Topics A–Z",
    categories={"bones": "categories/bones/index.md", "heart": "categories/heart/index.md"},
)


def _docs(categories: dict[str, str | None]) -> list[SourceDoc]:
    docs = []
    for slug, category in categories.items():
        field = f"category: {category}\n" if category else ""
        uri = f"topics/{slug}/index.md"
        docs.append(SourceDoc(uri, f"docs/{uri}", f"---\ntitle: {slug.title()}\n{field}---\n"))
        for tier in TIERS:
            uri = f"topics/{slug}/{tier}.md"
            docs.append(SourceDoc(uri, f"docs/{uri}", f"---\ntier: {tier}\n---\n"))
    return docs


def _nav(
    topics: dict[str, str | None], categories: tuple[Category, ...] = CATEGORIES
) -> LibraryNav:
    docs = _docs(topics)
    library = collect(docs, DEFAULT_TIERS, "topics")
    shelves = catalog(library, categories)
    shelf = Shelf(SHELF.index, SHELF.title, categories=SHELF.categories if categories else {})
    uris = ["index.md", "about.md", *sorted([*shelf.uris(), *(d.src_uri for d in docs)])]
    arranged = arrange(nest_paths(uris), library, "topic-first")
    return LibraryNav(arranged, library, shelves, shelf, "topics")


def _topic(slug: str) -> Entry:
    return Entry(
        slug.title(),
        children=(
            Entry(uri=f"topics/{slug}/index.md"),
            Entry("Fundamentals", f"topics/{slug}/fundamentals.md"),
            Entry("Intermediate", f"topics/{slug}/intermediate.md"),
            Entry("Academic", f"topics/{slug}/academic.md"),
        ),
        active=True,
    )


HOME = (Entry(uri="index.md"), Entry(uri="about.md"))
AZ = Entry(uri="topics/index.md")
BONES = Entry(uri="categories/bones/index.md")
HEART = Entry(uri="categories/heart/index.md")


def test_a_tier_page_sees_the_way_up_and_its_own_topic_only() -> None:
    nav = _nav({"hip": "bones", "knee": "bones", "pulse": "heart"})
    assert nav.for_page("topics/knee/intermediate.md") == (
        *HOME,
        Entry(
            "Topics",
            children=(AZ, Entry("Bones", children=(BONES, _topic("knee")), active=True), HEART),
            active=True,
        ),
    )


def test_a_page_outside_the_topics_sees_no_topic() -> None:
    nav = _nav({"hip": "bones", "pulse": "heart"})
    expected = (*HOME, Entry("Topics", children=(AZ, BONES, HEART)))
    assert nav.for_page("index.md") == expected
    assert nav.for_page("categories/bones/index.md") == expected


def test_the_size_does_not_grow_with_the_library() -> None:
    small = _nav({f"t{i:03d}": "bones" for i in range(3)})
    large = _nav({f"t{i:03d}": "bones" for i in range(300)})
    assert len(repr(large.for_page("topics/t001/academic.md"))) == len(
        repr(small.for_page("topics/t001/academic.md"))
    )


def test_a_topic_in_no_known_category_goes_under_other_topics() -> None:
    nav = _nav({"hip": "bones", "odd": "nonsense", "bare": None})
    for slug in ("odd", "bare"):
        assert nav.for_page(f"topics/{slug}/fundamentals.md") == (
            *HOME,
            Entry(
                "Topics",
                children=(
                    AZ,
                    BONES,
                    HEART,
                    Entry("Other topics", children=(_topic(slug),), active=True),
                ),
                active=True,
            ),
        )


def test_without_categories_the_topic_follows_the_a_to_z_page() -> None:
    nav = _nav({"hip": None, "knee": None}, categories=())
    assert nav.for_page("topics/hip/index.md") == (
        *HOME,
        Entry("Topics", children=(AZ, _topic("hip")), active=True),
    )


def test_a_letter_page_opens_the_a_to_z_section() -> None:
    docs = _docs({"hip": "bones"})
    library = collect(docs, DEFAULT_TIERS, "topics")
    shelf = Shelf("topics/index.md", "Topics A–Z", letters={"H": "topics/a-z/h.md"})
    uris = ["index.md", *sorted([*shelf.uris(), *(d.src_uri for d in docs)])]
    arranged = arrange(nest_paths(uris), library, "topic-first")
    nav = LibraryNav(arranged, library, catalog(library, ()), shelf, "topics")
    assert nav.for_page("topics/a-z/h.md") == (
        Entry(uri="index.md"),
        Entry(
            "Topics",
            children=(
                Entry("Topics A–Z", children=(AZ, Entry(uri="topics/a-z/h.md")), active=True),
            ),
            active=True,
        ),
    )


def test_catalog_groups_sorts_and_reports() -> None:
    docs = _docs({"zinc": "bones", "acne": "heart", "odd": "nope", "bare": None})
    library = collect(docs, DEFAULT_TIERS, "topics")
    result = catalog(library, CATEGORIES)
    assert [t.slug for t in result.members["bones"]] == ["zinc"]
    assert [t.slug for t in result.others] == ["bare", "odd"]
    assert {k: [t.slug for t in v] for k, v in result.letters.items()} == {
        "A": ["acne"],
        "B": ["bare"],
        "O": ["odd"],
        "Z": ["zinc"],
    }
    assert [str(d) for d in result.diagnostics] == [
        "docs/topics/bare/index.md:1: topic 'bare' has no 'category' (one of: bones, heart): "
        "add 'category:' to its front matter; until then it is listed under 'Other topics'",
        "docs/topics/odd/index.md:3: front matter field 'category': unknown category 'nope' "
        "(expected one of: bones, heart); the topic is listed under 'Other topics'",
    ]


def test_letters_ignore_case_and_accents() -> None:
    assert letter("éclair") == "E"
    assert letter("3D scans") == "#"
    assert letter("Ωmega") == "#"
    docs = _docs({"b": None, "a": None})
    library = collect(docs, DEFAULT_TIERS, "topics")
    assert sorted(library.topics.values(), key=sort_key)[0].slug == "a"


def test_the_linear_default_navigation_is_mkdocs_own() -> None:
    # tiered.levels.library.nest_paths replaces MkDocs' quadratic one: the same lists.
    paths = [
        "index.md",
        "topics/bones/index.md",
        "topics/bones/fundamentals.md",
        "a-b/x.md",
        "a_b/y.md",  # the same folder title as a-b: one section, as MkDocs makes it
        "deep/er/still/p.md",
        "deep/q.md",
        "topics/heart/academic.md",
        "z.md",
    ]
    assert linear(paths) == nest_paths(paths)
    assert linear(reversed(paths)) == nest_paths(reversed(paths))
    assert linear([]) == []


def test_a_topic_is_found_by_its_landing_page_only() -> None:
    library = collect(_docs({"bone-health": "bones", "heart-rate": None}), DEFAULT_TIERS, "topics")
    landing = library.landing("topics/bone-health/index.md")
    assert landing is not None and landing.slug == "bone-health"
    assert library.landing("topics/heart-rate/index.md") is library.topics["heart-rate"]
    assert library.landing("topics/bone-health/academic.md") is None  # a tier page
    assert library.landing("index.md") is None
