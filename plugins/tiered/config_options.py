"""Config option classes the tiered plugins share (top floor: they know MkDocs)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError

from tiered.common.yamlsource import as_yaml, is_number, key_line

# A Windows drive ("C:") or a URL scheme ("file:"): never a path inside the site.
_DRIVE_OR_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


class SitePath(c.Type[str]):
    """A path inside the built site (or docs/, as generated pages are placed).

    Every option naming something the build writes goes through this one check: the
    value must be relative, normalised and stay inside the site folder, so no option
    can make a build write elsewhere. The normalised form (``a/b.md``) is what the
    plugin gets.

    Args:
        default: The default value.
        suffix: When given, the path must end with it (``".md"`` for generated pages).
        folder: The path names a folder (``"."`` is then allowed: the site root).
    """

    def __init__(self, default: str, *, suffix: str = "", folder: bool = False) -> None:
        super().__init__(str, default=default)
        self.suffix = suffix
        self.folder = folder

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        example = f" such as {self.default!r}"
        raw = text.strip().replace("\\", "/")
        if not raw:
            raise ValidationError(f"must not be empty: give a path inside the site{example}")
        if raw.startswith("/") or _DRIVE_OR_SCHEME.match(raw):
            raise ValidationError(
                f"{text!r} is absolute; give a path relative to the site folder{example}"
            )
        normal = posixpath.normpath(raw)
        if normal == ".." or normal.startswith("../"):
            raise ValidationError(
                f"{text!r} leads outside the site folder; give a path inside it{example}"
            )
        if normal == "." and not self.folder:
            raise ValidationError(f"{text!r} names no file; give a file path{example}")
        if self.suffix and not normal.endswith(self.suffix):
            raise ValidationError(f"{text!r} must end with {self.suffix!r}{example}")
        return normal


class Number(c.OptionallyRequired[float]):
    """A finite number no lower than ``minimum``: a speed, a grade, a count.

    ``true``, ``.nan`` and ``.inf`` are refused (see :func:`~tiered.common.yamlsource.is_number`).

    Args:
        minimum: The lowest value allowed.
        default: The default value (``None``: required, or wrap in ``c.Optional``).
        example: A sensible value, named in the message (the default when not given).
    """

    def __init__(
        self, *, minimum: float, default: float | None = None, example: float | None = None
    ) -> None:
        super().__init__(default=default)
        self.minimum = minimum
        self.example = example if example is not None else default

    def run_validation(self, value: object) -> float:
        if is_number(value, self.minimum):
            return value
        raise self._refuse(value)

    def _refuse(self, value: object) -> ValidationError:
        example = f" such as {self.example:g}" if self.example is not None else ""
        return ValidationError(
            f"{as_yaml(value)} is not a number of at least {self.minimum:g}; give a number{example}"
        )


# The names a configuration message quotes ("tier 'fundamentals', 'max_words': ..."), and
# the one MkDocs names unquoted; bounded, so a long message costs its length.
_QUOTED = re.compile(r"'([^'\n]{1,200})'")
_UNKNOWN = re.compile(r"Unrecognised configuration name: (\S{1,200})")


def message_names(message: str) -> list[str]:
    """The option names a configuration message quotes, in order.

    ``"tier 'fundamentals': Unrecognised configuration name: jargn"`` ->
    ``["fundamentals", "jargn"]``: below the option, the path to the key it is about.
    """
    names = _QUOTED.findall(message)
    names.extend(_UNKNOWN.findall(message))
    return names


def placed_config(
    plugin: str, config_file_path: str | None, errors: ConfigErrors, warnings: ConfigWarnings
) -> tuple[ConfigErrors, ConfigWarnings]:
    """A plugin's configuration problems, each starting with its place: ``mkdocs.yml:14:``.

    Call it from a plugin's ``load_config`` on what ``BasePlugin.load_config`` returned:
    MkDocs logs the problems as before (``Config value 'plugins': Plugin 'tiered/plain'
    option 'tiers': mkdocs.yml:14: tier 'fundamentals': Unrecognised configuration
    name: jargn``), a warning still fails ``--strict`` at once, and ``tiered check``
    reads the place. The line is the deepest key of the option's path the file holds
    (:func:`~tiered.common.yamlsource.key_line`): the plugin, the option, then the names
    the message quotes. Without a readable file the problems are returned as they are.
    """
    if not (errors or warnings) or not config_file_path:
        return errors, warnings
    try:
        text = Path(config_file_path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return errors, warnings
    # Messages name files relative to the project, the folder of mkdocs.yml.
    shown = Path(config_file_path).name

    def place(key: str, message: str) -> str:
        line = key_line(text, ["plugins", plugin, key, *message_names(message)])
        return f"{shown}:{line}: {message}" if line else f"{shown}: {message}"

    placed_errors: ConfigErrors = [
        (key, ValidationError(place(key, str(err)))) for key, err in errors
    ]
    placed_warnings: ConfigWarnings = [(key, place(key, message)) for key, message in warnings]
    return placed_errors, placed_warnings
