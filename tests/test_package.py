"""The wheel, installed as a user would (``pip install tiered-*.whl``), scaffolds and builds.

Offline and fast (about 15 s): the wheel is built from this tree with the development
environment's hatchling (``pip wheel --no-deps --no-build-isolation``); a new virtual
environment (no system site-packages, no pip of its own) gets the wheel from the
development environment's pip (``pip --python``), and finds the dependencies through a
``.pth`` line naming the development environment's site-packages. A ``.pth`` line adds
a folder to ``sys.path`` without running the ``.pth`` files inside it, so the
development tree's editable install of tiered is not seen: the package comes from the
wheel, which the test checks. Nothing is downloaded.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, run_checked

pytestmark = pytest.mark.package

_PACKAGE = REPO / "plugins" / "tiered"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    run_checked(
        *pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", out, REPO, cwd=out
    )
    (found,) = out.glob("tiered-*.whl")
    return found


def test_the_wheel_carries_every_file_of_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        packed = {n for n in archive.namelist() if n.startswith("tiered/")}
    on_disk = {
        "tiered/" + path.relative_to(_PACKAGE).as_posix()
        for path in _PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert packed == on_disk
    # The kinds of data the plugins read at run time, each there.
    for name in (
        "tiered/levels/templates/main.html",
        "tiered/levels/assets/levels.js",
        "tiered/assets/popover.css",
        "tiered/citations/styles/apa.csl",
        "tiered/pdf/print.css",
        "tiered/scaffold/files/new-site/gitignore",
        "tiered/scaffold/files/new-topic/index.md",
    ):
        assert name in packed


def test_installed_wheel_scaffolds_a_site_that_builds_strict(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run_checked(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run_checked(
        sys.executable,
        "-m",
        "pip",
        "--disable-pip-version-check",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp_path,
    )
    purelib = run_checked(
        python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
    ).strip()
    (Path(purelib) / "tiered-test-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["NO_MKDOCS_2_WARNING"] = "1"
    where = run_checked(
        python, "-c", "import tiered; print(tiered.__file__)", cwd=tmp_path, env=env
    )
    assert Path(where.strip()).is_relative_to(venv)
    assert (
        run_checked(venv / "bin" / "tiered", "--version", cwd=tmp_path, env=env) == "tiered 0.1.0\n"
    )
    site = tmp_path / "x"
    run_checked(venv / "bin" / "tiered", "new", site, cwd=tmp_path, env=env)
    log = run_checked(
        python,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        site / "mkdocs.yml",
        cwd=tmp_path,
        env=env,
    )
    assert "WARNING" not in log
    assert "tiered: PDF: 5 rendered, 0 reused from the cache" in log
    assert (site / "site" / "topics" / "example-topic" / "academic" / "index.html").is_file()
    assert (site / "site" / "pdf" / "library.pdf").is_file()
