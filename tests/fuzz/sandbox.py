"""One real, in-process build of a fuzzed site in a fresh temporary folder, and its checks.

The folder holds ``project/`` (docs/, bib/, mkdocs.yml, site/) and is the working
directory during the build, so a relative path resolved against the working directory
lands where the snapshot sees it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import MkDocsException

from tests.fuzz.strategies import MARKER_ATTR, MARKER_TAG, SiteInput

# What a build may end with: PluginError, BuildError, Abort, ConfigurationError (all
# MkDocsException) or a config ValidationError, each with a clean message.
ALLOWED = (MkDocsException, ValidationError)
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s*File \"[^\"]+\", line \d+", re.M)
# Absolute paths the options strategy offers (tests.fuzz.strategies._PATHS).
_ABSOLUTE = [Path("/tmp/tiered-fuzz-abs.md"), Path("/tmp/tiered-fuzz-abs.html")]
_ABSOLUTE += [Path("/tmp/tiered-fuzz-abs"), Path("/abs"), Path("/tmp/x")]
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", {"toc": {"permalink": True}}]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.tracebacks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.messages.append(message)
        if record.exc_info or _TRACEBACK.search(message):
            self.tracebacks.append(message)


@dataclass
class Outcome:
    """What one build did.

    Attributes:
        error: The clean error the build ended with (None: it finished).
        warnings: Every warning and error logged.
        tracebacks: Logged messages carrying a traceback (must stay empty).
        live: Live HTML made from a data file: ``file: what``.
        outside: Files written, changed or removed outside ``site/``.
        pages: Number of HTML pages built.
    """

    error: BaseException | None = None
    warnings: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    live: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    pages: int = 0


def clean_message(error: BaseException) -> bool:
    """A message a reader can act on: not empty, no traceback text."""
    text = str(error)
    return bool(text.strip()) and not _TRACEBACK.search(text)


class LiveMarkup(HTMLParser):
    """Finds payload markup that a browser would act on in one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == MARKER_TAG:
            self.found.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith((MARKER_ATTR, "on")):
                self.found.append(f"{name}= attribute on <{tag}>")
            url = (value or "").strip().lower()
            if name in ("href", "src", "action", "formaction") and url.startswith("javascript:"):
                self.found.append(f'{name}="{value}" on <{tag}>')
        self.script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = False

    def handle_data(self, data: str) -> None:
        if self.script and "fuzz(" in data:
            self.found.append("payload inside <script>")


def live_markup(html: str) -> list[str]:
    """Live payload markup in ``html`` (empty: none)."""
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


def snapshot(root: Path, skip: Path) -> dict[str, str]:
    """Every file and folder under ``root`` but ``skip``: relative path -> content hash."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if here / d != skip]
        for name in dirs:
            found[str((here / name).relative_to(root)) + "/"] = "folder"
        for name in files:
            path = here / name
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def write_site(project: Path, site: SiteInput, *, theme: str = "mkdocs", pdf: bool = False) -> Path:
    """Write the site's sources and ``mkdocs.yml``; returns the config file."""
    for name, text in site.pages.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (project / "docs" / "glossary.yml").write_bytes(site.glossary)
    (project / "bib").mkdir()
    for i, text in enumerate(site.bibs):
        (project / "bib" / f"refs{i}.bib").write_text(text, encoding="utf-8")
    options = site.options
    plugins: list[Any] = [
        {f"tiered/{name}": options.get(name, {})}
        for name in ("levels", "glossary", "citations", "readability")
    ]
    if pdf:
        plugins.append({"tiered/pdf": {"workers": 1}})
    settings = {
        "site_name": "Fuzz site",
        "theme": {"name": theme, **({"font": False} if theme == "material" else {})},
        "plugins": plugins,
        "markdown_extensions": EXTENSIONS,
    }
    config_file = project / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


def run_build(config_file: Path) -> tuple[BaseException | None, _Collect]:
    """A real in-process build; returns the allowed error it ended with, and the log."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    error: BaseException | None = None
    try:
        try:
            config = load_config(config_file=str(config_file))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except ALLOWED as err:
            error = err
    finally:
        logger.removeHandler(handler)
    return error, handler


def build_site(site: SiteInput, *, theme: str = "mkdocs", pdf: bool = False) -> Outcome:
    """Build ``site`` in a fresh folder and check what it wrote and logged.

    Any exception other than :data:`ALLOWED` propagates.
    """
    base = Path(tempfile.mkdtemp(prefix="tiered-fuzz-"))
    project = base / "project"
    project.mkdir()
    outcome = Outcome()
    cwd = Path.cwd()
    try:
        config_file = write_site(project, site, theme=theme, pdf=pdf)
        site_dir = project / "site"
        before = snapshot(base, site_dir)
        cwd_before = {p.name for p in cwd.iterdir()}
        absolute_before = [p.exists() for p in _ABSOLUTE]
        os.chdir(base)
        try:
            outcome.error, log = run_build(config_file)
        finally:
            os.chdir(cwd)
        outcome.warnings, outcome.tracebacks = log.messages, log.tracebacks
        after = snapshot(base, site_dir)
        outcome.outside = sorted(
            path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
        )
        outcome.outside += [f"{cwd}/{n}" for n in {p.name for p in cwd.iterdir()} ^ cwd_before]
        outcome.outside += [
            str(p) for p, was in zip(_ABSOLUTE, absolute_before, strict=True) if p.exists() != was
        ]
        for page in sorted(site_dir.rglob("*.html")) if site_dir.is_dir() else []:
            outcome.pages += 1
            rel = page.relative_to(site_dir)
            outcome.live += [f"{rel}: {f}" for f in live_markup(page.read_text("utf-8"))]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return outcome
