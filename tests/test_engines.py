"""The repository's site built with MkDocs 1.6.1 and with ProperDocs gives the same HTML.

Both engines run as a user runs them (``python -m mkdocs build`` / ``python -m properdocs
build``, a subprocess each, ``--strict``), into temporary folders. Every HTML page must
be equal byte for byte apart from the generator line. PDFs are off (TIERED_PDF=false):
they are made from that HTML, and the PDF tests cover them.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_checked

pytestmark = pytest.mark.package

_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def _build(engine: str, site: Path) -> str:
    env = {**os.environ, "TIERED_PDF": "false", "NO_MKDOCS_2_WARNING": "1"}
    command = ("-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", site)
    return run_checked(sys.executable, *command, cwd=REPO, env=env)


def _pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }


def test_mkdocs_and_properdocs_build_the_same_html(tmp_path: Path) -> None:
    _build("mkdocs", tmp_path / "mkdocs")
    _build("properdocs", tmp_path / "properdocs")
    mkdocs, properdocs = _pages(tmp_path / "mkdocs"), _pages(tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    assert len(mkdocs) >= 8
    generators = set()
    for path, html in mkdocs.items():
        other = properdocs[path]
        generators.update(_GENERATOR.findall(html) + _GENERATOR.findall(other))
        assert _GENERATOR.sub("", html) == _GENERATOR.sub("", other), path
    assert generators == {
        '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">',
        '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">',
    }
