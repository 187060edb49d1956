"""New sites and new topics from the templates shipped with the package; no MkDocs here.

The templates are package data (``files/new-site/`` and ``files/new-topic/``): real
Markdown, YAML and BibTeX files an author can read in the source tree, with ``$name``
placeholders (:class:`string.Template`). ``gitignore`` is written as ``.gitignore``
(a dot file in a package is easily lost by packaging tools).

Nothing is ever overwritten: every target path is checked before the first file is
written, so a refused command leaves the folder as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from string import Template

_FILES = resources.files(__package__ or "tiered.scaffold") / "files"
_RENAMED = {"gitignore": ".gitignore"}
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?")
TIERS = ("fundamentals", "intermediate", "academic")
"""The tier pages a new topic gets, in the default tiers' order."""


class ScaffoldError(Exception):
    """The scaffold cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Written:
    """What a scaffold command wrote.

    Attributes:
        root: The folder it wrote into.
        files: The files, relative to ``root``, in the order written.
    """

    root: Path
    files: tuple[str, ...]


def new_site(target: Path, site_name: str = "Tiered health library") -> Written:
    """Write a complete site into ``target`` (created; it must be empty if it exists).

    Raises:
        ScaffoldError: ``target`` is a file, or a folder with something in it.
    """
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target}: is a file; give the path of a new folder")
    if target.is_dir() and any(target.iterdir()):
        raise ScaffoldError(
            f"{target}: the folder is not empty, and nothing in it is overwritten: "
            "give a new folder, or add a topic with 'tiered new topic SLUG'"
        )
    values = {"site_name": site_name, "site_name_yaml": _yaml_text(site_name)}
    return _write(_FILES / "new-site", target, values)


def new_topic(docs_dir: Path, topics_dir: str, slug: str, title: str) -> Written:
    """Write a topic folder ``docs_dir/topics_dir/slug`` with a landing page and three tiers.

    Raises:
        ScaffoldError: The slug is not usable in a URL, the title is empty, or the
            folder exists already.
    """
    if not _SLUG.fullmatch(slug):
        raise ScaffoldError(
            f"topic slug {slug!r}: use lower-case letters, digits and '-' (it becomes the "
            "topic's web address), such as 'bone-health'"
        )
    if not title.strip():
        raise ScaffoldError('the topic needs a title: --title "What readers see"')
    if not docs_dir.is_dir():
        raise ScaffoldError(
            f"{docs_dir}: no docs folder; run the command in a site's folder (where "
            "mkdocs.yml is), or start a site with 'tiered new DIR'"
        )
    folder = docs_dir / topics_dir / slug
    if folder.exists():
        raise ScaffoldError(
            f"{folder}: the topic exists already, and nothing in it is overwritten: "
            "choose another slug"
        )
    values = {"title": title.strip(), "title_yaml": _yaml_text(title.strip())}
    return _write(_FILES / "new-topic", folder, values)


def _yaml_text(text: str) -> str:
    """``text`` as a YAML scalar: a JSON string is a valid double-quoted YAML one."""
    return json.dumps(text, ensure_ascii=False)


def _templates(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every template file under ``folder``, as (relative path, file), in name order."""
    found = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        name = _RENAMED.get(item.name, item.name)
        if item.is_dir():
            found.extend(_templates(item, f"{prefix}{name}/"))
        elif item.is_file():
            found.append((prefix + name, item))
    return found


def _write(source: Traversable, target: Path, values: dict[str, str]) -> Written:
    templates = _templates(source)
    if not templates:  # a broken installation, not a user mistake
        raise ScaffoldError(f"the scaffold templates are missing from {source}: reinstall tiered")
    rendered = [
        (path, Template(item.read_text(encoding="utf-8")).safe_substitute(values))
        for path, item in templates
    ]
    for path, text in rendered:
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("x", encoding="utf-8", newline="\n") as handle:  # never overwrite
            handle.write(text)
    return Written(target, tuple(path for path, _text in rendered))
