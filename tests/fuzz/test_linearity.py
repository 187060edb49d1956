"""Hostile inputs at sizes n, 2n, 4n, 8n: time must grow linearly (log-log slope < 1.3).

Not a wall-clock timeout: the best of a few runs at each size, in this process's CPU time
(so other work on the machine does not bend the curve), fitted on a log-log scale,
whatever the machine's speed. Linear is 1.0, quadratic 2.0. Each run's input carries a
unique comment so no content-keyed cache answers a repeat.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from tiered.citations.bibliography import load_bibliography

from tests.fuzz.collector import COLLECTOR, slope
from tests.fuzz.sandbox import run_build, write_site
from tests.fuzz.strategies import SiteInput
from tests.fuzz.test_markdown import read_glossary, render

pytestmark = pytest.mark.fuzz
LIMIT = 1.3
RUNS = 3


def _unclosed(n: int) -> tuple[str, str]:
    return "[ " + " ".join("@a" if i % 2 else "-@b" for i in range(n)) + "\n", ""


def _stars(n: int) -> tuple[str, str]:
    return "[@a, p. 1 " + "*" * n + "]\n", ""


def _long_term(n: int) -> tuple[str, str]:
    term = " ".join(["bone"] * (n // 5))
    return f"Text {term} end.\n", f'terms:\n  - term: "{term}"\n    short: S.\n'


def _mentions(n: int) -> tuple[str, str]:
    glossary = "terms:\n  - term: bone density\n    short: S.\n  - term: RANKL\n    short: R.\n"
    return "bone density and RANKL. " * n + "\n", glossary


def _nesting(n: int) -> tuple[str, str]:
    return "*[" * n + "bone [@a]" + "]*" * n + "\n", ""


FAMILIES: dict[str, tuple[Callable[[int], tuple[str, str]], int]] = {
    "unclosed-bracket-many-at": (_unclosed, 400),
    "suffix-many-stars": (_stars, 2000),
    "long-term": (_long_term, 400),
    "many-mentions": (_mentions, 400),
    "deep-nesting": (_nesting, 40),
}


def _best(run: Callable[[int], object]) -> float:
    times = []
    for i in range(RUNS):
        start = time.process_time()
        run(i)
        times.append(time.process_time() - start)
    return min(times)


def _check(
    name: str,
    measure: Callable[[int], float],
    n: int,
    baseline: Callable[[int], float] | None = None,
) -> None:
    """Fit the slope of ``measure`` over n..8n; it must stay under LIMIT.

    With a ``baseline`` (the same text through plain Python-Markdown), a family that
    Python-Markdown itself renders in more than linear time (deep nesting of emphasis
    and brackets) is held to the baseline's slope instead: the plugins must add no
    growth of their own.
    """
    sizes = (n, 2 * n, 4 * n, 8 * n)
    points = [(size, measure(size)) for size in sizes]
    fitted = slope(points)
    limit = LIMIT
    if baseline is not None:
        base = slope([(size, baseline(size)) for size in sizes])
        COLLECTOR.slopes[f"{name} (plain Markdown)"] = base
        limit = max(LIMIT, base + 0.3)
    COLLECTOR.slopes[name] = fitted
    COLLECTOR.tried["linearity"] += len(points) * RUNS
    shown = ", ".join(f"{s}: {t * 1000:.1f} ms" for s, t in points)
    print(f"{name}: slope {fitted:.2f} ({shown})")
    assert fitted < limit, f"{name} grows with slope {fitted:.2f}, limit {limit:.2f} ({shown})"


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_markdown_time_is_linear(family: str) -> None:
    make, n = FAMILIES[family]

    def measure(size: int) -> float:
        body, glossary_text = make(size)

        def run(i: int) -> object:
            glossary = read_glossary(f"# run {i}\n{glossary_text}".encode())
            return render(f"<!-- run {i} -->\n{body}", glossary, None, "all")

        return _best(run)

    def plain(size: int) -> float:
        body, _glossary = make(size)
        return _best(lambda i: markdown.markdown(f"<!-- run {i} -->\n{body}"))

    _check(f"markdown/{family}", measure, n, plain)


def test_long_bibtex_fields_time_is_linear() -> None:
    def measure(size: int) -> float:
        title = " ".join(["{RANKL} and \\'e bone"] * size)
        authors = " and ".join(f"Perez{i}, E." for i in range(size // 10))

        def run(i: int) -> object:
            text = f"% run {i}\n@article{{a, author = {{{authors}}}, title = {{{title}}},"
            text += " journal = {J}, year = {2020}}\n"
            return load_bibliography([("refs.bib", text)])

        return _best(run)

    _check("bibtex/long-fields", measure, 100)


def _site_time(body: str, glossary: str, i: int) -> float:
    """Seconds of one real build of a small site whose intermediate page holds ``body``."""
    pages = {
        "index.md": "# Home\n",
        "topics/bones/index.md": "# Bones\n",
        "topics/bones/fundamentals.md": "---\ntier: fundamentals\n---\n\n# F\n\nText.\n",
        "topics/bones/intermediate.md": f"---\ntier: intermediate\n---\n\n# I\n\n{body}",
        "topics/bones/academic.md": f"---\ntier: academic\n---\n\n# A\n\n<!-- {i} -->\n",
    }
    bib = "@article{a, author = {Perez, E.}, title = {T}, journal = {J}, year = {2008}}\n"
    site = SiteInput(f"# {i}\n{glossary or 'terms: []'}\n".encode(), [bib], pages)
    with tempfile.TemporaryDirectory(prefix="tiered-fuzz-") as base:
        config_file = write_site(Path(base), site)
        start = time.process_time()
        error, _log = run_build(config_file)
        seconds = time.process_time() - start
    assert error is None, f"the build failed: {error}"
    return seconds


@pytest.mark.parametrize("family", ["many-mentions", "unclosed-bracket-many-at"])
def test_build_time_is_linear(family: str) -> None:
    """Through a whole build: its time, fixed costs included, grows at most linearly.

    The sizes are large enough that the hostile page's own cost dominates the build at
    the top end, so a quadratic part would show; subtracting an empty build's time
    instead left a difference too small to measure reliably on a busy machine.
    """
    make, n = FAMILIES[family]

    def measure(size: int) -> float:
        body, glossary = make(size * 4)
        return _best(lambda i: _site_time(body, glossary, i))

    _check(f"build/{family}", measure, n)
