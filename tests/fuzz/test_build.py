"""Fuzzed inputs through real builds of a small site: no traceback, no live data, no escape."""

from __future__ import annotations

import time

import pytest
from hypothesis import given

from tests.fuzz.collector import COLLECTOR
from tests.fuzz.conftest import examples
from tests.fuzz.sandbox import Outcome, build_site, clean_message
from tests.fuzz.strategies import SiteInput, site_input

pytestmark = pytest.mark.fuzz


def check(prop: str, site: SiteInput, **kwargs: object) -> Outcome:
    """Build ``site``, count what happened, and assert the four properties."""
    COLLECTOR.tried[prop] += 1
    start = time.perf_counter()
    try:
        outcome = build_site(site, **kwargs)  # type: ignore[arg-type]
    except Exception:
        COLLECTOR.exceptions += 1
        raise
    COLLECTOR.time(prop, site.size, time.perf_counter() - start)
    unclean = outcome.error is not None and not clean_message(outcome.error)
    COLLECTOR.exceptions += bool(outcome.tracebacks or unclean)
    COLLECTOR.injections += bool(outcome.live)
    COLLECTOR.outside += bool(outcome.outside)
    assert outcome.tracebacks == []
    assert not unclean, f"unclean message: {outcome.error!r}"
    assert outcome.live == []
    assert outcome.outside == []
    return outcome


@examples("build")
@given(site_input())
def test_build_plain_theme(site: SiteInput) -> None:
    check("build", site)


@examples("material")
@given(site_input())
def test_build_material_theme(site: SiteInput) -> None:
    check("material", site, theme="material")


@examples("pdf")
@given(site_input())
def test_build_with_pdf(site: SiteInput) -> None:
    check("pdf", site, pdf=True)
