"""The ``tiered/glossary`` plugin: auto-linked terms, definitions, a glossary page."""

FRONT_MATTER: tuple[str, ...] = ("glossary",)
"""The front matter fields this plugin reads: ``glossary: false`` turns auto-linking off.

Every tiered plugin declares its fields here, so checks of front matter know them
without reading the plugin's code (see :func:`tiered.plugin_support.front_matter_fields`).
"""
