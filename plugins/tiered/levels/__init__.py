"""The ``tiered/levels`` plugin: topics written at several reading levels (tiers)."""
