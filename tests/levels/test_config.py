"""Plugin configuration, validated through MkDocs' real ``load_config``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from tiered.levels.config import LevelsConfig
from tiered.levels.model import DEFAULT_TIERS


def _load(tmp_path: Path, options: dict[str, Any]) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config_file = tmp_path / "mkdocs.yml"
    settings = {"site_name": "T", "plugins": [{"tiered/levels": options}]}
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return load_config(config_file=str(config_file))


def _levels(config: MkDocsConfig) -> LevelsConfig:
    plugin = config.plugins["tiered/levels"]
    assert isinstance(plugin.config, LevelsConfig)
    return plugin.config


def test_defaults(tmp_path: Path) -> None:
    levels = _levels(_load(tmp_path, {}))
    assert levels.enabled is True
    assert levels.navigation == "topic-first"
    assert levels.topics_dir == "topics"
    assert levels.remember_tier is True
    assert levels.tier_models() == DEFAULT_TIERS


def test_custom_tiers_keep_their_order(tmp_path: Path) -> None:
    tiers = [
        {"name": "easy", "label": "Easy read"},
        {"name": "expert", "label": "Expert", "description": "For specialists."},
    ]
    levels = _levels(_load(tmp_path, {"tiers": tiers, "navigation": "tier-first"}))
    assert [(t.name, t.label, t.description) for t in levels.tier_models()] == [
        ("easy", "Easy read", ""),
        ("expert", "Expert", "For specialists."),
    ]
    assert levels.navigation == "tier-first"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"navigation": "alphabetical"},
            "Expected one of: ('topic-first', 'tier-first') but received: 'alphabetical'",
        ),
        (
            {"tiers": [{"name": "a", "label": "A"}, {"name": "a", "label": "Again"}]},
            "tier name 'a' is used twice",
        ),
        ({"tiers": []}, "at least one tier is required"),
        (
            {"tiers": [{"name": "Plain Words", "label": "P"}]},
            "tier name 'Plain Words' must use only lower-case letters, digits, '-' and '_'",
        ),
        ({"tiers": [{"name": "a"}]}, "Required configuration not provided."),
        ({"enabled": "yes"}, "Expected type: <class 'bool'> but received: <class 'str'>"),
    ],
)
def test_invalid_options_are_rejected_with_a_clear_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], message: str
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
        _load(tmp_path, options)
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "Plugin 'tiered/levels'" in text
    assert message in text


def test_unknown_tier_field_is_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    options = {"tiers": [{"name": "a", "label": "A", "colour": "red"}]}
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        levels = _levels(_load(tmp_path, options))
    assert [t.name for t in levels.tier_models()] == ["a"]
    assert (
        "Config value 'plugins': Plugin 'tiered/levels' option 'tiers': Sub-option 'colour': "
        "Unrecognised configuration name: colour"
    ) in [record.getMessage() for record in caplog.records]
