"""The theme's templates compiled once a serve, not once a rebuild.

MkDocs makes a new Jinja environment for every build, so every rebuild of
``mkdocs serve`` compiles Material's templates again (about 40 files, most of a second
on this machine). :class:`CompiledTemplates` is Jinja's documented hook for that, a
bytecode cache, kept in memory by the preview plugin across rebuilds. Jinja stores a
checksum of each template's source with its code, so an edited template (``mkdocs
serve --watch-theme``) is compiled again; an environment set up otherwise (another
theme's Jinja extensions, say) starts from nothing.

Top floor (it knows Jinja, as MkDocs' themes do).
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Compiled templates by Jinja's key (the template's name and file), in memory."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._settings: tuple[object, ...] = ()

    def attach(self, env: Environment) -> None:
        """Compile ``env``'s templates through this cache (before any is loaded)."""
        settings = (
            tuple(sorted(env.extensions)),
            repr(env.autoescape),
            env.block_start_string,
            env.variable_start_string,
            env.comment_start_string,
            env.line_statement_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
        )
        if settings != self._settings:
            self._code = {}
            self._settings = settings
        env.bytecode_cache = self

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
