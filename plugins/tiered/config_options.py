"""Config option classes the tiered plugins share (top floor: they know MkDocs)."""

from __future__ import annotations

import posixpath
import re

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from tiered.common.yamlsource import as_yaml, is_number

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
