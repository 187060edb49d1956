"""Shared test helpers: real MkDocs builds of small sites in temporary folders."""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

# Property tests check what comes out, not how fast: on a shared 2-core machine one
# example can take seconds, and Hypothesis' default 200 ms deadline would fail it. Linear
# time is checked by the fuzz suite's slopes (tests/fuzz/test_linearity.py).
settings.register_profile("tiered", deadline=None)
settings.load_profile("tiered")

REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden HTML fixtures from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class BuildResult:
    """What a real ``mkdocs build`` produced."""

    config: MkDocsConfig
    site: Path
    warnings: list[str] = field(default_factory=list)

    def html(self, path: str) -> str:
        """The built file at ``path`` inside the site folder."""
        return (self.site / path).read_text(encoding="utf-8")


@dataclass
class SiteFactory:
    root: Path

    def build(
        self,
        docs: dict[str, str],
        *,
        theme: str | dict[str, Any] = "mkdocs",
        levels: dict[str, Any] | None = None,
        glossary: dict[str, Any] | None = None,
        citations: dict[str, Any] | None = None,
        readability: dict[str, Any] | None = None,
        plain: dict[str, Any] | None = None,
        bib: dict[str, str] | None = None,
        prepare: Callable[[MkDocsConfig], None] | None = None,
        **config: Any,
    ) -> BuildResult:
        """Write ``docs`` and an ``mkdocs.yml``, then run a real build and collect warnings."""
        for name, text in (bib or {}).items():
            path = self.root / "bib" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name, text in docs.items():
            path = self.root / "docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        settings: dict[str, Any] = {
            "site_name": "Test site",
            "theme": theme
            if isinstance(theme, dict)
            else {"name": theme, **({"font": False} if theme == "material" else {})},
            "plugins": [
                {"tiered/levels": levels or {}},
                *([{"tiered/glossary": glossary}] if glossary is not None else []),
                *([{"tiered/citations": citations}] if citations is not None else []),
                *([{"tiered/readability": readability}] if readability is not None else []),
                *([{"tiered/plain": plain}] if plain is not None else []),
            ],
            **config,
        }
        config_file = self.root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
        return build_project(config_file, prepare=prepare)


def build_project(
    config_file: Path, prepare: Callable[[MkDocsConfig], None] | None = None, **options: Any
) -> BuildResult:
    """A real build of the project ``config_file`` (``options`` as ``mkdocs build`` takes them).

    ``prepare``: called with the loaded configuration before the build.
    """
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg = load_config(config_file=str(config_file), **options)
        if prepare is not None:
            prepare(cfg)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return BuildResult(cfg, Path(cfg.site_dir), handler.messages)


def run_checked(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: int = 600
) -> str:
    """Run a command as a user would; its output (stdout, then stderr) if it succeeded."""
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture
def site(tmp_path: Path) -> Iterator[SiteFactory]:
    yield SiteFactory(tmp_path)


def page(front_matter: str, body: str = "# A page\n\nSome text.\n") -> str:
    """A Markdown page with the given front matter lines (no delimiters)."""
    return f"---\n{front_matter}---\n\n{body}"


def topic(
    slug: str = "bones", tiers: tuple[str, ...] = ("fundamentals", "intermediate", "academic")
) -> dict[str, str]:
    """A valid topic folder with a landing page and one page per tier."""
    docs = {
        f"topics/{slug}/index.md": page(f"title: {slug.title()}\n", f"# {slug.title()}\n\nAbout.\n")
    }
    for tier in tiers:
        docs[f"topics/{slug}/{tier}.md"] = page(
            f"tier: {tier}\nsummary: The {tier} page.\n", f"# {slug.title()} for {tier}\n\nText.\n"
        )
    return docs


def config_errors(root: Path, plugin: str, options: dict[str, Any]) -> list[str]:
    """The errors MkDocs logs when ``plugin: options`` stops the configuration loading."""
    (root / "docs").mkdir(exist_ok=True)
    config_file = root / "mkdocs.yml"
    settings = {"site_name": "T", "plugins": [{plugin: options}]}
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    handler = _Collect()
    handler.setLevel(logging.ERROR)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            load_config(config_file=str(config_file))
    finally:
        logger.removeHandler(handler)
    return handler.messages
