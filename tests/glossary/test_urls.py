"""RelativeUrls gives the very links MkDocs' get_relative_url gives."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url
from tiered.glossary.urls import RelativeUrls

URLS = [
    "",
    "/",
    ".",
    "./",
    "..",
    "glossary/",
    "glossary/b/",
    "glossary/b-2/",
    "glossary/b/index.html",
    "glossary.html",
    "topics/bones/",
    "topics/bones/fundamentals/",
    "topics/bones/fundamentals/index.html",
    "topics/bones.v2/academic/",
    "topics/../glossary/",
    "topics/./bones/",
    "/topics/bones/",
    "topics//bones/",
    "topics/.hidden/",
    "a",
    "a/b",
]


@pytest.mark.parametrize(("url", "base"), list(itertools.product(URLS, URLS)))
def test_same_as_mkdocs(url: str, base: str) -> None:
    urls = RelativeUrls(base)
    assert urls(url) == get_relative_url(url, base)
    assert urls(url) == get_relative_url(url, base)  # cached


_SEGMENT = st.sampled_from(["", ".", "..", "a", "b", "a.b", "glossary", "x.html"])


@given(st.lists(_SEGMENT, max_size=5), st.lists(_SEGMENT, max_size=5), st.booleans())
def test_any_paths(url: list[str], base: list[str], lead: bool) -> None:
    target = ("/" if lead else "") + "/".join(url)
    page = "/".join(base)
    assert RelativeUrls(page)(target) == get_relative_url(target, page)
