"""``mkdocs serve`` skips the PDFs (and their links) unless ``pdf_on_serve`` is set."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import SiteFactory
from tests.pdf.sites import bones_docs


def _build_as_serve(root: Path, pdf: dict[str, object]) -> Path:
    SiteFactory(root).build(bones_docs(), plugins=[{"tiered/levels": {}}, {"tiered/pdf": pdf}])
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "served"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_shutdown()
    return root / "served"


def test_serve_skips_pdfs(tmp_path: Path) -> None:
    served = _build_as_serve(tmp_path, {"workers": 1, "library": False, "tiers": False})
    assert not (served / "pdf").exists()
    html = (served / "topics/bones/fundamentals/index.html").read_text(encoding="utf-8")
    assert "tiered-switcher" in html
    assert "tiered-pdf-links" not in html


def test_pdf_on_serve(tmp_path: Path) -> None:
    served = _build_as_serve(
        tmp_path, {"workers": 1, "library": False, "tiers": False, "pdf_on_serve": True}
    )
    assert sorted(p.name for p in (served / "pdf").rglob("*.pdf")) == ["bones.pdf", "joints.pdf"]
    html = (served / "topics/bones/fundamentals/index.html").read_text(encoding="utf-8")
    assert "tiered-pdf-links" in html
