"""Markdown in, findings out: the plain-language checks without MkDocs."""

from __future__ import annotations

import markdown
from tiered.common.diagnostics import position
from tiered.common.frontmatter import parse_front_matter
from tiered.plain.article import read_article
from tiered.plain.checks import run
from tiered.plain.findings import Settings

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
}


def findings_text(source: str, settings: Settings) -> str:
    """Each finding as ``line:col: message``, one a line, as the golden files hold them."""
    body = parse_front_matter(source, "page.md").body_offset
    html = markdown.markdown(source[body:], extensions=["attr_list", "tables"])
    lines = []
    for finding in run(read_article(html, source, body), settings):
        line, col = position(source, finding.offset) if finding.offset >= 0 else (0, 0)
        lines.append(f"{line}:{col}: {finding.message}")
    return "".join(f"{line}\n" for line in lines)
