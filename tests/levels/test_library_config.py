"""The library options (categories, the A–Z page), through MkDocs' real ``load_config``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tiered.levels.catalog import Category

from tests.levels.test_config import (
    _levels,
    _load,
    test_invalid_options_are_rejected_with_a_clear_message,
)


def test_library_defaults(tmp_path: Path) -> None:
    levels = _levels(_load(tmp_path, {}))
    assert levels.library == "auto"
    assert levels.library_topics == 30
    assert levels.category_models() == ()
    assert levels.index_page == "topics/index.md"
    assert levels.index_title == "Topics A–Z"
    assert levels.index_split == 200
    assert levels.categories_dir == "categories"


def test_categories_keep_their_order(tmp_path: Path) -> None:
    categories = [
        {"slug": "heart", "title": "Heart"},
        {"slug": "bones", "title": "Bones", "description": "D."},
    ]
    levels = _levels(_load(tmp_path, {"categories": categories}))
    assert levels.category_models() == (
        Category("heart", "Heart"),
        Category("bones", "Bones", "D."),
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"categories": [{"slug": "a", "title": "A"}, {"slug": "a", "title": "Again"}]},
            "option 'categories': category slug 'a' is used twice ('A' and 'Again'): give each "
            "category its own slug",
        ),
        (
            {"categories": [{"slug": "Bones Joints", "title": "B"}]},
            "category slug 'Bones Joints' must use only lower-case letters, digits, '-' and '_'",
        ),
        ({"categories": [{"slug": "a"}]}, "Required configuration not provided."),
        (
            {"index_page": "/srv/a-z.md"},
            "option 'index_page': '/srv/a-z.md' is absolute; give a path relative to the site "
            "folder such as 'topics/index.md'",
        ),
        (
            {"categories_dir": "../up"},
            "option 'categories_dir': '../up' leads outside the site folder",
        ),
        (
            {"library": "yes"},
            "Expected one of: ('auto', 'always', 'never') but received: 'yes'",
        ),
    ],
)
def test_invalid_library_options(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], message: str
) -> None:
    # The same check as for the other options: the build stops, the message names it.
    test_invalid_options_are_rejected_with_a_clear_message(tmp_path, caplog, options, message)
