"""The author's overlay in ``mkdocs serve``: the page's findings as data for its script.

The script (``assets/plain-overlay.js``) marks each finding in the page, builds the
legend with a toggle per kind, and shows the message on hover and focus. Only the
preview links it: a built site has none of it. No MkDocs here.
"""

from __future__ import annotations

import json
from pathlib import Path

from tiered.plain.findings import KINDS, Finding

DATA_ID = "tiered-plain-findings"
"""The id of the ``<script type="application/json">`` holding a page's findings."""

LABELS = {
    "jargon": "Jargon",
    "acronym": "Acronym",
    "number": "Number or risk",
    "long-sentence": "Long sentence",
    "passive": "Passive voice",
    "long-paragraph": "Long paragraph",
}
_ASSETS = Path(__file__).parent / "assets"
ASSETS = {
    "assets/tiered/plain-overlay.css": _ASSETS / "plain-overlay.css",
    "assets/tiered/plain-overlay.js": _ASSETS / "plain-overlay.js",
}


def _anchor(finding: Finding) -> str:
    """The words to mark: the finding's own, or a sentence's first word."""
    if finding.kind in ("long-sentence", "long-paragraph"):
        first = finding.text.split(maxsplit=1)
        return first[0] if first else finding.text
    return finding.text


def overlay_data(findings: list[Finding] | tuple[Finding, ...]) -> str:
    """The findings as a JSON data block (``</`` escaped: it cannot end the script)."""
    data = {
        "kinds": [{"kind": kind, "label": LABELS[kind]} for kind in KINDS],
        "findings": [
            {"kind": f.kind, "anchor": _anchor(f), "message": f.message} for f in findings
        ],
    }
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/json" id="{DATA_ID}">{text}</script>\n'
