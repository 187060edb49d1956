"""Front matter with line numbers.

MkDocs parses front matter itself but keeps no line numbers and silently drops a
block that is not valid YAML. We parse the same block (same delimiters as
``mkdocs.utils.meta``) with PyYAML's composer so every field knows its line, and
report YAML errors with their position.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import yaml

from tiered.common.diagnostics import Diagnostic
from tiered.common.yamlsource import SafeLoader, describe

# The same block MkDocs recognises: '---' on the first line, closed by '---' or '...'.
_BLOCK_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# The YAML text starts on the second line of the file.
_FIRST_YAML_LINE = 2

MKDOCS_FIELDS = frozenset({"title", "template"})
"""Front matter fields MkDocs itself reads (its ``mkdocs`` theme reads no others)."""

MATERIAL_FIELDS = frozenset(
    {"description", "hide", "icon", "search", "social", "status", "subtitle", "tags"}
)
"""Front matter fields Material for MkDocs' templates and built-in plugins read on any page.

Its blog plugin's fields (``date``, ``authors``, ...) are left out: they belong on blog
posts, not on the pages checked here.
"""


class _Loader(SafeLoader):
    """Safe YAML, but timestamps stay text.

    PyYAML turns ``2024-13-01`` into an exception with no position; callers that want
    a date validate the text themselves and can then name the line.
    """


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)


@dataclass(frozen=True)
class FrontMatter:
    """The front matter of one Markdown file.

    Attributes:
        path: Display path of the file, used in diagnostics.
        data: The parsed mapping (empty when absent or invalid).
        lines: 1-based file line of each top-level key.
        present: Whether the file starts with a front matter block.
        error: A diagnostic when the block is not a valid YAML mapping.
        body_offset: Where the Markdown after the block starts in the text.
    """

    path: str
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    present: bool = False
    error: Diagnostic | None = None
    body_offset: int = 0

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the block's start when the key is absent."""
        return self.lines.get(key, 1)


# Parsed front matter by (hash of the block, path): ``mkdocs serve`` rebuilds parse no
# unchanged block again, and every caller shares one entry a page, whether it passes the
# whole source or the block alone (tiered/levels keeps only the block). Keyed by a
# digest, not the text, so the cache holds no page's source (20 MiB at 1,000 topics);
# large enough for a library's pages.
_PARSED: OrderedDict[tuple[bytes, str], FrontMatter] = OrderedDict()
_PARSED_LIMIT = 50_000


def parse_front_matter(text: str, path: str) -> FrontMatter:
    """Parse the front matter of ``text``; never raises.

    Only the block is read (what follows it cannot change the result), and its parse is
    cached by a hash of it (see ``_PARSED``).

    Args:
        text: The whole Markdown source, with ``\\n`` line endings (or its front matter
            block alone: the same result).
        path: Display path of the file, for diagnostics.
    """
    match = _BLOCK_RE.match(text)
    block = text[: match.end()] if match else ""
    digest = hashlib.blake2b(block.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    key = (digest, path)
    found = _PARSED.get(key)
    if found is None:
        found = _PARSED[key] = _parse(match, path)
        if len(_PARSED) > _PARSED_LIMIT:
            _PARSED.popitem(last=False)
    return found


def block_end(text: str) -> int:
    """Where the front matter block of ``text`` ends (0: it has none).

    What :func:`parse_front_matter` reads of a text is ``text[:block_end(text)]``.
    """
    match = _BLOCK_RE.match(text)
    return match.end() if match else 0


def _parse(match: re.Match[str] | None, path: str) -> FrontMatter:
    if match is None:
        return FrontMatter(path=path)
    block = match.group(1)
    end = match.end()
    loader: _Loader | None = None
    try:
        loader = _Loader(block)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        line, col, problem = describe(err, _FIRST_YAML_LINE)
        return FrontMatter(
            path=path,
            present=True,
            body_offset=end,
            error=Diagnostic(path, line, f"front matter is not valid YAML: {problem}", col),
        )
    except (yaml.YAMLError, ValueError, TypeError) as err:
        return FrontMatter(
            path=path,
            present=True,
            body_offset=end,
            error=Diagnostic(path, 1, f"front matter is not valid YAML: {err}"),
        )
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return FrontMatter(path=path, present=True, body_offset=end)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return FrontMatter(
            path=path,
            present=True,
            body_offset=end,
            error=Diagnostic(
                path, _FIRST_YAML_LINE, "front matter must be a mapping of 'field: value' lines"
            ),
        )
    lines = {
        str(key.value): _FIRST_YAML_LINE + key.start_mark.line
        for key, _value in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return FrontMatter(path=path, data=data, lines=lines, present=True, body_offset=end)


def unknown_fields(meta: FrontMatter, known: Collection[str], advice: str) -> list[Diagnostic]:
    """A warning for each top-level field of ``meta`` that is not in ``known``.

    A field close to a known one (``reviewd``, ``Tier``) is named with the one it
    probably means; for any other, ``advice`` says what to do ("remove it, or ...").
    """
    by_lower = {name.lower(): name for name in known}
    found = []
    for key in meta.data:
        name = str(key)
        if name in known:
            continue
        close = difflib.get_close_matches(name.lower(), sorted(by_lower), n=1, cutoff=0.75)
        hint = f"did you mean '{by_lower[close[0]]}'?" if close else advice
        message = f"front matter field '{name}' is unknown; {hint}"
        found.append(Diagnostic(meta.path, meta.line_of(name), message))
    return found
