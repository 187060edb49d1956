"""Plain-language checks on the rendered article text, per tier (``tiered/plain``)."""

FRONT_MATTER: tuple[str, ...] = ("plain", "next_review")
"""The front matter fields this plugin reads: ``plain: {allow, reason}`` and ``next_review``.

Every tiered plugin declares its fields here, so checks of front matter know them
without reading the plugin's code (see :func:`tiered.plugin_support.front_matter_fields`).
"""
