"""Fuzz suite settings: a small fixed sample in ``make test``, many more in ``make fuzz``.

The profile comes from ``TIERED_FUZZ_PROFILE`` (``ci``, the default, or ``fuzz``). Each
property scales its example count from the profile (see :func:`examples`), so the
normal suite stays fast and derandomized while ``make fuzz`` runs 20,000+ inputs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.fuzz.collector import COLLECTOR

PROFILE = os.environ.get("TIERED_FUZZ_PROFILE", "ci")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

_COMMON = {
    "deadline": None,  # builds vary with the machine's load; linearity is checked by slope
    "database": None,  # nothing written next to the tests; failures print their input
    "report_multiple_bugs": False,  # one failure per property, shown with its input
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}
# No shrinking in the small run: a failure shows its input at once (shrinking a whole
# site can take minutes); ``make fuzz`` shrinks to a minimal input.
settings.register_profile(
    "ci",
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    **_COMMON,  # type: ignore[arg-type]
)
settings.register_profile("fuzz", derandomize=False, print_blob=True, **_COMMON)  # type: ignore[arg-type]

# Examples per property and profile: "fuzz" sums to 20,600.
COUNTS = {
    "ci": {"markdown": 60, "build": 20, "material": 2, "pdf": 1},
    "fuzz": {"markdown": 14000, "build": 6300, "material": 250, "pdf": 50},
}


def examples(prop: str) -> settings:
    """The settings of property ``prop`` under the selected profile."""
    return settings(settings.get_profile(PROFILE), max_examples=COUNTS[PROFILE][prop])


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz: generated-input properties (tests/fuzz)")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COLLECTOR.tried:
        return
    text = COLLECTOR.summary()
    terminalreporter.write_line(text)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "fuzz-summary.txt").write_text(text + "\n", encoding="utf-8")
