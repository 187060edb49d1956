"""tiered: MkDocs plugins for health-education articles written at several reading levels.

The package has three floors. ``common`` and the models/parsers inside each plugin
subpackage know nothing of MkDocs; Markdown extensions use them while pages render;
the MkDocs plugin classes (``*/plugin.py``) only route events.
"""
