"""``mkdocs serve`` rebuilds when a .bib file changes, though bib/ is outside docs/."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.serve_support import serving, wait_for


def test_editing_a_bib_file_rebuilds_the_preview(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "bib").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n\nBones [@k].\n", encoding="utf-8")
    entry = "@article{{k, author={{Perez, Ana}}, title={{{}}}, journal={{J}}, year={{2020}}}}\n"
    bib = tmp_path / "bib/refs.bib"
    bib.write_text(entry.format("Old title"), encoding="utf-8")
    settings = {"site_name": "T", "plugins": ["tiered/citations"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    with serving(tmp_path) as url:
        wait_for(url, "Perez A. Old title.", 60)
        bib.write_text(entry.format("New title"), encoding="utf-8")
        wait_for(url, "Perez A. New title.", 60)
