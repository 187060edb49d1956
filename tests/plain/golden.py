"""Markdown in, findings out: the plain-language checks without MkDocs."""

from __future__ import annotations

import markdown
from tiered.common.diagnostics import position
from tiered.common.frontmatter import parse_front_matter
from tiered.plain import facts
from tiered.plain.accept import Allowed, read_allowed
from tiered.plain.article import Article, read_article
from tiered.plain.checks import run
from tiered.plain.findings import Settings
from tiered.plain.wording import PageGlossary, Weak, links, own_words, problems

# Each fixture runs the one check its name starts with (``all_*``: every check).
NONE = Settings(
    jargon=False,
    acronyms=False,
    numbers=False,
    max_words=None,
    passive=False,
    max_paragraph_sentences=None,
)
SETTINGS = {
    "jargon": Settings(**{**NONE.__dict__, "jargon": True}),
    "acronyms": Settings(**{**NONE.__dict__, "acronyms": True}),
    "numbers": Settings(**{**NONE.__dict__, "numbers": True}),
    "sentences": Settings(
        **{**NONE.__dict__, "max_words": 20, "passive": True, "max_paragraph_sentences": 5}
    ),
    "all": Settings(),
    # Jargon on the page; the glossary's wordings are judged at the default (strictest)
    # settings, from front matter ``wordings: {anchor: text}`` (see findings_text).
    "glossary": Settings(**{**NONE.__dict__, "jargon": True}),
}


def _glossary(wordings: dict[str, str], html: str) -> PageGlossary:
    """The page's links judged by ``wordings`` (anchor: text), the n-th at glossary.yml:n."""
    lines = {anchor: n for n, anchor in enumerate(wordings, start=1)}

    def judge(anchor: str) -> Weak | None:
        if anchor not in wordings:
            return None
        found = problems(wordings[anchor], own_words([anchor]), Settings())
        place = f"glossary.yml:{lines[anchor]}"
        return Weak(anchor, "fundamentals", True, place, found) if found else None

    return PageGlossary(links(html), judge)


def findings_text(source: str, settings: Settings) -> str:
    """Each finding as ``line:col: message``, one a line, as the golden files hold them."""
    front = parse_front_matter(source, "page.md")
    body = front.body_offset
    html = markdown.markdown(source[body:], extensions=["attr_list", "tables"])
    wordings = front.data.get("wordings")
    glossary = _glossary(wordings, html) if isinstance(wordings, dict) else None
    lines = []
    for finding in run(read_article(html, source, body), settings, glossary):
        line, col = position(source, finding.offset) if finding.offset >= 0 else (0, 0)
        lines.append(f"{line}:{col}: {finding.message}")
    return "".join(f"{line}\n" for line in lines)


def _article(source: str) -> Article:
    body = parse_front_matter(source, "page.md").body_offset
    html = markdown.markdown(source[body:], extensions=["attr_list", "tables"])
    return read_article(html, source, body)


def facts_text(simpler: str, reference: str) -> str:
    """The simpler page's numbers not on the reference page, less those it accepts.

    As the golden files hold them: ``line:col: "number"``, one a line.
    """
    front = parse_front_matter(simpler, "page.md").data
    allowed = read_allowed(front["plain"]) if "plain" in front else Allowed()
    found = facts.without_accepted(facts.numbers(_article(simpler)), allowed.words)
    lines = []
    for number in facts.unmatched(found, facts.numbers(_article(reference))):
        line, col = position(simpler, number.offset) if number.offset >= 0 else (0, 0)
        lines.append(f'{line}:{col}: "{number.text}"\n')
    return "".join(lines)
