"""The project's own site, built as ``make site`` builds it: the issue's acceptance list."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.pdf.pdftools import outline, pdffonts, pdftotext

TIERS = ["Fundamentals", "Intermediate", "Academic"]


def test_repo_site_pdfs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    mkdocs = Path(sys.executable).parent / "mkdocs"
    run = subprocess.run(
        [str(mkdocs), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", site],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TIERED_PDF": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "WARNING -" not in run.stderr
    topic = site / "pdf/topics/aromatase-inhibitors-and-bone.pdf"
    tiers = [site / f"pdf/tiers/{t.lower()}.pdf" for t in TIERS]
    library = site / "pdf/library.pdf"
    for pdf, chapters in [(topic, TIERS), (library, TIERS), *[(t, []) for t in tiers]]:
        text = pdftotext(pdf, "-layout")
        for tier in chapters:
            assert re.search(rf"^{tier}\s*$", text, re.MULTILINE), (pdf.name, tier)
            assert re.search(rf"{tier}\s+\d+$", text, re.MULTILINE), (pdf.name, tier)
        assert re.search(r"Glossary\s+\d+$", text, re.MULTILINE), pdf.name
        assert re.search(r"^\s*References\s*$", text, re.MULTILINE), pdf.name
        glossary = text[re.search(r"Glossary\s+\d+", text).end() :]  # type: ignore[union-attr]
        assert "osteoclast" in glossary, pdf.name
        assert all(font["emb"] == "yes" for font in pdffonts(pdf)), pdf.name
        assert "Aromatase inhibitors and bone health" in text
    assert [title for title, _ in outline(topic)] == [*TIERS, "Glossary"]
    assert [chapter for chapter, _ in outline(library)[0][1]] == TIERS
    # Every tier page links to its PDFs, and the links resolve.
    page = site / "topics/aromatase-inhibitors-and-bone/academic/index.html"
    hrefs = re.findall(r'class="tiered-pdf-links__link" href="([^"]+)"', page.read_text("utf-8"))
    assert len(hrefs) == 2
    assert all((page.parent / href).resolve().is_file() for href in hrefs)
