"""The theme templates tiered overrides: Material's own, but for lines marked as ours.

``templates/partials/nav-item.html`` is Material's, copied from the installed package,
with a few lines marked by a Jinja comment that starts ``tiered``. Take those lines out
and it must be Material's file byte for byte: a Material upgrade that changes the file
fails here, and the copy is made again from the new one. The behaviour it adds (every
section's ``<nav>`` has a name of its own, axe ``landmark-unique``) is checked on real
builds, with and without ``navigation.indexes``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib.metadata import distribution
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, BuildResult, SiteFactory
from tests.library_site import levels_options, library, slug_of

OURS = REPO / "plugins/tiered/levels/templates/partials"
MATERIAL = Path(str(distribution("mkdocs-material").locate_file("material/templates/partials")))
# A line of ours: it holds a Jinja comment that starts with "tiered".
_MARKED = re.compile(r"\{#-? tiered\b")
TIER_PAGE = f"topics/{slug_of(1)}/intermediate/index.html"


def _unmarked(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not _MARKED.search(line))


def test_nav_item_is_materials_but_for_the_marked_lines() -> None:
    ours = (OURS / "nav-item.html").read_text(encoding="utf-8")
    assert _unmarked(ours) == (MATERIAL / "nav-item.html").read_text(encoding="utf-8"), (
        "Material's partials/nav-item.html changed: copy it again and add the marked lines"
    )
    added = [line.strip() for line in ours.splitlines() if _MARKED.search(line)]
    assert added[-1] == (
        '{# tiered #}<span class="tiered-visually-hidden">{{ render_title(nav_item) }}</span>'
    )
    assert all(line.startswith("{#- tiered: ") for line in added[:-1])  # the header


def test_the_header_names_the_installed_material() -> None:
    version = distribution("mkdocs-material").version
    header = (OURS / "nav-item.html").read_text(encoding="utf-8").splitlines()[0]
    assert f"Material {version}'s partials/nav-item.html" in header, (
        f"Material is {version} now: check nav-item.html against it and update the header"
    )


def test_the_licence_beside_it_is_materials() -> None:
    licence = distribution("mkdocs-material").read_text("licenses/LICENSE")
    assert licence is not None
    assert (OURS / "LICENSE").read_text(encoding="utf-8") == licence


class _Navs(HTMLParser):
    """Every ``<nav>`` on a page with its accessible name (``aria-label``, or the text of
    the element ``aria-labelledby`` names), and the text of every element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.navs: list[tuple[str | None, str | None]] = []  # (aria-label, aria-labelledby)
        self.text: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "nav":
            self.navs.append((values.get("aria-label"), values.get("aria-labelledby")))
        if tag in {"input", "br", "img", "meta", "link", "hr"}:
            return
        ident = values.get("id")
        if ident is not None:
            self.text[ident] = []
        self._open.append((tag, ident))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self._open:
            if ident is not None:
                self.text[ident].append(data)

    def names(self) -> list[str]:
        return [
            " ".join((label or "".join(self.text.get(by or "", []))).split())
            for label, by in self.navs
        ]


def _nav_names(html: str) -> list[str]:
    navs = _Navs()
    navs.feed(html)
    return navs.names()


def _material(features: list[str]) -> dict[str, Any]:
    return {"name": "material", "font": False, "features": features}


@pytest.fixture(scope="module", params=["indexes", "no indexes"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    features = ["navigation.sections", "navigation.footer"]
    if request.param == "indexes":
        features.insert(0, "navigation.indexes")
    factory = SiteFactory(tmp_path_factory.mktemp("nav-names"))
    result = factory.build(library(60), theme=_material(features), levels=levels_options())
    assert result.warnings == []
    return result


@pytest.mark.parametrize("path", ["index.html", "topics/index.html", TIER_PAGE])
def test_every_nav_has_a_name_of_its_own(built: BuildResult, path: str) -> None:
    names = _nav_names(built.html(path))
    assert "" not in names
    assert len(set(names)) == len(names), names


def test_a_tier_page_names_each_section_of_its_path(built: BuildResult) -> None:
    names = _nav_names(built.html(TIER_PAGE))
    assert {"Navigation", "Topics", "Heart and vessels", "Bone topic 1"} <= set(names)


def test_the_name_is_hidden_text_in_the_toggle_only_with_indexes(built: BuildResult) -> None:
    html = built.html(TIER_PAGE)
    hidden = re.findall(r'<span class="tiered-visually-hidden">\s*(.*?)\s*</span>', html)
    indexes = "navigation.indexes" in built.config.theme["features"]
    assert hidden == (["Topics", "Heart and vessels", "Bone topic 1"] if indexes else [])
