"""``tiered new DIR`` and ``tiered new topic``: the scaffold builds strict clean as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tiered.cli import main

from tests.conftest import build_project

SITE_FILES = [
    "README.md",
    "bib/example.bib",
    "docs/glossary.yml",
    "docs/index.md",
    "docs/topics/example-topic/academic.md",
    "docs/topics/example-topic/fundamentals.md",
    "docs/topics/example-topic/index.md",
    "docs/topics/example-topic/intermediate.md",
    ".gitignore",
    "mkdocs.yml",
]


def _strict_build(config_file: Path) -> tuple[Path, list[str]]:
    """A real ``mkdocs build --strict`` (PDFs off: the wheel test builds them)."""
    result = build_project(config_file, strict=True)
    return result.site, result.warnings


@pytest.fixture(autouse=True)
def _no_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIERED_PDF", "false")


def test_new_site_builds_strict_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "clinic"
    assert main(["new", str(target), "--name", 'Ward "7" leaflets']) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"New site in {target}:",
        *(f"  {path}" for path in SITE_FILES),
        f"Build it: mkdocs build --strict -f {target / 'mkdocs.yml'}",
    ]
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()) == sorted(
        SITE_FILES
    )
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Ward \\"7\\" leaflets"' in config
    assert "font: false" in config
    assert "repo_url" not in config.replace("# No repo_url", "")
    for plugin in ("levels", "glossary", "citations", "readability", "preview", "pdf"):
        assert f"  - tiered/{plugin}" in config
    site, warnings = _strict_build(target / "mkdocs.yml")
    assert warnings == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Medical disclaimer" in home
    assert '<h1 id="ward-7-leaflets">Ward "7" leaflets' in home
    academic = (site / "topics/example-topic/academic/index.html").read_text(encoding="utf-8")
    assert "An example reference: this is not a real publication" in academic
    fundamentals = (site / "topics/example-topic/fundamentals/index.html").read_text("utf-8")
    assert 'href="../../../glossary/#reading-level"' in fundamentals
    assert (site / "glossary/index.html").is_file()
    assert not (site / "glossary.yml").exists()
    # The README names the two commands.
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert 'tiered new topic my-topic --title "My topic"' in readme
    assert "mkdocs build --strict" in readme
    assert (target / ".gitignore").read_text(encoding="utf-8").splitlines()[1] == "site/"


def test_new_topic_adds_three_tiers_that_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "s"
    assert main(["new", str(target)]) == 0
    config_file = target / "mkdocs.yml"
    title = 'Heart: what "failure" means'
    assert main(["new", "topic", "heart-failure", "--title", title, "-f", str(config_file)]) == 0
    folder = target / "docs/topics/heart-failure"
    assert capsys.readouterr().out.splitlines()[-5:] == [
        f"New topic in {folder}:",
        "  academic.md",
        "  fundamentals.md",
        "  index.md",
        "  intermediate.md",
    ]
    assert (folder / "index.md").read_text(encoding="utf-8").splitlines()[:4] == [
        "---",
        'title: "Heart: what \\"failure\\" means"',
        "summary: One or two sentences saying what this topic covers and who it is for.",
        "---",
    ]
    assert (folder / "intermediate.md").read_text(encoding="utf-8").splitlines()[:6] == [
        "---",
        "tier: intermediate",
        "summary: How it works, and the main studies.",
        "---",
        "",
        f"# {title}",
    ]
    site, warnings = _strict_build(config_file)
    assert warnings == []
    landing = (site / "topics/heart-failure/index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<a class="tiered-card__link" href="([^"]+)">', landing)
    assert cards == ["fundamentals/", "intermediate/", "academic/"]


def test_new_topic_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "s"
    assert main(["new", str(target)]) == 0
    config_file = str(target / "mkdocs.yml")
    before = (target / "docs/topics/example-topic/index.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["new", "topic", "example-topic", "--title", "X", "-f", config_file]) == 1
    folder = Path("docs") / "topics" / "example-topic"
    assert capsys.readouterr().err == (
        f"tiered new: {target / folder}: the topic exists already, and nothing in it is "
        "overwritten: choose another slug\n"
    )
    assert (target / "docs/topics/example-topic/index.md").read_text(encoding="utf-8") == before


def test_new_site_refuses_a_folder_with_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"tiered new: {tmp_path}: the folder is not empty, and nothing in it is overwritten: "
        "give a new folder, or add a topic with 'tiered new topic SLUG'\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (
            ["new", "topic", "Bad Slug", "--title", "T"],
            1,
            "tiered new: topic slug 'Bad Slug': "
            "use lower-case letters, digits and '-' (it becomes the topic's web address), such as "
            "'bone-health'\n",
        ),
        (
            ["new", "topic", "ok"],
            2,
            'tiered new topic: give the title: --title "What readers see"\n',
        ),
        (
            ["new", "a", "b"],
            2,
            "tiered new: give one folder (tiered new DIR) or 'topic SLUG' "
            '(tiered new topic SLUG --title "..."); a site in a folder called topic: '
            "tiered new ./topic\n",
        ),
    ],
)
def test_bad_arguments_are_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], status: int, message: str
) -> None:
    assert main(["new", str(tmp_path / "s")]) == 0
    capsys.readouterr()
    assert main([*args, "-f", str(tmp_path / "s/mkdocs.yml")]) == status
    assert capsys.readouterr().err == message


def test_new_topic_without_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "mkdocs.yml"
    assert main(["new", "topic", "t", "--title", "T", "-f", str(missing)]) == 2
    assert capsys.readouterr().err == f"tiered: error: Config file '{missing}' does not exist.\n"
