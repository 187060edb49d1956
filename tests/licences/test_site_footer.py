"""The repository's site names its content licence in every page's footer, in both themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import REPO
from tests.site_audit import external_loads

LICENCE_LINK = '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
FOOTER_LINE = (
    "Educational information only, not medical advice. "
    f"Articles, figures and glossary definitions: {LICENCE_LINK}."
)
# Where each theme prints `copyright`, around the line.
FOOTERS = {
    "material": f'<div class="md-copyright__highlight">\n      {FOOTER_LINE}\n    </div>',
    "mkdocs": f"<p>{FOOTER_LINE}</p>",
}


@pytest.fixture(scope="module", params=sorted(FOOTERS))
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    """The repo's own mkdocs.yml, built with its theme and with MkDocs' own (no PDFs)."""
    theme: str = request.param
    site = tmp_path_factory.mktemp(f"site-{theme}")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TIERED_PDF", "false")  # the PDFs are tests/pdf's
        # The mkdocs theme would load highlight.js from a CDN; the site has no code to colour.
        mkdocs_theme = {"name": "mkdocs", "highlightjs": False}
        overrides: dict[str, Any] = {"site_dir": str(site)}
        if theme == "mkdocs":
            overrides["theme"] = mkdocs_theme
        config = load_config(str(REPO / "mkdocs.yml"), **overrides)
        assert config.theme.name == theme
        build(config)
    return theme, site


def test_every_page_names_the_content_licence(built: tuple[str, Path]) -> None:
    theme, site = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 9  # home, topic landing and tiers, glossary, references, report, 404
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count(FOOTERS[theme]) == 1, page.relative_to(site)


def test_the_licence_is_a_link_not_a_load(built: tuple[str, Path]) -> None:
    """creativecommons.org is only linked: no badge or script is fetched from it."""
    _theme, site = built
    assert external_loads(site) == []


def test_the_licence_text_ships_with_the_site(built: tuple[str, Path]) -> None:
    _theme, site = built
    assert (site / "LICENSE").read_bytes() == (REPO / "docs/LICENSE").read_bytes()
    text = (REPO / "docs/LICENSE").read_text(encoding="utf-8")
    assert text.startswith(
        "The content of this site is licensed under the Creative Commons Attribution 4.0\n"
        "International License (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/\n"
    )
