"""Where each PDF goes inside the PDF folder: the one naming rule links and export share."""

from __future__ import annotations


def topic_path(slug: str) -> str:
    """``topics/<topic folder name>.pdf``."""
    return f"topics/{slug}.pdf"


def tier_path(tier: str) -> str:
    """``tiers/<tier name>.pdf``."""
    return f"tiers/{tier}.pdf"


def library_path() -> str:
    """``library.pdf``."""
    return "library.pdf"
