"""What the MkDocs plugins share: where the project is, how to name files, assets.

Top floor (it knows MkDocs); the plugins import it, the models never do.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from tiered.common.diagnostics import Diagnostic, Severity, position
from tiered.common.frontmatter import MATERIAL_FIELDS, MKDOCS_FIELDS, parse_front_matter
from tiered.common.letters import OTHER, Parts, describe
from tiered.preview.generated import GeneratedFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def project_root(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``: file names in messages are relative to it.

    Absolute but with symbolic links kept, as MkDocs makes ``abs_src_path``.
    """
    config_file = os.path.abspath(config.config_file_path or "mkdocs.yml")  # noqa: PTH100
    return Path(config_file).parent


def display_path(path: str | Path | None, root: Path, fallback: str = "") -> str:
    """``path`` relative to the project, as messages show it (``docs/topics/x.md``)."""
    if not path:
        return fallback
    absolute = os.path.abspath(path)  # noqa: PTH100 - see project_root
    # As Path.relative_to, by string: a build names every page, thousands at a time.
    top = str(root)
    prefix = top if top.endswith(os.sep) else top + os.sep
    if absolute.startswith(prefix):
        return absolute[len(prefix) :].replace(os.sep, "/")
    try:
        return Path(absolute).relative_to(root).as_posix()
    except ValueError:
        return Path(absolute).as_posix()


def release_page(page: Page) -> None:
    """Let go of a page's Markdown and HTML once it is rendered (at its ``on_post_page``).

    MkDocs renders every page's Markdown before it writes any, and keeps both texts on
    the ``Page`` until the build ends; it reads neither after the page's
    ``on_post_page``. In a library they are most of a build's memory (4,000 pages: about
    65 MiB, twice the search index) and all of it is held at the end, when the search
    index is written. Call it from the last ``on_post_page`` of the build.

    The title is pinned first: MkDocs works ``Page.title`` out from the Markdown each time
    it is read (and gives ``None`` without it), and the pages written later still show
    this one's title in their navigation and previous/next links.
    """
    page.title = page.title
    page.markdown = None
    page.content = None


def page_diagnostic(
    page: Page,
    root: Path,
    message: str,
    *,
    offset: int | None = None,
    key: str | None = None,
    severity: Severity = "warning",
) -> Diagnostic:
    """A problem on ``page``, placed where the author can find it.

    The one way every plugin names a page problem: the page's source file relative to
    the project, and the line (and column) of ``offset`` in its Markdown source, or of
    the front matter field ``key``; without either (or when ``offset`` is negative, as
    ``str.find`` returns for "not found"), the first line of the page's text after its
    front matter.
    """
    path = display_path(page.file.abs_src_path, root, page.file.src_uri)
    source = page.file.content_string
    if offset is not None and offset >= 0:
        line, col = position(source, min(offset, len(source)))
        return Diagnostic(path, line, message, col, severity)
    meta = parse_front_matter(source, path)
    if key is not None and key in meta.lines:
        return Diagnostic(path, meta.line_of(key), message, severity=severity)
    line = source.count("\n", 0, meta.body_offset) + 1
    return Diagnostic(path, line, message, severity=severity)


def front_matter_fields(config: MkDocsConfig) -> frozenset[str]:
    """Every front matter field something in this build reads.

    MkDocs' own and Material's, and those each configured plugin declares as
    ``FRONT_MATTER`` (a tuple of names) in its package, as every tiered plugin does in
    its ``__init__.py``: so a plugin learns the others' fields from one public constant,
    and a third-party plugin can declare its own the same way.
    """
    fields = set(MKDOCS_FIELDS | MATERIAL_FIELDS)
    for plugin in config.plugins.values():
        package = sys.modules.get(type(plugin).__module__.rpartition(".")[0])
        declared = getattr(package, "FRONT_MATTER", ())
        if isinstance(declared, tuple | list | frozenset | set):
            fields.update(name for name in declared if isinstance(name, str))
    return frozenset(fields)


_ASSETS = Path(__file__).parent / "assets"
# The accessible popover the glossary and the citations share.
POPOVER = {
    "assets/tiered/popover.css": _ASSETS / "popover.css",
    "assets/tiered/popover.js": _ASSETS / "popover.js",
}


