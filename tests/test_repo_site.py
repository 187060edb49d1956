"""The repository's own site: strict build, acceptance checks and privacy."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.site_audit import external_loads

TOPIC = "topics/aromatase-inhibitors-and-bone"
TIERS = ("fundamentals", "intermediate", "academic")


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the repo, through the real command line."""
    site = tmp_path_factory.mktemp("site")
    before = _snapshot(REPO / "docs")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    run = subprocess.run(
        [str(mkdocs), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", site],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    assert _snapshot(REPO / "docs") == before, "the build must never write into docs/"
    return site


def test_tier_pages_have_the_switcher(built: Path) -> None:
    for tier in TIERS:
        html = (built / TOPIC / tier / "index.html").read_text(encoding="utf-8")
        nav = re.search(
            r'<nav class="tiered-switcher" aria-label="Reading level".*?</nav>',
            html,
            re.S,
        )
        assert nav is not None, tier
        assert nav.group(0).count("<a ") == 3
        assert nav.group(0).count('aria-current="page"') == 1
        assert f'<meta name="tiered:tier" content="{tier}">' in html


def test_landing_page_lists_the_tiers(built: Path) -> None:
    html = (built / TOPIC / "index.html").read_text(encoding="utf-8")
    assert html.count('<li class="tiered-card"') == 3


def test_figures_are_svg_with_alt_text(built: Path) -> None:
    for tier in TIERS:
        html = (built / TOPIC / tier / "index.html").read_text(encoding="utf-8")
        images = re.findall(r"<img [^>]*>", html)
        assert images, f"{tier} has no figure"
        for image in images:
            assert re.search(r'src="[^"]+\.svg"', image)
            alt = re.search(r'alt="([^"]*)"', image)
            assert alt is not None and len(alt.group(1)) > 20, image


def test_nothing_loads_from_another_host(built: Path) -> None:
    assert external_loads(built) == []


def test_conditional_theme_urls_stay_unreachable(built: Path) -> None:
    """The theme-bundle URLs the audit tolerates need settings this site never has."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "repo_url" not in config
    assert config["theme"]["font"] is False
    for html in built.rglob("*.html"):
        assert 'class="mermaid"' not in html.read_text(encoding="utf-8")
