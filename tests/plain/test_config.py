"""Configuration mistakes of ``tiered/plain``, each at its line of ``mkdocs.yml``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort
from tiered.cli import main
from tiered.common.yamlsource import key_line

from tests.conftest import SiteFactory, config_errors
from tests.plain.test_build import PLAIN, _topic


def test_an_unknown_check_names_its_line(site: SiteFactory) -> None:
    result = site.build(_topic(PLAIN), plain={"tiers": {"fundamentals": {"jargn": False}}})
    text = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert text.splitlines()[8] == "        jargn: false"  # line 9
    assert [w for w in result.warnings if "jargn" in w] == [
        "Config value 'plugins': Plugin 'tiered/plain' option 'tiers': mkdocs.yml:9: tier "
        "'fundamentals': Unrecognised configuration name: jargn"
    ]


def test_an_unknown_option_names_its_line(site: SiteFactory) -> None:
    result = site.build(_topic(PLAIN), plain={"overlay": True, "colour": "red"})
    assert [w for w in result.warnings if "colour" in w] == [
        "Config value 'plugins': Plugin 'tiered/plain' option 'colour': mkdocs.yml:8: "
        "Unrecognised configuration name: colour"
    ]


def test_a_config_warning_fails_strict_at_once(site: SiteFactory) -> None:
    with pytest.raises(Abort, match="configuration warnings"):
        site.build(_topic(PLAIN), plain={"colour": "red"}, strict=True)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"tiers": {"fundamentals": {"max_words": "long"}}},
            "Config value 'plugins': Plugin 'tiered/plain' option 'tiers': mkdocs.yml:5: tier "
            "'fundamentals', 'max_words': 'long' is not a number of at least 0; give a number "
            "such as 20",
        ),
        (
            {"review_interval": 0},
            "Config value 'plugins': Plugin 'tiered/plain' option 'review_interval': "
            "mkdocs.yml:3: 0 is not a number of at least 1; give a number such as 12",
        ),
        (
            {"facts": "yes"},
            "Config value 'plugins': Plugin 'tiered/plain' option 'facts': mkdocs.yml:3: "
            "Expected type: <class 'bool'> but received: <class 'str'>",
        ),
    ],
)
def test_a_bad_value_stops_at_its_line(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    assert config_errors(tmp_path, "tiered/plain", options) == [message]


def test_tiered_check_places_it_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = {
        "site_name": "Plain",
        "theme": {"name": "mkdocs"},
        "plugins": ["tiered/levels", {"tiered/plain": {"tiers": {"fundamentals": {"jargn": 1}}}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == (
        "mkdocs.yml:6: warning: Config value 'plugins': Plugin 'tiered/plain' option 'tiers': "
        "tier 'fundamentals': Unrecognised configuration name: jargn\n"
    )


@pytest.mark.parametrize(
    ("names", "line"),
    [
        (["plugins", "tiered/plain", "tiers", "fundamentals", "max_words"], 7),
        (["plugins", "tiered/plain", "tiers", "academic"], 5),  # not in the file: its parent
        (["plugins", "search"], 2),
        (["plugins", "tiered/pdf", "enabled"], 9),  # a tag needs no constructor
        (["theme"], 0),
    ],
)
def test_key_line_walks_the_yaml(names: list[str], line: int) -> None:
    text = (
        "plugins:\n"
        "  - search\n"
        "  - tiered/plain:\n"
        "      review_interval: 12\n"
        "      tiers:\n"
        "        fundamentals:\n"
        "          max_words: 20\n"
        "  - tiered/pdf:\n"
        "      enabled: !ENV [TIERED_PDF, true]\n"
    )
    assert key_line(text, names) == line


def test_key_line_of_text_that_is_not_yaml() -> None:
    assert key_line("plugins: [", ["plugins"]) == 0
