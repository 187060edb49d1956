"""Property tests: for any Markdown and any glossary, linking is safe and lossless."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tiered.glossary.markdown import GlossaryExtension, PageContext
from tiered.glossary.matcher import Matcher
from tiered.glossary.model import Glossary, Term, make_anchor

WORDS = ["bone", "Estrogen", "RANKL", "AI", "α", "IL-6", "osteo", "clast", "T-cell", "it's"]
PUNCTUATION = [" ", " ", "\n", "\n\n", "*", "_", "`", "```\n", "    ", "#", "## ", "- ", "> "]
PUNCTUATION += [
    "[",
    "](x.md)",
    "<",
    ">",
    "&",
    "&amp;",
    "&#169;",
    "'",
    "’",
    "|",
    "!",
    "(",
    ")",
    "<b>",
    "</b>",
    '<a href="x">',  # an author's raw link: nothing is linked inside it
    "</a>",
]
EXTENSIONS = ["abbr", "admonition", "attr_list", "fenced_code", "tables", "toc"]

terms = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
    min_size=1,
    max_size=6,
    unique_by=str.casefold,
)
documents = st.lists(st.sampled_from(WORDS + PUNCTUATION), max_size=60).map("".join)


def _glossary(names: list[str], case: bool | None) -> Glossary:
    return Glossary(
        "g.yml",
        [
            Term(n, make_anchor(n) + str(i), short=f'<{n}> & "{n}"', case_sensitive=case)
            for i, n in enumerate(names)
        ],
    )


def _render(text: str, glossary: Glossary | None) -> str:
    extensions: list[object] = list(EXTENSIONS)
    if glossary is not None:
        extension = GlossaryExtension(glossary, "all")
        extension.start_page(PageContext(glossary_href="g.md", tier=None))
        extensions.append(extension)
    return markdown.Markdown(extensions=extensions).convert(text)  # type: ignore[arg-type]


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = {"a": 0, "code": 0, "pre": 0}
        self.nested_link = False
        self.link_in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.depth:
            if tag == "a":
                glossary = ("class", "tiered-glossary-term") in attrs
                self.nested_link |= glossary and self.depth["a"] > 0  # the author's are theirs
                self.link_in_code |= glossary and (self.depth["code"] + self.depth["pre"]) > 0
            self.depth[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth.get(tag):
            self.depth[tag] -= 1


_GLOSSARY_LINK = re.compile(r'<a class="tiered-glossary-term"[^>]*>(.*?)</a>', re.DOTALL)


# No deadline: on a shared machine one example can take longer; what is checked is
# the output, and linear time is the fuzz suite's slope check.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents, names=terms, case=st.sampled_from([None, True, False]))
def test_linking_is_safe_and_lossless(text: str, names: list[str], case: bool | None) -> None:
    text = text.replace("[[", "[ [")  # the force/prevent syntax is tested by fixtures
    linked = _render(text, _glossary(names, case))
    structure = _Structure()
    structure.feed(linked)
    assert not structure.nested_link
    assert not structure.link_in_code
    assert _GLOSSARY_LINK.sub(r"\1", linked) == _render(text, None)


@given(st.text(), st.lists(st.text(min_size=1), max_size=5))
def test_matcher_never_raises(text: str, forms: list[str]) -> None:
    matcher = Matcher((form, form, i % 2 == 0) for i, form in enumerate(forms))
    for hit in matcher.find(text):
        assert 0 <= hit.start < hit.end <= len(text)


def test_the_property_harness_does_link() -> None:
    html = _render("Estrogen and bone `bone`", _glossary(["bone", "estrogen"], None))
    assert len(_GLOSSARY_LINK.findall(html)) == 2
    assert "<code>bone</code>" in html
