"""``mkdocs serve`` rebuilds when the glossary file changes, even outside docs/."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.serve_support import serving, wait_for


def test_editing_the_glossary_rebuilds_the_preview(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n\nEstrogen matters.\n", encoding="utf-8")
    glossary = tmp_path / "terms.yml"
    glossary.write_text("terms:\n  - term: estrogen\n    short: Old wording.\n", encoding="utf-8")
    settings = {"site_name": "T", "plugins": [{"tiered/glossary": {"file": "terms.yml"}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    with serving(tmp_path) as url:
        wait_for(url, 'title="Old wording."', 60)
        glossary.write_text("terms:\n  - term: estrogen\n    short: New wording.\n", "utf-8")
        wait_for(url, 'title="New wording."', 60)
