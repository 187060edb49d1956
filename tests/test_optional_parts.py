"""A site without a glossary file or a ``bib/`` folder builds strict clean (issue 15).

Unset options with nothing there: the plugin does nothing and says so once, at INFO.
A path named explicitly that does not exist stays an error (tests/glossary/test_build.py,
tests/citations/test_build.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from tiered.cli import main

from tests.conftest import SiteFactory, topic

_GLOSSARY_INFO = (
    "tiered: docs/glossary.yml: no glossary file, so no terms are linked and there is no "
    "glossary page (the file is optional: create it to add terms)"
)
_BIB_INFO = (
    "tiered: bib: no BibTeX folder, so there are no sources to cite and no references page "
    "(the folder is optional: create it to cite sources)"
)


def _infos(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelname == "INFO" and r.name.startswith("mkdocs.plugins.tiered")
    ]


def test_no_glossary_and_no_bib_build_strict_clean(
    site: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    docs = {"index.md": "# Home\n\nAbout bones.\n", **topic()}
    with caplog.at_level(logging.INFO):
        result = site.build(docs, glossary={}, citations={}, strict=True)
    assert result.warnings == []
    assert _infos(caplog) == [_GLOSSARY_INFO, _BIB_INFO]
    built = sorted(p.name for p in result.site.iterdir())
    assert "glossary" not in built
    assert "references" not in built
    home = result.html("index.html")
    assert "tiered/glossary.css" not in home
    assert "tiered/citations.css" not in home
    assert "popover.js" not in home


def test_a_citation_without_bib_is_a_warning_at_its_line(site: SiteFactory) -> None:
    docs = {"index.md": "# Home\n\nBones [@smith2020].\n\nAnd [see @jones, p. 4].\n"}
    result = site.build(docs, citations={}, levels={"enabled": False})
    assert result.warnings == [
        "tiered: docs/index.md:3:8: citation key 'smith2020' but there is no bib/ folder: "
        "create it with a .bib file that holds the entry",
        "tiered: docs/index.md:5:10: citation key 'jones' but there is no bib/ folder: "
        "create it with a .bib file that holds the entry",
    ]


def test_said_once_across_rebuilds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """``mkdocs serve`` keeps the plugin objects: the INFO lines are not repeated."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    settings = {"site_name": "T", "plugins": ["tiered/glossary", "tiered/citations"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.INFO):
        for _ in range(2):
            build(config)
            config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
            # As serve does: the next build's configuration keeps the same plugin objects.
    config.plugins.on_shutdown()
    assert _infos(caplog).count(_GLOSSARY_INFO) == 1
    assert _infos(caplog).count(_BIB_INFO) == 1


def test_glossary_check_without_a_glossary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump({"site_name": "T", "plugins": ["tiered/glossary"]}), encoding="utf-8"
    )
    assert main(["glossary", "check", "-f", str(config)]) == 2
    assert capsys.readouterr().err == (
        "docs/glossary.yml: error: no glossary file: create it, or set 'file' in the "
        "tiered/glossary options\n"
    )
