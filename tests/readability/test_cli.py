"""``tiered check`` and ``tiered report`` on a fixture site with one of every mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from tiered.cli import main

from tests.conftest import page

HARD = (
    "Aromatase inhibitors substantially accelerate postmenopausal osteoclastogenesis, "
    "diminishing trabecular microarchitecture and cortical integrity considerably.\n"
)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    config = {
        "site_name": "Broken",
        "theme": {"name": "mkdocs"},
        "plugins": [
            "tiered/levels",
            "tiered/glossary",
            "tiered/citations",
            "tiered/readability",
        ],
    }
    _write(
        tmp_path,
        {
            "mkdocs.yml": yaml.safe_dump(config),
            "bib/refs.bib": (
                "@article{good, author={A, B}, title={T}, journal={J}, year={2020}}\n"
                "@article{nojournal, author={A, B}, title={T}, year={2020}}\n"
            ),
            "docs/glossary.yml": (
                "terms:\n  - term: bone\n    short: A hard tissue.\n"
                "  - term: bone\n    short: Again.\n"
            ),
            "docs/index.md": "# Home\n\nSee [the missing page](missing.md).\n",
            "docs/topics/bones/index.md": page("title: Bones\n", "# Bones\n\nAbout.\n"),
            "docs/topics/bones/fundamentals.md": page(
                "tier: fundamentals\nsummary: S.\n", f"# Bones\n\n{HARD}\nAs shown [@ghost].\n"
            ),
            "docs/topics/bones/intermediate.md": page(
                "tier: intermediat\nsummary: S.\n", "# Bones\n\nText.\n"
            ),
        },
    )
    return tmp_path


def test_check_lists_every_mistake_with_its_place(
    broken_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", "-f", str(broken_site / "mkdocs.yml")])
    out = capsys.readouterr().out.splitlines()
    assert status == 0  # warnings only ...
    assert main(["check", "--strict", "-f", str(broken_site / "mkdocs.yml")]) == 1  # ... strict
    text = "\n".join(out)
    for expected in (
        "bib/refs.bib:2: warning: @article{nojournal} is missing 'journal' or 'journaltitle'",
        "docs/glossary.yml:4:",  # the duplicate term, where it is repeated
        "docs/index.md:3:24: warning: Doc file 'index.md' contains a link 'missing.md'",
        "docs/topics/bones/fundamentals.md:8:1: warning: reads above the fundamentals target",
        "docs/topics/bones/fundamentals.md:10:11: warning: unknown citation key 'ghost'",
        "docs/topics/bones/intermediate.md:2: warning: front matter field 'tier': unknown tier",
    ):
        assert expected in text, expected
    # Sorted by file, then line.
    files = [line.split(":", 1)[0] for line in out]
    assert files == sorted(files)


def test_check_json_is_valid_and_stable(
    broken_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--format", "json", "-f", str(broken_site / "mkdocs.yml")])
    first = capsys.readouterr().out
    main(["check", "--format", "json", "-f", str(broken_site / "mkdocs.yml")])
    assert capsys.readouterr().out == first
    rows = json.loads(first)
    assert {tuple(sorted(row)) for row in rows} == {
        ("column", "file", "line", "message", "severity")
    }
    assert any(r["file"] == "docs/index.md" and r["line"] == 3 for r in rows)


def test_a_missing_configuration_exits_2(tmp_path: Path) -> None:
    assert main(["check", "-f", str(tmp_path / "nope.yml")]) == 2


def test_report_prints_a_row_per_tier(
    broken_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "-f", str(broken_site / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "topics/bones" in out
    assert "  fundamentals " in out
    assert "FKGL ≤ 6, SMOG ≤ 7: above" in out
