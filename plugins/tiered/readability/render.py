"""The reading-level line on tier pages and the report page, as HTML."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tiered.readability.measure import Measures


@dataclass(frozen=True, slots=True)
class PageStats:
    """One tier page's figures, for its line and the report."""

    src_uri: str  # the page's file, relative to docs/
    topic: str  # the topic's folder, e.g. "topics/aromatase-inhibitors-and-bone"
    tier: str
    title: str
    href: str  # relative to the report page
    measures: Measures
    citations: int
    terms: int
    fkgl_target: float | None
    smog_target: float | None
    # What another plugin measured on the page (see ReadabilityPlugin.add_figures).
    figures: tuple[tuple[str, str], ...] = ()
    # The few of them a library's summary shows in the page's cell, and adds up.
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def within_target(self) -> bool:
        fkgl_ok = self.fkgl_target is None or self.measures.fkgl <= self.fkgl_target
        smog_ok = self.smog_target is None or self.measures.smog <= self.smog_target
        return fkgl_ok and smog_ok


def grade(value: float) -> int:
    """A grade as readers are told it: whole, and at least 1."""
    return max(1, round(value))


def reading_line(measures: Measures, words_per_minute: float, note: str = "") -> str:
    """ "Reading level: grade 6, 5 min read", under the page title.

    ``note`` goes after the grade ("grade 3, 14 medical terms, 5 min read"): what the
    formula cannot see, so the grade does not claim more than it measures.
    """
    extra = f", {escape(note)}" if note else ""
    return (
        '<p class="tiered-reading-level">Reading level: grade '
        f"{grade(measures.fkgl)}{extra}, {measures.minutes(words_per_minute)} min read</p>\n"
    )


def figures_text(stats: PageStats) -> str:
    """The page's figures from other plugins: "jargon 0; passive 2" ("" when none)."""
    return "; ".join(f"{name} {value}" for name, value in stats.figures)


def _target(stats: PageStats) -> str:
    parts = []
    if stats.fkgl_target is not None:
        parts.append(f"FKGL ≤ {stats.fkgl_target:g}")
    if stats.smog_target is not None:
        parts.append(f"SMOG ≤ {stats.smog_target:g}")
    if not parts:
        return "reported only"
    verdict = "within" if stats.within_target else "above"
    return f"{', '.join(parts)}: {verdict}"


def report(topics: dict[str, list[PageStats]], topic_titles: dict[str, str]) -> str:
    """One table per topic: its tiers' grades, words, citations and glossary terms."""
    if not topics:
        return "<p>No tier pages were found.</p>\n"
    out = []
    extra = any(s.figures for pages in topics.values() for s in pages)
    for topic, pages in topics.items():
        title = topic_titles.get(topic, topic)
        rows = []
        for s in pages:
            m = s.measures
            more = f"<td>{escape(figures_text(s))}</td>" if extra else ""
            rows.append(
                "<tr>"
                f'<th scope="row"><a href="{escape(s.href)}">{escape(s.tier.title())}</a></th>'
                f"<td>{m.fkgl:.1f}</td><td>{m.smog:.1f}</td><td>{m.words}</td>"
                f"<td>{m.words_per_sentence:.1f}</td><td>{m.long_share:.0%}</td>"
                f"<td>{s.citations}</td><td>{s.terms}</td><td>{escape(_target(s))}</td>"
                f"{more}</tr>"
            )
        out.append(
            f"<h2>{escape(title)}</h2>\n<table>\n<thead><tr>"
            '<th scope="col">Tier</th><th scope="col">FKGL</th><th scope="col">SMOG</th>'
            '<th scope="col">Words</th><th scope="col">Words per sentence</th>'
            '<th scope="col">Sentences over 20 words</th><th scope="col">Citations</th>'
            '<th scope="col">Glossary terms</th><th scope="col">Target</th>'
            + ('<th scope="col">Plain language</th>' if extra else "")
            + "</tr></thead>\n<tbody>\n"
            + "\n".join(rows)
            + "\n</tbody>\n</table>\n"
        )
    return "".join(out)


