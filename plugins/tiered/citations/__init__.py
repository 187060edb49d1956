"""The ``tiered/citations`` plugin: Pandoc-style citations resolved from BibTeX (in progress)."""
