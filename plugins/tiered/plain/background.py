"""The plain-language checks of a page as plain data, for the machine's other core.

tiered/plain reads a tier page's front matter while it renders and hands the rest
(the rendered HTML, the Markdown source, the tier, the accepted words) to
:class:`CheckTask` through :class:`~tiered.common.background.Background`: on a
library, in the plugins' worker process, so the article is read and checked beside the
build (read once there for this and tiered/readability); on a small site, here. The
result is everything the plugin warns, records and shows for the page (:class:`Checked`).
No MkDocs here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tiered.common.background import Background
from tiered.glossary.model import Wording
from tiered.plain import accept, facts, jargon, wording
from tiered.plain.article import GLOSSARY_LINK, article_from_blocks
from tiered.plain.checks import counts, run
from tiered.plain.findings import KINDS, Finding, Settings
from tiered.readability.measure import article_blocks


@dataclass(frozen=True)
class Job:
    """One page to check.

    Attributes:
        tier: Its tier (one the setup names).
        html: Its rendered content.
        source: Its Markdown source, front matter included (findings are placed in it).
        body: Where the text after the front matter starts in ``source``.
        allowed: The words its front matter accepts, casefolded.
        findings: Whether the result carries the findings themselves (to warn about or
            show), not only their counts.
        jargon: Whether the result carries the page's unexplained jargon (for
            ``tiered glossary suggest``; a build nobody asks would hold it for nothing).
    """

    tier: str
    html: str
    source: str
    body: int
    allowed: tuple[str, ...]
    findings: bool
    jargon: bool = False

    def data(self) -> list[Any]:
        """As sent to the worker."""
        return [
            self.tier,
            self.html,
            self.source,
            self.body,
            list(self.allowed),
            self.findings,
            self.jargon,
        ]


@dataclass(frozen=True)
class Checked:
    """What the checks found on one page.

    Attributes:
        problems: The acceptances' own problems, ``(offset, message)``.
        findings: The findings left after acceptances (empty unless the job asked).
        counts: How many findings of each kind were left.
        accepted: How many findings were accepted.
        numbers: The page's numbers, less those it accepts (compared across tiers).
        jargon: The page's unexplained jargon (for ``tiered glossary suggest``), if the
            job asked for it; else empty.
        terms: How many distinct medical terms the page uses (the reading line's note).
        weak: Glossary wordings the page relied on that are not plain, first used here:
            ``(tier, anchor, problems)``.
    """

    problems: tuple[tuple[int, str], ...]
    findings: tuple[Finding, ...]
    counts: dict[str, int]
    accepted: int
    numbers: tuple[facts.Number, ...]
    jargon: jargon.PageJargon
    terms: int
    weak: tuple[tuple[str, str, tuple[str, ...]], ...]


class CheckTask:
    """Checks pages; set up once a build with each tier's settings and glossary wordings.

    Setup: ``{"tiers": {tier: [Settings fields..., report_only]}, "wordings": {tier:
    {anchor: [term, text, path, line, own tier or null, [forms...]]}}}``.
    """

    def __init__(self) -> None:
        self.settings: dict[str, tuple[Settings, bool]] = {}
        self.wordings: dict[str, dict[str, Wording]] = {}
        # The verdict on each wording a page relied on, by (tier, anchor): once a build.
        self.verdicts: dict[tuple[str, str], wording.Weak | None] = {}

    def setup(self, data: Any) -> None:
        self.settings = {
            tier: (Settings(*fields[:-1]), bool(fields[-1]))
            for tier, fields in data["tiers"].items()
        }
        self.wordings = {
            tier: {
                anchor: Wording(term, text, path, line, own, tuple(forms))
                for anchor, (term, text, path, line, own, forms) in said.items()
            }
            for tier, said in data["wordings"].items()
        }
        self.verdicts = {}

    def run(self, jobs: list[Any]) -> list[Any]:
        return [self._check(Job(*job)) for job in jobs]

    def _check(self, job: Job) -> dict[str, Any]:
        settings, report_only = self.settings[job.tier]
        article = article_from_blocks(article_blocks(job.html), job.html, job.source, job.body)
        weak: list[list[Any]] = []
        glossary = self._page_glossary(job, settings, report_only, weak)
        allowed = frozenset(job.allowed)
        result = accept.apply(run(article, settings, glossary), accept.Allowed(allowed), job.source)
        found = counts(result.findings)
        return {
            "problems": result.problems,
            "findings": [[f.kind, f.text, f.message, f.offset] for f in result.findings]
            if job.findings
            else [],
            "counts": [found[kind] for kind in KINDS],
            "accepted": len(result.accepted),
            "numbers": [
                [n.text, n.value, n.offset, n.cited]
                for n in facts.without_accepted(facts.numbers(article), allowed)
            ],
            "jargon": [
                [f.text, f.offset, f.mentions]
                for f in jargon.flagged(article, result.findings, settings.min_zipf)
            ]
            if job.jargon
            else [],
            "terms": len(jargon.vocabulary(article, settings.min_zipf)),
            "weak": weak,
        }

    def _page_glossary(
        self, job: Job, settings: Settings, report_only: bool, weak: list[list[Any]]
    ) -> wording.PageGlossary | None:
        """The page's glossary links, judged by their terms' wordings for its tier.

        Without the glossary's wordings, any glossary link explains the words in it.
        A wording judged not plain for the first time, on a tier that warns, joins
        ``weak``.
        """
        wordings = self.wordings.get(job.tier)
        if not settings.jargon or not wordings or GLOSSARY_LINK not in job.html:
            return None
        tier = job.tier

        def judge(anchor: str) -> wording.Weak | None:
            key = (tier, anchor)
            if key in self.verdicts:
                return self.verdicts[key]
            said = wordings.get(anchor)
            verdict = None
            if said is not None:
                problems = wording.problems(said.text, wording.own_words(said.forms), settings)
                if problems:
                    place = f"{said.path}:{said.line}"
                    verdict = wording.Weak(said.term, tier, said.tier is not None, place, problems)
                    if not report_only:
                        weak.append([tier, anchor, list(problems)])
            self.verdicts[key] = verdict
            return verdict

        return wording.PageGlossary(wording.links(job.html), judge)


def setup_data(
    tiers: dict[str, tuple[Settings, bool]], wordings: dict[str, dict[str, Wording]]
) -> dict[str, Any]:
    """The task's setup: each tier's settings and whether it only reports, its wordings."""
    return {
        "tiers": {
            tier: [*_fields(settings), report_only]
            for tier, (settings, report_only) in tiers.items()
        },
        "wordings": {
            tier: {
                anchor: [w.term, w.text, w.path, w.line, w.tier, list(w.forms)]
                for anchor, w in said.items()
            }
            for tier, said in wordings.items()
        },
    }


def _fields(settings: Settings) -> list[Any]:
    return [
        settings.jargon,
        settings.min_zipf,
        settings.acronyms,
        settings.numbers,
        settings.max_words,
        settings.passive,
        settings.max_paragraph_sentences,
    ]


def checker() -> Background[Any, Checked]:
    """The plugin's checker: pages checked in the worker on a library, here else."""
    return Background(CheckTask(), checked, "tiered/plain")


def checked(row: Any) -> Checked:
    """A result line as :class:`Checked`.

    Raises:
        TypeError, ValueError: ``row`` is not a result.
    """
    if not isinstance(row, dict):
        raise TypeError(f"not a page's findings: {row!r:.200}")
    try:
        return _read(row)
    except (KeyError, IndexError) as error:
        raise ValueError(f"not a page's findings: {row!r:.200}") from error


def _read(row: dict[str, Any]) -> Checked:
    return Checked(
        problems=tuple((int(offset), str(message)) for offset, message in row["problems"]),
        findings=tuple(
            Finding(kind, str(text), str(message), int(offset))
            for kind, text, message, offset in row["findings"]
        ),
        counts=dict(zip(KINDS, map(int, row["counts"]), strict=True)),
        accepted=int(row["accepted"]),
        numbers=tuple(
            facts.Number(str(text), str(value), int(offset), bool(cited))
            for text, value, offset, cited in row["numbers"]
        ),
        jargon=jargon.PageJargon.from_rows(
            (str(text), int(offset), int(mentions)) for text, offset, mentions in row["jargon"]
        ),
        terms=int(row["terms"]),
        weak=tuple(
            (str(tier), str(anchor), tuple(map(str, problems)))
            for tier, anchor, problems in row["weak"]
        ),
    )
