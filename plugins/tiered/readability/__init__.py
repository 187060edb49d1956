"""Reading levels measured on the rendered article text, per tier (``tiered/readability``)."""

FRONT_MATTER: tuple[str, ...] = ("readability",)
"""The front matter fields this plugin reads: ``readability: {max_grade, reason}``.

Every tiered plugin declares its fields here, so checks of front matter know them
without reading the plugin's code (see :func:`tiered.plugin_support.front_matter_fields`).
"""
