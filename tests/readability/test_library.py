"""The reading-level report of a library: one row per topic, pages above target first."""

from __future__ import annotations

import re

from tests.conftest import SiteFactory
from tests.library_site import levels_options, library

# The generated pages' fundamentals grades are 8.9 to 11.5: five topics read above 10.5.
TARGETS = {"fundamentals": {"fkgl": 10.5}}


def test_a_library_gets_one_row_per_topic_above_target_first(site: SiteFactory) -> None:
    options = {"report_topics": 10, "targets": TARGETS}
    result = site.build(library(12), levels=levels_options(), readability=options)
    report = result.html("about/reading-levels/index.html")
    assert re.findall(r"<h2>([^<]*)</h2>", report) == [
        "Above target (5 topics)",
        "Within target (7 topics)",
    ]
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', report)
    assert len(rows) == 12
    assert rows[0] == (
        '<tr><th scope="row"><a href="../../topics/arthritis-0000/">Arthritis topic 0</a></th>'
        '<td>11.5 / 11.2 <a href="../../topics/arthritis-0000/fundamentals/"><strong>above'
        "</strong></a></td><td>12.8 / 11.2</td><td>11.5 / 11.2</td></tr>"
    )
    assert rows[5] == (
        '<tr><th scope="row"><a href="../../topics/bone-0001/">Bone topic 1</a></th>'
        "<td>8.9 / 8.8</td><td>10.2 / 8.8</td><td>8.9 / 8.8</td></tr>"
    )
    assert "<table>" not in report  # no table per topic


def test_a_structural_bound_on_the_bytes_of_a_row(site: SiteFactory) -> None:
    """A row holds the topic link and a cell per tier, with a link only where above."""
    result = site.build(library(12), levels=levels_options(), readability={"report_topics": 0})
    report = result.html("about/reading-levels/index.html")
    for row in re.findall(r'<tr><th scope="row">.*?</tr>', report):
        assert row.count("<td>") == 3
        assert row.count("<a ") <= 1 + 3
        assert len(row.encode()) <= 160 + 3 * 90


def test_a_small_site_keeps_a_table_per_topic(site: SiteFactory) -> None:
    result = site.build(library(12), levels=levels_options(), readability={"targets": TARGETS})
    report = result.html("about/reading-levels/index.html")
    assert report.count("<table>") == 12
    assert "Above target" not in report
