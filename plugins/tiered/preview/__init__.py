"""The fast preview: ``mkdocs serve --dirty`` with cross-page pages kept right (``make serve``)."""

FRONT_MATTER: tuple[str, ...] = ()
