"""Every vendored file is listed in vendored.toml and carries its licence beside it.

What counts as vendored is vendored.toml's header: in what ships (the wheel from
``plugins/``, the site from ``docs/``), any file that is not our own code, or that carries
someone else's copyright or licence header.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import REPO
from tools.licence_check import read_toml

SHIPPED = ("plugins", "docs")
# Our own code and the files every folder may have; anything else under plugins/ is data.
OWN_SUFFIXES = {".py", ".css", ".js", ".html"}
OWN_NAMES = {"py.typed", "README.md"}
# A header that says the file is someone else's (ours say "the tiered authors", or nothing).
_FOREIGN = re.compile(r"Copyright (?:\([cC]\)|©)(?! 2026 the tiered authors)|@license|SPDX-License")


def _manifest() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = read_toml(REPO / "vendored.toml")["vendored"]
    return entries


def _listed() -> dict[Path, dict[str, Any]]:
    listed: dict[Path, dict[str, Any]] = {}
    for entry in _manifest():
        matches = sorted(p for pattern in entry["files"] for p in REPO.glob(pattern))
        assert matches, f"vendored.toml: {entry['files']} matches no file"
        listed |= dict.fromkeys(matches, entry)
    return listed


def _shipped() -> list[Path]:
    return sorted(
        path
        for folder in SHIPPED
        for path in (REPO / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def test_each_vendored_file_has_its_notice_beside_it() -> None:
    for path, entry in _listed().items():
        notice = REPO / entry["notice"]
        assert notice.is_file(), entry["notice"]
        if entry["origin"] != "tiered":
            assert notice.parent == path.parent, f"{entry['notice']} is not beside {path.name}"
            assert notice.read_text(encoding="utf-8").strip(), entry["notice"]
        assert entry["licence"] and entry["origin"], path


def test_every_data_file_that_ships_is_listed() -> None:
    """A word list, a font, a style, a dictionary: not code of ours, so vendored.toml says whose."""
    listed = _listed()
    notices = {REPO / entry["notice"] for entry in _manifest()}
    unlisted = [
        path.relative_to(REPO).as_posix()
        for path in _shipped()
        if path.parts[len(REPO.parts)] == "plugins"
        and path.suffix not in OWN_SUFFIXES
        and path.name not in OWN_NAMES
        and path not in listed | dict.fromkeys(notices)
    ]
    assert unlisted == [], "list them in vendored.toml, each with its licence notice beside it"


def test_no_unlisted_file_carries_a_foreign_licence_header() -> None:
    listed = _listed()
    notices = {REPO / entry["notice"] for entry in _manifest()} | {REPO / "docs/LICENSE"}
    foreign = [
        path.relative_to(REPO).as_posix()
        for path in _shipped()
        if path not in listed
        and path not in notices
        and _FOREIGN.search(path.read_text(encoding="utf-8", errors="replace")[:4000])
    ]
    assert foreign == [], "someone else's files: list them in vendored.toml with their notice"


def test_the_wheel_metadata_covers_every_vendored_licence() -> None:
    project = read_toml(REPO / "pyproject.toml")["project"]
    expression = project["license"].split(" AND ")
    assert expression[0] == "MIT"
    third_party = [e for e in _manifest() if e["origin"] != "tiered"]
    # Someone else's MIT file (Material's template) is covered by the expression's MIT,
    # ours; its notice, with their copyright, still ships among the licence files.
    assert sorted(expression[1:]) == sorted({e["licence"] for e in third_party} - {"MIT"})
    assert project["license-files"] == ["LICENSE", *[e["notice"] for e in third_party]]


def test_the_foreign_header_rule_sees_what_it_should() -> None:
    assert _FOREIGN.search("/*! Copyright (c) 2019 Someone | MIT */")
    assert _FOREIGN.search("/** @license MIT */")
    assert _FOREIGN.search("Copyright © 2020 Foundry")
    assert not _FOREIGN.search("Copyright (c) 2026 the tiered authors")
    assert not _FOREIGN.search("keeps the copyright notice")
