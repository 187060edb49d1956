"""A cache of rendered PDFs keyed by their content, so an export renders only what changed.

A job's key is a hash of everything its PDF is made from: the print HTML, the print
stylesheet and any extra CSS, whether it is tagged, WeasyPrint's and pydyf's versions,
and the site folder (the base of its URLs). The files of the site it fetched (figures)
are recorded with their hashes and checked on every look-up, so a changed figure renders
the PDF again although its HTML did not change.

An entry is ``<key>.pdf`` and ``<key>.json`` (the page count, the anchors' pages, the
messages, the PDF's size and hash). Both are written under a temporary name and renamed,
so a killed run leaves no half entry; a damaged entry (size or hash wrong, unreadable
metadata) is reported, removed and rendered again. Entries the last full export did not
use are pruned: the cache holds one export's PDFs, not every version ever made.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from contextlib import suppress
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from tiered.pdf.names import temporary_path
from tiered.pdf.render import STYLESHEET, Job, Result, render

# Bumped when what an entry holds, or how a PDF is made from a job, changes.
_FORMAT = "1"
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:pdf|json)")
_TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.(?:pdf|json)\.[0-9]{1,10}\.tmp")


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _same(target: Path, data: dict[str, Any]) -> bool:
    """Whether ``target`` already holds the cached PDF that ``data`` describes."""
    try:
        return bool(target.stat().st_size == data["size"] and file_hash(target) == data["sha256"])
    except OSError:
        return False


@dataclass
class RenderCache:
    """The cache folder (``None``: no cache, every job is rendered) and this run's use of it."""

    folder: Path | None
    site_root: Path
    rendered: int = 0  # jobs rendered by WeasyPrint in this run
    reused: int = 0  # jobs whose PDF came from the cache
    warnings: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    _salt: str = ""
    _hashes: dict[str, str] = field(default_factory=dict)  # site file -> hash, this run

    def __post_init__(self) -> None:
        parts = [
            _FORMAT,
            _version("weasyprint"),
            _version("pydyf"),
            file_hash(STYLESHEET),
            str(self.site_root.resolve()),
        ]
        self._salt = "\0".join(parts)

    def key(self, job: Job, *, tagged: bool = True) -> str:
        """The hash of everything ``job``'s PDF is made from (but the fetched files)."""
        digest = hashlib.sha256(self._salt.encode())
        for value in (job.html, job.extra_css, str(tagged), str(job.anchors)):
            digest.update(b"\0" + value.encode())
        return digest.hexdigest()

    def _site_hash(self, name: str) -> str:
        if name not in self._hashes:
            path = self.site_root / name
            try:
                self._hashes[name] = file_hash(path)
            except OSError:
                self._hashes[name] = ""
        return self._hashes[name]

    def lookup(self, job: Job, *, tagged: bool = True, counted: bool = True) -> Result | None:
        """``job``'s PDF copied from the cache to its target, or ``None`` if it must be rendered.

        ``counted=False``: not a render saved (a joined PDF), so not counted as reused.
        """
        if self.folder is None:
            return None
        key = self.key(job, tagged=tagged)
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        if not meta.exists():
            return None
        try:
            data: dict[str, Any] = json.loads(meta.read_text(encoding="utf-8"))
            ok = pdf.stat().st_size == data["size"] and file_hash(pdf) == data["sha256"]
        except (OSError, ValueError, KeyError, TypeError):
            ok = False
        if not ok:
            self.warnings.append(
                f"{job.name}: the cached PDF {pdf} was damaged (size or hash wrong): "
                "removed, rendered again"
            )
            pdf.unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
            return None
        fetched: dict[str, str] = data.get("fetched", {})
        if any(self._site_hash(name) != digest for name, digest in fetched.items()):
            return None  # a figure changed: the same HTML gives another PDF
        target = Path(job.target)
        temporary = temporary_path(target, str(os.getpid()))
        try:
            if not _same(target, data):  # an unchanged PDF is left alone (mtime, deploys)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(pdf, temporary)
                temporary.replace(target)
        except OSError:
            with suppress(OSError):
                temporary.unlink()
            return None  # rendered instead: its failure is reported naming the document
        self.used.add(key)
        self.reused += counted
        return Result(
            job.name,
            job.target,
            ok=True,
            pages=int(data["pages"]),
            warnings=list(data.get("warnings", [])),
            refused=list(data.get("refused", [])),
            anchors={str(k): int(v) for k, v in data.get("anchors", {}).items()},
            cached=True,
        )

    def store(self, job: Job, result: Result, *, tagged: bool = True, counted: bool = True) -> None:
        """Keep a freshly rendered PDF (a failed render is not kept; ``counted``: a render)."""
        self.rendered += counted
        if self.folder is None or not result.ok:
            return
        key = self.key(job, tagged=tagged)
        try:
            self._write(key, result)
        except OSError as err:
            self.warnings.append(
                f"{job.name}: not kept in the cache {self.folder} ({err.strerror or err}): "
                "check that the folder is writable and the disk not full"
            )
            return
        self.used.add(key)

    def _write(self, key: str, result: Result) -> None:
        assert self.folder is not None
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {
            "pages": result.pages,
            "anchors": result.anchors,
            "warnings": result.warnings,
            "refused": result.refused,
            "fetched": {name: self._site_hash(name) for name in result.fetched},
        }
        pid = str(os.getpid())
        temporary = temporary_path(pdf, pid)
        shutil.copyfile(result.target, temporary)
        data["size"] = temporary.stat().st_size
        data["sha256"] = file_hash(temporary)
        temporary.replace(pdf)
        temporary = temporary_path(meta, pid)
        temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        temporary.replace(meta)  # last: an entry without its metadata is never read

    def render(self, job: Job, *, tagged: bool = True) -> Result:
        """``job``'s PDF from the cache, else rendered (here, in this process) and kept."""
        found = self.lookup(job, tagged=tagged)
        if found is not None:
            return found
        result = render(job, tagged=tagged)
        self.store(job, result, tagged=tagged)
        return result

    def prune(self) -> int:
        """Remove the entries this run did not use, and temporaries of killed runs."""
        removed = 0
        if self.folder is None or not self.folder.is_dir():
            return removed
        for path in self.folder.iterdir():
            name = path.name
            stale = _ENTRY.fullmatch(name) is not None and name[:64] not in self.used
            if (stale or _TEMPORARY.fullmatch(name)) and path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def cache_folder(cache_dir: str, config_file: str, site_dir: str, docs_dir: str) -> Path | str:
    """The cache folder (``cache_dir`` taken from ``mkdocs.yml``'s folder), or why it is refused.

    Never inside the site folder (it would be deployed) nor the sources (``docs_dir``,
    the project's ``bib/``): the export writes nowhere an author keeps files.
    """
    project = Path(config_file).resolve().parent
    folder = (project / cache_dir).resolve()
    if not cache_dir.strip():
        return "option 'cache_dir' is empty: give a folder, such as .cache/tiered/pdf"
    for what, path in (
        ("site folder", Path(site_dir)),
        ("docs folder", Path(docs_dir)),
        ("bibliography folder", project / "bib"),
    ):
        place = (project / path).resolve()
        if folder == place or folder.is_relative_to(place) or place.is_relative_to(folder):
            shown = place.relative_to(project) if place.is_relative_to(project) else place
            return (
                f"option 'cache_dir' ({cache_dir}) is or holds the {what} {shown}: give a folder "
                "outside the site and the sources, such as .cache/tiered/pdf"
            )
    if folder.exists() and not folder.is_dir():
        return f"option 'cache_dir' ({cache_dir}) is a file: remove it or give another folder"
    return folder
