"""The rendered article as the plain-language checks read it, placed in its Markdown.

Ground floor: no MkDocs. The text is readability's article text (the same blocks:
no code, headings, tables, citations, reference lists or plugin furniture), split
into sentences, each found again in the page's Markdown source so a finding can be
placed at ``file:line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from tiered.readability.measure import article_blocks, find_sentence, split_sentences, words

GLOSSARY_LINK = "tiered-glossary-term"
"""The class of the glossary's term links (documented markup of ``tiered/glossary``)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article.

    Attributes:
        text: As readers see it (whitespace collapsed).
        offset: Where it starts in the Markdown source, or -1 when it was not found.
        paragraph: The index of its paragraph or list item.
    """

    text: str
    offset: int
    paragraph: int


@dataclass(frozen=True)
class Article:
    """A page's article text in sentences, with what the glossary explains on it.

    Attributes:
        source: The page's Markdown source (front matter included: offsets count it).
        sentences: Every sentence, in reading order.
        glossary_words: Every word (casefolded) inside a glossary link on the page.
    """

    source: str
    sentences: tuple[Sentence, ...]
    glossary_words: frozenset[str]

    def paragraphs(self) -> list[list[Sentence]]:
        """The sentences grouped by paragraph or list item."""
        groups: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            groups.setdefault(sentence.paragraph, []).append(sentence)
        return list(groups.values())

    def locate(self, sentence: Sentence, text: str) -> int:
        """Where ``text`` (words of ``sentence``) is in the source, or the sentence's start.

        Looked for as a whole word from the sentence's start, no further than the
        sentence could reach with its markup; -1 when the sentence was not found.
        """
        if sentence.offset < 0:
            return -1
        end = sentence.offset + 2 * len(sentence.text) + 200
        at = self.source.find(text, sentence.offset, end)
        while at >= 0:
            before = self.source[at - 1] if at else " "
            after_at = at + len(text)
            after = self.source[after_at] if after_at < len(self.source) else " "
            if not before.isalnum() and not after.isalnum():
                return at
            at = self.source.find(text, at + 1, end)
        return sentence.offset


class _GlossaryWords(HTMLParser):
    """The text of the glossary's links (``a.tiered-glossary-term``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        if self.depth:
            self.depth += 1
            return
        classes = next((v or "" for k, v in attrs if k == "class"), "").split()
        if GLOSSARY_LINK in classes:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def glossary_words(html: str) -> frozenset[str]:
    """Every word inside a glossary link, casefolded."""
    parser = _GlossaryWords()
    parser.feed(html)
    parser.close()
    return frozenset(w.casefold() for w in words("".join(parser.parts)))


def read_article(html: str, source: str, body_offset: int = 0) -> Article:
    """The article of a rendered page (``html``) whose Markdown is ``source``.

    Sentences are found in ``source`` in order from ``body_offset`` (the end of the
    front matter): each search starts after the last sentence found, so a sentence
    repeated on the page is placed at its own occurrence.
    """
    sentences = []
    cursor = body_offset
    for index, block in enumerate(article_blocks(html)):
        for text in split_sentences(block):
            offset = find_sentence(source, text, cursor)
            if offset >= 0:
                cursor = offset + 1
            sentences.append(Sentence(text, offset, index))
    return Article(source, tuple(sentences), glossary_words(html))
