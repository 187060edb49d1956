"""``make site`` is atomic: a failed build leaves the previous ``site/`` untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

_SKIP = shutil.ignore_patterns(
    ".venv",
    ".git",
    "site",
    ".site.tmp",
    "*cache*",
    "site-offline.zip",
    "test-artifacts",
    "__pycache__",
)


def _make_site(project: Path) -> subprocess.CompletedProcess[str]:
    venv = Path(sys.executable).parent.parent
    npm = Path(os.environ.get("TIERED_NPM", REPO / ".cache/npm/node_modules")).parent
    # `-o` marks the install stamps as up to date: this test must never reinstall the
    # shared environments from its temporary copy of the project.
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-o",
            f"{venv}/.installed",
            "-o",
            f"{npm}/.installed",
            "site",
            f"VENV={venv}",
            f"NPM_DIR={npm}",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        # The swap is what is tested here; the PDFs are tested in tests/pdf.
        env={**os.environ, "TIERED_PDF": "false"},
    )


def test_failed_build_keeps_the_old_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO, project, ignore=_SKIP)

    first = _make_site(project)
    assert first.returncode == 0, first.stderr
    home = (project / "site/index.html").read_text(encoding="utf-8")
    (project / "site/deployed-marker.txt").write_text("old site", encoding="utf-8")

    broken = project / "docs/topics/aromatase-inhibitors-and-bone/broken.md"
    broken.write_text("---\ntier: expert\n---\n\n# Broken\n", encoding="utf-8")
    failed = _make_site(project)
    assert failed.returncode != 0
    assert (
        "docs/topics/aromatase-inhibitors-and-bone/broken.md:2: front matter field 'tier': "
        "unknown tier 'expert'"
    ) in failed.stderr
    assert (project / "site/deployed-marker.txt").read_text(encoding="utf-8") == "old site"
    assert (project / "site/index.html").read_text(encoding="utf-8") == home
    assert not (project / "site.old").exists()

    broken.unlink()
    fixed = _make_site(project)
    assert fixed.returncode == 0, fixed.stderr
    assert not (project / "site/deployed-marker.txt").exists()
    assert (project / "site/index.html").is_file()
    assert not (project / ".site.tmp").exists()
    # The offline bundle is made beside the site, from its own build.
    assert (project / "site-offline.zip").is_file()
    assert not (project / ".site-offline.tmp").exists()