def summary(
    topics: dict[str, list[PageStats]],
    topic_titles: dict[str, str],
    topic_hrefs: dict[str, str],
    order: list[str],
) -> str:
    """A library's report: one row per topic, the topics with a page above target first.

    Each cell holds a tier's FKGL and SMOG; a page above its target says so and links
    to the page, where the author starts. Topic titles link to the topic.
    """
    if not topics:
        return "<p>No tier pages were found.</p>\n"
    tiers = [t for t in order if any(s.tier == t for pages in topics.values() for s in pages)]
    above = {t: pages for t, pages in topics.items() if not all(s.within_target for s in pages)}
    within = {t: pages for t, pages in topics.items() if t not in above}
    out = []
    for heading, group in (("Above target", above), ("Within target", within)):
        if not group:
            continue
        rows = []
        for topic in sorted(group, key=lambda name: str(topic_titles.get(name, name)).casefold()):
            by_tier = {s.tier: s for s in group[topic]}
            cells = "".join(_cell(by_tier.get(tier)) for tier in tiers)
            title = escape(topic_titles.get(topic, topic))
            href = topic_hrefs.get(topic)
            name = f'<a href="{escape(href)}">{title}</a>' if href else title
            rows.append(f'<tr><th scope="row">{name}</th>{cells}</tr>')
        head = "".join(f'<th scope="col">{escape(t.title())}</th>' for t in tiers)
        out.append(
            f"<h2>{heading} ({len(group)} topic{'' if len(group) == 1 else 's'})</h2>\n"
            '<table class="tiered-reading-summary">\n<thead><tr><th scope="col">Topic</th>'
            f"{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"
        )
    counted = _totals(topics)
    under = ", then the counts above zero of " + counted[0] if counted[0] else ""
    return (
        f"<p>Each cell: FKGL / SMOG of the topic's page at that level{under}; "
        "<strong>above</strong> links to a page that reads above its target.</p>\n"
        + counted[1]
        + "".join(out)
    )


def _totals(topics: dict[str, list[PageStats]]) -> tuple[str, str]:
    """The counted figures' names ("jargon, passive") and their library totals, as HTML.

    Empty strings when no page has counts (no other plugin handed any over).
    """
    total: dict[str, int] = {}
    pages: dict[str, int] = {}
    checked = 0
    for group in topics.values():
        for stats in group:
            checked += bool(stats.counts)
            for name, value in stats.counts:
                total[name] = total.get(name, 0) + value
                pages[name] = pages.get(name, 0) + (value > 0)
    if not total:
        return "", ""
    items = "".join(
        f"<li>{escape(name)}: {value:,} on {pages[name]:,} page{'' if pages[name] == 1 else 's'}"
        "</li>"
        for name, value in total.items()
    )
    head = f"In all, on {checked:,} tier page{'' if checked == 1 else 's'}:"
    return escape(
        ", ".join(total)
    ), f'<p>{head}</p>\n<ul class="tiered-reading-totals">{items}</ul>\n'


def _cell(stats: PageStats | None) -> str:
    if stats is None:
        return "<td>–</td>"
    m = stats.measures
    text = f"{m.fkgl:.1f} / {m.smog:.1f}"
    shown = ", ".join(f"{name} {value}" for name, value in stats.counts if value)
    # <small>, no class: at 1,000 topics every byte of a cell counts three thousand times.
    counts = f"<small>{escape(shown)}</small>" if shown else ""
    if stats.within_target:
        return f"<td>{text}{counts}</td>"
    return f'<td>{text} <a href="{escape(stats.href)}"><strong>above</strong></a>{counts}</td>'


def report_text(topics: dict[str, list[PageStats]]) -> str:
    """The same table as plain text, for ``tiered report``."""
    head = f"{'topic / tier':<44} {'FKGL':>5} {'SMOG':>5} {'words':>6} {'w/s':>5} "
    head += f"{'long':>5} {'cites':>5} {'terms':>5}  target"
    lines = [head]
    for topic, pages in topics.items():
        lines.append(topic)
        for s in pages:
            m = s.measures
            lines.append(
                f"  {s.tier:<42} {m.fkgl:>5.1f} {m.smog:>5.1f} {m.words:>6} "
                f"{m.words_per_sentence:>5.1f} {m.long_share:>5.0%} {s.citations:>5} "
                f"{s.terms:>5}  {_target(s)}" + (f"  ({figures_text(s)})" if s.figures else "")
            )
    return "\n".join(lines) + "\n"
