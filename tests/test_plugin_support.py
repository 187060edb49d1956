"""What the plugins share: the output path check and the page-problem location."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from tiered.config_options import SitePath
from tiered.plugin_support import display_path, page_diagnostic


@pytest.mark.parametrize(
    ("value", "normal"),
    [
        ("glossary.md", "glossary.md"),
        ("./a//b/../glossary.md", "a/glossary.md"),
        ("about\\levels.md", "about/levels.md"),
    ],
)
def test_site_path_normalises(value: str, normal: str) -> None:
    assert SitePath("glossary.md", suffix=".md").run_validation(value) == normal


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/tmp/x.md", "'/tmp/x.md' is absolute; give a path relative to the site folder"),
        ("C:/x.md", "'C:/x.md' is absolute; give a path relative to the site folder"),
        ("file:x.md", "'file:x.md' is absolute; give a path relative to the site folder"),
        ("../x.md", "'../x.md' leads outside the site folder; give a path inside it"),
        ("a/../../x.md", "'a/../../x.md' leads outside the site folder; give a path inside it"),
        ("", "must not be empty: give a path inside the site"),
        (".", "'.' names no file; give a file path"),
        ("x.html", "'x.html' must end with '.md'"),
    ],
)
def test_site_path_refuses(value: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SitePath("glossary.md", suffix=".md").run_validation(value)
    assert str(caught.value) == f"{message} such as 'glossary.md'"


def test_site_path_folder_may_be_the_site_root() -> None:
    assert SitePath("pdf", folder=True).run_validation("./") == "."
    with pytest.raises(ValidationError):
        SitePath("pdf", folder=True).run_validation("..")


def test_page_diagnostic_places_the_problem(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    page_file = tmp_path / "docs" / "a.md"
    source = "---\ntitle: A\nnocite: 3\n---\n\n# A\n\nText [@x].\n"
    page_file.write_text(source, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    file = File("a.md", str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=True)
    page = Page(None, file, config)
    at = page_diagnostic(page, tmp_path, "unknown key", offset=source.index("@x"))
    assert str(at) == "docs/a.md:8:7: unknown key"
    assert str(page_diagnostic(page, tmp_path, "bad", key="nocite")) == "docs/a.md:3: bad"
    # Not found, no such field: the first line after the front matter.
    assert str(page_diagnostic(page, tmp_path, "grade", offset=-1)) == "docs/a.md:5: grade"
    assert str(page_diagnostic(page, tmp_path, "grade", key="missing")) == "docs/a.md:5: grade"


@pytest.mark.parametrize(
    ("path", "root", "shown"),
    [
        ("/site/docs/a.md", "/site", "docs/a.md"),
        ("/site/docs/../docs/b.md", "/site", "docs/b.md"),
        ("/site", "/site", "."),
        ("/sitemap/a.md", "/site", "/sitemap/a.md"),  # not inside: as it is
        ("/a/b.md", "/", "a/b.md"),
    ],
)
def test_display_path_is_relative_to_the_project(path: str, root: str, shown: str) -> None:
    assert display_path(path, Path(root)) == shown