def use_assets(config: MkDocsConfig, assets: dict[str, Path]) -> None:
    """Link the plugin's stylesheets and scripts from every page (call in ``on_config``).

    An asset two plugins share is linked once.
    """
    scripts = {str(script) for script in config.extra_javascript}
    for uri in assets:
        if uri.endswith(".css") and uri not in config.extra_css:
            config.extra_css.append(uri)
        elif uri.endswith(".js") and uri not in scripts:
            script = ExtraScriptValue(uri)
            script.defer = True
            config.extra_javascript.append(script)


def add_assets(config: MkDocsConfig, files: Files, assets: dict[str, Path]) -> None:
    """Copy the plugin's stylesheets and scripts into the site (call in ``on_files``)."""
    for uri, source in assets.items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(source)))


def generate_page(
    config: MkDocsConfig,
    files: Files,
    *,
    path: str,
    title: str,
    intro: str,
    kind: str,
    plugin: str,
    option: str = "page_path",
) -> None:
    """Add a page the plugin writes (glossary, bibliography) as if it were in docs/.

    Its Markdown is a title and an introduction; the plugin appends the rest to its
    rendered content. Front matter ``glossary: false``: nothing on it is auto-linked.
    A :class:`~tiered.preview.generated.GeneratedFile`: a dirty rebuild writes it again
    only when the plugin's :class:`~tiered.preview.generated.GeneratedPages` finds that
    it shows something new.

    Raises:
        PluginError: A real file already sits at ``path`` (the message names ``option``,
            the plugin's option for the page's place).
    """
    if files.get_file_from_path(path) is not None:
        shown = display_path(Path(config.docs_dir) / path, project_root(config))
        raise PluginError(
            f"{shown} exists, but the {kind} is generated there: remove the file or set "
            f"'{option}' in the {plugin} options"
        )
    front = yaml.safe_dump({"title": title, "glossary": False})
    text = f"---\n{front}---\n\n# {title}\n\n{intro}\n"
    files.append(GeneratedFile.generated(config, path, content=text))


def generate_letter_pages(
    config: MkDocsConfig,
    files: Files,
    parts: Parts,
    *,
    title: str,
    intro: str,
    kind: str,
    plugin: str,
) -> dict[str, str]:
    """Add the page of each part of a list split by letter (:class:`Parts`).

    Each is titled ``<title>: B`` (``other`` for ``#``, which would end the Markdown
    heading), introduced by ``intro`` with ``{letter}`` replaced (``B``, ``S, part 2``,
    ``a character other than A-Z``), and kept out of the navigation: the list's first
    page and the letters bars lead to them.

    Returns:
        Each part page's URL, by its path in docs.
    """
    urls = {}
    for label, path in parts.paths.items():
        generate_page(
            config,
            files,
            path=path,
            title=f"{title}: {label.replace(OTHER, 'other', 1)}",
            intro=intro.replace("{letter}", describe(label)),
            kind=kind,
            plugin=plugin,
        )
        part = files.get_file_from_path(path)
        if part is not None:
            part.inclusion = InclusionLevel.NOT_IN_NAV
            urls[path] = part.url
    return urls


def topic_landing(page: Page, files: Files) -> Page | None:
    """The landing page of a tier page's topic (``<topic>/index.md``), if it has one.

    A tier page is one whose front matter names a ``tier``; its topic is its folder.
    """
    if not isinstance(page.meta.get("tier"), str):
        return None
    landing = topic_landing_file(page.file.src_uri, files)
    return landing.page if landing is not None else None


def topic_landing_file(uri: str, files: Files) -> File | None:
    """The file of the landing page of tier page ``uri``'s topic (its folder's ``index.md``).

    For a caller that knows ``uri`` is a tier page without its ``Page`` (a page a dirty
    rebuild did not read).
    """
    folder = posixpath.dirname(uri)
    # src_uris, not get_file_from_path: the path is already POSIX, and the PurePath the
    # latter makes was most of the "Cited in" lists' time at 1,000 topics.
    landing = files.src_uris.get(posixpath.join(folder, "index.md"))
    return landing if landing is not None and landing.src_uri != uri else None
