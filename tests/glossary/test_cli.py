"""``tiered glossary check`` and ``tiered glossary suggest`` on real fixture sites."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tiered.cli import main
from tiered.common.text import visible_text
from tiered.glossary.model import load_glossary
from tiered.glossary.suggest import suggest

GLOSSARY = """\
terms:
  - term: estrogen
    short: A hormone.
    see_also: [progesterone]
  - term: osteoclast
    aliases: [osteoclasts]
    short: A bone cell.
  - term: Estrogen
    short: Twice.
  - term: calcium
    short: A mineral.
"""
PAGE = """\
# Bones

Estrogen restrains osteoclasts. Weight training matters; weight training is safe.

## More

Take weight training seriously: [[parathyroid]] and DXA scans. A DXA scan, another DXA.
"""


def _site(root: Path, glossary: str = GLOSSARY, page: str = PAGE) -> Path:
    (root / "docs").mkdir()
    (root / "docs/index.md").write_text(page, encoding="utf-8")
    (root / "docs/glossary.yml").write_text(glossary, encoding="utf-8")
    config = root / "mkdocs.yml"
    settings = {"site_name": "T", "plugins": ["tiered/glossary"]}
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return config


def test_check_lists_every_problem_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _site(tmp_path)
    status = main(["glossary", "check", "-f", str(config)])
    out, err = capsys.readouterr()
    assert status == 1
    assert out.splitlines() == [
        "docs/glossary.yml:4: warning: see_also of 'estrogen' names unknown term 'progesterone'",
        "docs/glossary.yml:8: warning: duplicate glossary term 'Estrogen' (first defined at "
        "docs/glossary.yml:2)",
        "docs/glossary.yml:10: warning: glossary term 'calcium' is not used on any page",
        "docs/index.md:7:33: warning: [[parathyroid]] names no glossary term or alias",
    ]
    assert err.strip() == "4 problems found"


def test_check_passes_a_clean_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    glossary = "terms:\n  - term: estrogen\n    short: A hormone.\n"
    config = _site(tmp_path, glossary, "# Bones\n\nEstrogen.\n")
    assert main(["glossary", "check", "-f", str(config)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "0 problems found"


def test_check_reports_an_unusable_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _site(tmp_path, "terms: [unclosed\n")
    assert main(["glossary", "check", "-f", str(config)]) == 1
    out, _err = capsys.readouterr()
    assert out.splitlines() == [
        "docs/glossary.yml:2:1: error: the glossary is not valid YAML: did not find expected "
        "',' or ']' (while parsing a flow sequence that starts at line 1)"
    ]


@pytest.mark.parametrize("command", ["check", "suggest"])
def test_missing_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    missing = tmp_path / "nope.yml"
    assert main(["glossary", command, "-f", str(missing)]) == 2
    assert capsys.readouterr().err == f"{missing}: error: no such configuration file\n"


@pytest.mark.parametrize("command", ["check", "suggest"])
def test_no_glossary_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    config = _site(tmp_path)
    config.write_text(yaml.safe_dump({"site_name": "T"}), encoding="utf-8")
    assert main(["glossary", command, "-f", str(config)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{config}: error: the tiered/glossary plugin is not in 'plugins': add it to use this "
        "command\n"
    )


@pytest.mark.parametrize(
    ("glossary", "message"),
    [
        (
            "terms: [unclosed\n",
            "docs/glossary.yml:2:1: error: the glossary is not valid YAML: did not find expected "
            "',' or ']' (while parsing a flow sequence that starts at line 1)",
        ),
    ],
)
def test_suggest_reports_an_unusable_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], glossary: str, message: str
) -> None:
    config = _site(tmp_path, glossary)
    assert main(["glossary", "suggest", "-f", str(config)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [message]
    assert err == ""


def test_suggest_uses_the_glossary_the_build_validated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The glossary file is named in an inherited configuration; the build resolves it.
    config = _site(tmp_path)
    terms = "terms:\n  - term: weight training\n    short: Lifting.\n"
    (tmp_path / "terms.yml").write_text(terms, encoding="utf-8")
    base = {"site_name": "T", "plugins": [{"tiered/glossary": {"file": "terms.yml"}}]}
    (tmp_path / "base.yml").write_text(yaml.safe_dump(base), encoding="utf-8")
    config.write_text(yaml.safe_dump({"INHERIT": "base.yml"}), encoding="utf-8")
    assert main(["glossary", "suggest", "-f", str(config)]) == 0
    out, _err = capsys.readouterr()
    assert out.splitlines() == [
        "docs/index.md:7:53: suggestion: acronym 'DXA' is not in the glossary "
        "(3 mentions on 1 page)",
    ]


def test_suggest_names_frequent_phrases_and_acronyms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _site(tmp_path)
    assert main(["glossary", "suggest", "-f", str(config)]) == 0
    out, _err = capsys.readouterr()
    assert out.splitlines() == [
        "docs/index.md:7:53: suggestion: acronym 'DXA' is not in the glossary "
        "(3 mentions on 1 page)",
        "docs/index.md:3:33: suggestion: phrase 'weight training' is not in the glossary "
        "(3 mentions on 1 page)",
    ]


def test_suggest_skips_known_terms_code_and_punctuation() -> None:
    glossary = load_glossary(
        "terms:\n  - term: bone mineral density\n    aliases: [BMD]\n    short: x\n", "g"
    )
    html = (
        "<p>Bone mineral density and BMD, BMD, BMD. Low bone mineral density.</p>"
        "<pre><code>NOTE NOTE NOTE calcium intake calcium intake calcium intake</code></pre>"
        "<p>Smith (2017) reported. Smith (2018) reported. Smith (2019) reported.</p>"
        '<nav class="tiered-switcher">reading level reading level reading level</nav>'
    )
    assert suggest([visible_text(html)], glossary) == []


def test_command_line_entry_point() -> None:
    script = Path(sys.executable).parent / "tiered"
    run = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert run.returncode == 0
    listed = re.findall(r"^ +glossary +(.*)$", run.stdout, re.MULTILINE)
    assert listed == ["check the glossary, or suggest terms"]
