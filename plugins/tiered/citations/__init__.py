"""The ``tiered/citations`` plugin: Pandoc-style citations resolved from BibTeX (in progress)."""

FRONT_MATTER: tuple[str, ...] = ("nocite",)
"""The front matter fields this plugin reads: ``nocite:`` lists entries the text does not cite.

Every tiered plugin declares its fields here, so checks of front matter know them
without reading the plugin's code (see :func:`tiered.plugin_support.front_matter_fields`).
"""
