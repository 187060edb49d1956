"""``tiered check`` and ``tiered report`` on a fixture site with one of every mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from tiered.cli import main

from tests.conftest import page

HARD = (
    "Aromatase inhibitors substantially accelerate postmenopausal osteoclastogenesis, "
    "diminishing trabecular microarchitecture and cortical integrity considerably.\n"
)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    config = {
        "site_name": "Broken",
        "theme": {"name": "mkdocs"},
        "plugins": [
            "tiered/levels",
            "tiered/glossary",
            "tiered/citations",
            "tiered/readability",
        ],
    }
    _write(
        tmp_path,
        {
            "mkdocs.yml": yaml.safe_dump(config),
            "bib/refs.bib": (
                "@article{good, author={A, B}, title={T}, journal={J}, year={2020}}\n"
                "@article{nojournal, author={A, B}, title={T}, year={2020}}\n"
            ),
            "docs/glossary.yml": (
                "terms:\n  - term: bone\n    short: A hard tissue.\n"
                "  - term: bone\n    short: Again.\n"
            ),
            "docs/index.md": "# Home\n\nSee [the missing page](missing.md).\n",
            "docs/topics/bones/index.md": page("title: Bones\n", "# Bones\n\nAbout.\n"),
            "docs/topics/bones/fundamentals.md": page(
                "tier: fundamentals\nsummary: S.\n", f"# Bones\n\n{HARD}\nAs shown [@ghost].\n"
            ),
            "docs/topics/bones/intermediate.md": page(
                "tier: intermediat\nsummary: S.\nreviewd: 2024-01-01\n", "# Bones\n\nText.\n"
            ),
        },
    )
    return tmp_path


def test_check_lists_every_mistake_with_its_place(
    broken_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", "-f", str(broken_site / "mkdocs.yml")])
    out = capsys.readouterr().out.splitlines()
    assert status == 0  # warnings only ...
    assert main(["check", "--strict", "-f", str(broken_site / "mkdocs.yml")]) == 1  # ... strict
    text = "\n".join(out)
    for expected in (
        "bib/refs.bib:2: warning: @article{nojournal} is missing 'journal' or 'journaltitle'",
        "docs/glossary.yml:4:",  # the duplicate term, where it is repeated
        "docs/index.md:3:24: warning: Doc file 'index.md' contains a link 'missing.md'",
        "docs/topics/bones/fundamentals.md:8:1: warning: reads above the fundamentals target",
        "docs/topics/bones/fundamentals.md:10:11: warning: unknown citation key 'ghost'",
        "docs/topics/bones/intermediate.md:2: warning: front matter field 'tier': unknown tier",
        "docs/topics/bones/intermediate.md:4: warning: front matter field 'reviewd' is unknown; "
        "did you mean 'reviewed'?",
    ):
        assert expected in text, expected
    # Sorted by file, then line.
    files = [line.split(":", 1)[0] for line in out]
    assert files == sorted(files)


def test_check_json_is_valid_and_stable(
    broken_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--format", "json", "-f", str(broken_site / "mkdocs.yml")])
    first = capsys.readouterr().out
    main(["check", "--format", "json", "-f", str(broken_site / "mkdocs.yml")])
    assert capsys.readouterr().out == first
    rows = json.loads(first)
    assert {tuple(sorted(row)) for row in rows} == {
        ("column", "file", "line", "message", "severity")
    }
    assert any(r["file"] == "docs/index.md" and r["line"] == 3 for r in rows)


def test_a_missing_configuration_exits_2(tmp_path: Path) -> None:
    assert main(["check", "-f", str(tmp_path / "nope.yml")]) == 2


def test_report_prints_a_row_per_tier(
    broken_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "-f", str(broken_site / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "topics/bones" in out
    assert "  fundamentals " in out
    assert "FKGL ≤ 6, SMOG ≤ 7: above" in out


def _config(root: Path, text: str) -> None:
    _write(root, {"mkdocs.yml": text, "docs/index.md": "# Home\n"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "site_name: T\nplugins:\n  - tiered/levels\n  - tiered/readability:\n"
            "      words_per_minute: 0\n",
            "mkdocs.yml:5: error: Config value 'plugins': Plugin 'tiered/readability' option "
            "'words_per_minute': 0 is not a number of at least 1; give a number such as 200",
        ),
        (
            "site_name: T\nplugins: [ {\n",
            "mkdocs.yml:3:1: error: not valid YAML: expected the node content, but found "
            "'<stream end>' (while parsing a flow node that starts at line 3)",
        ),
        (
            "site_name: T\nplugins:\n  - search\n  - tiered/nosuch\n",
            "mkdocs.yml:4: error: Config value 'plugins': The \"tiered/nosuch\" plugin is not "
            "installed",
        ),
        (
            "site_name: T\ndocs_dir: nodocs\n",
            "mkdocs.yml:2: error: Config value 'docs_dir': The path '{root}/nodocs' isn't an "
            "existing directory.",
        ),
        (
            "- a\n- b\n",
            "mkdocs.yml: error: The configuration is invalid. Expected a key-value mapping "
            "(dict) but received: <class 'list'>",
        ),
        ("", "mkdocs.yml: error: Config value 'site_name': Required configuration not provided."),
        (
            "INHERIT: base.yml\nsite_name: T\n",
            "mkdocs.yml: error: Inherited config file 'base.yml' does not exist at "
            "'{root}/base.yml'.",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "report"])
def test_a_configuration_that_cannot_load_is_one_message_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    command: str,
    text: str,
    expected: str,
) -> None:
    _config(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    assert main([command]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[0] == expected.format(root=tmp_path)


def test_a_missing_or_folder_configuration_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-f", "nope.yml"]) == 2
    assert capsys.readouterr().err == (
        "nope.yml: error: no such configuration file\n1 error(s), 0 warning(s)\n"
    )
    assert main(["report", "-f", "."]) == 2
    assert capsys.readouterr().err == (
        ".: error: is a folder; give the configuration file (mkdocs.yml) with -f\n"
    )


def test_a_configuration_warning_is_placed_in_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # 'enabled' is an option of both plugins: the second one is meant.
    _config(
        tmp_path,
        "site_name: T\nplugins:\n  - tiered/levels:\n      enabled: true\n"
        "  - tiered/readability:\n      enabled: true\n      colour: red\n",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == (
        "mkdocs.yml:7: warning: Config value 'plugins': Plugin 'tiered/readability' option "
        "'colour': Unrecognised configuration name: colour\n"
    )
    assert main(["check", "--strict"]) == 1


def test_a_plugin_error_stops_the_check_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(
        tmp_path,
        "site_name: T\nplugins:\n  - tiered/readability:\n      targets: {expert: {fkgl: 3}}\n",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert capsys.readouterr().out == (
        "error: tiered/readability: a target is set for tier 'expert', which 'order' does not "
        "list (fundamentals, intermediate, academic)\n"
    )
    assert main(["report"]) == 1


def test_a_page_that_is_not_utf8_stops_the_build_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(tmp_path, "site_name: T\nplugins:\n  - tiered/levels\n")
    (tmp_path / "docs" / "latin.md").write_bytes(b"# Caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    reason = "'utf-8' codec can't decode byte 0xe9 in position 5: invalid continuation byte"
    assert capsys.readouterr().out.splitlines() == [
        "error: Encoding error reading file: latin.md",
        f"error: Error reading page 'latin.md': {reason}",
        f"error: the build stopped: UnicodeDecodeError: {reason} (`mkdocs build` shows the "
        "traceback)",
    ]


@pytest.mark.parametrize(
    ("hook", "status", "expected"),
    [
        (
            "raise RuntimeError('broken hook')\n",
            2,
            "mkdocs.yml: error: the configuration could not be loaded: RuntimeError: broken hook",
        ),
        (
            "def on_page_markdown(markdown, **kwargs):\n    raise ValueError('bad page')\n",
            1,
            "error: the build stopped: ValueError: bad page (`mkdocs build` shows the traceback)",
        ),
        (
            "def on_page_markdown(markdown, **kwargs):\n    raise KeyboardInterrupt\n",
            130,
            "tiered: interrupted",
        ),
    ],
)
def test_a_failing_hook_is_one_line_never_a_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    hook: str,
    status: int,
    expected: str,
) -> None:
    # MkDocs hooks: project code run by the build, the way a plugin's would be.
    _config(tmp_path, "site_name: T\nhooks:\n  - hooks.py\n")
    (tmp_path / "hooks.py").write_text(hook, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == status
    captured = capsys.readouterr()
    assert expected in (captured.out + captured.err).splitlines()
