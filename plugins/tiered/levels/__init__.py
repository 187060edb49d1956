"""The ``tiered/levels`` plugin: topics written at several reading levels (tiers)."""

FRONT_MATTER: tuple[str, ...] = ("tier", "summary", "reviewed", "title", "category")
"""The front matter fields this plugin reads on topic pages (see README, "Writing a topic").

Every tiered plugin declares its fields here, so checks of front matter know them
without reading the plugin's code (see :func:`tiered.plugin_support.front_matter_fields`).
"""
