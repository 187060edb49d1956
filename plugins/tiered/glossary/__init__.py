"""The ``tiered/glossary`` plugin: auto-linked terms, definitions, a glossary page."""
