"""``make serve`` on a library: a saved page is served fast, cross-page pages stay whole.

A real ``mkdocs serve --dirty`` (what ``make serve`` runs) on a generated 60-topic
library with a glossary (split by letter) and citations: after one tier page is saved,
only it (and the generated pages) is rendered again; the glossary's "Used in", the
references' "Cited in", the reading-level report and the search index still hold the
pages not rendered (their records are kept, tiered/preview/records.py) and the new ones.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.library_site import CATEGORIES, TIERS, library, slug_of, title_of
from tests.serve_support import fetch, serving, wait_for

GLOSSARY = {
    "terms": [
        {"term": "calcium", "short": "A mineral that makes bones hard."},
        {"term": "osteoclast", "aliases": ["osteoclasts"], "short": "A cell that removes bone."},
        {"term": "marrow", "short": "The soft tissue inside bones."},
    ]
}
BIB = """
@article{smith2020,
  author = {Smith, Ann}, title = {Bones at work}, journal = {Bone Journal}, year = {2020}
}
@article{jones2021,
  author = {Jones, Bo}, title = {Cells that remove bone}, journal = {Cell Reports}, year = {2021}
}
"""
EDITED = f"topics/{slug_of(1)}/fundamentals"  # "Bone topic 1": mentions no term before
CITING = f"topics/{slug_of(3)}/fundamentals"  # cites smith2020 from the start
CALCIUM = f"topics/{slug_of(2)}"  # "Calcium topic 2": each tier mentions calcium
UNCHANGED = f"topics/{slug_of(7)}/intermediate"
NEW_TEXT = "Osteoclasts clear away old bone every day [@jones2021]. Servedmarker one."


def _write_site(root: Path) -> None:
    docs = library(60)
    docs[f"{CITING}.md"] += "\nBones carry the body [@smith2020].\n"
    for name, text in docs.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "bib").mkdir()
    (root / "bib" / "refs.bib").write_text(BIB, encoding="utf-8")
    (root / "glossary.yml").write_text(yaml.safe_dump(GLOSSARY), encoding="utf-8")
    settings = {
        "site_name": "Serve test",
        "theme": {"name": "material", "font": False, "features": ["navigation.indexes"]},
        "plugins": [
            "search",
            {"tiered/levels": {"categories": CATEGORIES}},
            # Three terms, one letter page each (glossary/c/, glossary/m/, glossary/o/).
            {"tiered/glossary": {"file": "glossary.yml", "warn_unused": False, "split": 2}},
            "tiered/citations",
            "tiered/readability",
            "tiered/preview",
        ],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")


def _part(html: str, start: str, end: str) -> str:
    """The text of ``html`` from ``start`` up to the next ``end`` after it."""
    begin = html.index(start)
    return html[begin : html.index(end, begin + len(start))]


def _used_in(glossary: str, anchor: str) -> str:
    return _part(glossary, f'data-tiered-term="{anchor}"', "</ul>")


def _without_reload(html: str) -> str:
    return html.rpartition("livereload(")[0]


def _search_pages(index: str) -> set[str]:
    return {doc["location"].partition("#")[0] for doc in json.loads(index)["docs"]}


def test_a_saved_page_is_served_and_the_cross_page_pages_follow(tmp_path: Path) -> None:
    _write_site(tmp_path)
    with serving(tmp_path, "--dirty") as url:
        wait_for(url, "Welcome to the library.", 300)
        unchanged_before = fetch(f"{url}{UNCHANGED}/")
        index_before = _search_pages(fetch(f"{url}search/search_index.json"))
        report_before = fetch(f"{url}about/reading-levels/")

        page = tmp_path / "docs" / f"{EDITED}.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{NEW_TEXT}\n", encoding="utf-8")
        saved = time.monotonic()
        edited = wait_for(f"{url}{EDITED}/", "Servedmarker one.", 120)
        print(f"\nedit to served: {time.monotonic() - saved:.2f} s")
        # The same rebuild wrote the cross-page pages (the server answers only once a
        # rebuild is done): fetched, not waited for.
        glossary = fetch(f"{url}glossary/o/")
        calcium_page = fetch(f"{url}glossary/c/")
        references = fetch(f"{url}references/")
        report = fetch(f"{url}about/reading-levels/")
        index_after = _search_pages(fetch(f"{url}search/search_index.json"))
        unchanged_after = fetch(f"{url}{UNCHANGED}/")

    title = f"{title_of(1)} (Fundamentals)"
    link = '<a class="tiered-glossary-term" href="../../../glossary/o/#osteoclast"'
    assert f'<p>{link} title="A cell that removes bone.">Osteoclasts</a> clear away' in edited
    # The new mention and citation are listed, with the pages not rendered again; "Used
    # in" names the topic (its landing page, not rendered again: its kept title).
    edited_topic = f'<a href="../../topics/{slug_of(1)}/">{title_of(1)}</a>'
    used = f'<li>{edited_topic} (<a href="../../{EDITED}/" title="{title}">F</a>)</li>'
    assert used in _used_in(glossary, "osteoclast")
    tiers = " · ".join(
        f'<a href="../../{CALCIUM}/{tier}/" title="{title_of(2)} ({tier.title()})">'
        f"{tier[0].upper()}</a>"
        for tier in TIERS
    )
    calcium = f'<li><a href="../../{CALCIUM}/">{title_of(2)}</a> ({tiers})</li>'
    assert calcium in _used_in(calcium_page, "calcium")
    jones = _part(references, '<li id="ref-jones2021">', "</li>\n")
    first_cite = f"../{EDITED}/#cite-0"
    # "Cited in" names the topic (its landing page, not rendered again) and links the tier.
    topic = f'<a href="../topics/{slug_of(1)}/">{title_of(1)}</a>'
    cited_in = f'Cited in: {topic} (<a href="{first_cite}" title="{title}">F</a>)'
    assert f"{cited_in}</span>" in jones
    smith = _part(references, '<li id="ref-smith2020">', "</li>\n")
    assert f'href="../{CITING}/#' in smith
    # The report (one row per topic at this size) still holds every topic, each with its
    # three tiers' figures, the search index every page.
    row = (
        r'<tr><th scope="row"><a href="\.\./\.\./(topics/[^"/]+)/">([^<]*)</a></th>'
        r"((?:<td>[^<]*(?:<a [^>]*><strong>above</strong></a>)?</td>){3})</tr>"
    )
    rows = re.findall(row, report)
    assert len({topic for topic, _title, _cells in rows}) == 60
    # Topic titles come from landing pages that were not rendered again.
    titles = [title for _topic, title, _cells in rows]
    assert titles == [title for _topic, title, _cells in re.findall(row, report_before)]
    assert title_of(7) in titles
    assert index_after == index_before
    assert f"{EDITED}/" in index_after
    # A page not rendered again is served as it was, its navigation included (the
    # server's live-reload script carries the build's epoch).
    assert _without_reload(unchanged_after) == _without_reload(unchanged_before)
    assert 'href="../fundamentals/"' in unchanged_after


def test_a_saved_glossary_renders_every_page_again_and_a_deleted_page_is_forgotten(
    tmp_path: Path,
) -> None:
    _write_site(tmp_path)
    with serving(tmp_path, "--dirty") as url:
        wait_for(url, "Welcome to the library.", 300)
        # Every tier page says "for ... readers": a new term links on pages not edited.
        glossary = dict(GLOSSARY, terms=[*GLOSSARY["terms"], {"term": "readers", "short": "You."}])
        (tmp_path / "glossary.yml").write_text(yaml.safe_dump(glossary), encoding="utf-8")
        unchanged = wait_for(f"{url}{UNCHANGED}/", 'title="You.">readers</a>', 120)
        (tmp_path / "docs" / f"{CITING}.md").unlink()
        references = wait_for(f"{url}references/", "Every source the articles cite", 60)
        # The build that saw the page gone is the one without it: poll until smith2020,
        # cited only there, leaves the references page.
        deadline = time.monotonic() + 60
        while 'id="ref-smith2020"' in references and time.monotonic() < deadline:
            references = fetch(f"{url}references/")
        glossary_page = fetch(f"{url}glossary/r/")
    assert 'href="../../../glossary/r/#readers"' in unchanged
    assert 'id="ref-smith2020"' not in references
    assert f'href="../../{CITING}/"' not in _used_in(glossary_page, "readers")
    assert f'href="../../{UNCHANGED}/"' in _used_in(glossary_page, "readers")


def test_a_dirty_rebuild_writes_again_only_the_generated_pages_that_changed(
    tmp_path: Path,
) -> None:
    # The builds `mkdocs serve --dirty` runs, in this process: a first one, then one after
    # a save (tiered/preview/generated.py). Outputs are told apart by content and mtime.
    _write_site(tmp_path)
    site = tmp_path / "site"

    def config() -> Any:
        return load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(site))

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    try:
        build(first, dirty=True)
        outputs = {
            name: site / name / "index.html"
            for name in (
                "glossary/c",
                "glossary/m",
                "glossary/o",
                "references",
                "topics",
                "about/reading-levels",
            )
        }
        before = {
            name: (path.stat().st_mtime_ns, path.read_text()) for name, path in outputs.items()
        }
        page = tmp_path / "docs" / f"{EDITED}.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{NEW_TEXT}\n", encoding="utf-8")
        build(config(), dirty=True)
        after = {
            name: (path.stat().st_mtime_ns, path.read_text()) for name, path in outputs.items()
        }
    finally:
        # Plugin objects outlive a build in this process (MkDocs caches them): clean again.
        config().plugins.on_startup(command="build", dirty=False)
    # Written again: the pages that list the edited page's new term, citation, figures.
    assert f'href="../../{EDITED}/"' in _used_in(after["glossary/o"][1], "osteoclast")
    assert f'href="../{EDITED}/#' in _part(
        after["references"][1], '<li id="ref-jones2021">', "</li>"
    )
    for name in ("glossary/o", "references", "about/reading-levels"):
        assert after[name][0] > before[name][0], name
        assert after[name][1] != before[name][1], name
    # Not written again: the pages that show nothing new.
    for name in ("glossary/c", "glossary/m", "topics"):
        assert after[name] == before[name], name
