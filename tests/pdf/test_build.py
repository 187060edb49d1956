"""End-to-end: a real ``mkdocs build`` with tiered/pdf, and the real PDFs it wrote."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from tests.conftest import BuildResult
from tests.pdf.pdftools import outline, page_count, pdffonts, pdftotext, structure
from tests.pdf.sites import PDF_NAMES, bones_docs, build

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1772668800")  # 5 March 2026: stable covers
        yield build(tmp_path_factory.mktemp("bones"), bones_docs())


def _pdf(built: BuildResult, name: str) -> Path:
    return built.site / "pdf" / name


def test_writes_every_kind_of_pdf(built: BuildResult) -> None:
    written = sorted(
        p.relative_to(built.site / "pdf").as_posix() for p in built.site.rglob("*.pdf")
    )
    assert written == PDF_NAMES
    assert not list(built.site.rglob("*.tmp"))
    assert [w for w in built.warnings if "pdf" in w.lower()] == []


def test_page_counts(built: BuildResult) -> None:
    # Cover, contents, one page per (short) chapter, the glossary.
    assert page_count(_pdf(built, "topics/bones.pdf")) == 1 + 1 + 3 + 1
    assert page_count(_pdf(built, "topics/joints.pdf")) == 1 + 1 + 1 + 1
    assert page_count(_pdf(built, "tiers/fundamentals.pdf")) == 1 + 1 + 2 + 1
    assert page_count(_pdf(built, "tiers/academic.pdf")) == 1 + 1 + 1 + 1
    assert page_count(_pdf(built, "library.pdf")) == 1 + 1 + 4 + 1


def test_outline_lists_chapters_and_sections(built: BuildResult) -> None:
    assert outline(_pdf(built, "topics/bones.pdf")) == [
        ("Fundamentals", [("Why bones thin", []), ("What helps", []), ("References", [])]),
        ("Intermediate", [("The numbers", []), ("Monitoring", []), ("References", [])]),
        ("Academic", [("Mechanisms", []), ("References", [])]),
        ("Glossary", []),
    ]
    library = outline(_pdf(built, "library.pdf"))
    assert [(part, [c for c, _sections in chapters]) for part, chapters in library] == [
        ("Bones and hormones", ["Fundamentals", "Intermediate", "Academic"]),
        ("Joint pain", ["Fundamentals"]),
        ("Glossary", []),
    ]
    assert [title for title, _ in outline(_pdf(built, "tiers/fundamentals.pdf"))] == [
        "Bones and hormones",
        "Joint pain",
        "Glossary",
    ]


def test_text_snapshot(built: BuildResult, update_golden: bool) -> None:
    """Cover, contents with page numbers, chapters, references, glossary: as pdftotext reads."""
    text = pdftotext(_pdf(built, "topics/bones.pdf"))
    golden = FIXTURES / "bones.txt"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_contents_have_page_numbers_and_terms_become_a_glossary(built: BuildResult) -> None:
    text = pdftotext(_pdf(built, "topics/bones.pdf"), "-layout")
    assert re.search(r"Fundamentals\s+3\n", text)
    assert re.search(r"Academic\s+5\n", text)
    assert re.search(r"Glossary\s+6\n", text)
    glossary = text[re.search(r"Glossary\s+\d+", text).end() :]  # type: ignore[union-attr]
    # The name as the glossary page shows it, the definition the first use carried.
    assert "osteoclast\n" in glossary
    assert "A cell that clears away old bone." in glossary
    assert "bone mineral density" in glossary
    assert "Medically reviewed on 5 March 2026" in text
    assert "PDF made on 5 March 2026" in text


def test_links_inside_the_pdf(built: BuildResult) -> None:
    reader = PdfReader(_pdf(built, "topics/bones.pdf"))
    internal, external = 0, []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            action = link.get("/A")
            if isinstance(action, DictionaryObject) and "/URI" in action:
                external.append(str(action["/URI"]))
            elif "/Dest" in link or (isinstance(action, DictionaryObject) and "/D" in action):
                internal += 1
    # Contents, citation numbers and the link between tiers all stay inside the PDF;
    # glossary terms are plain text; the only addresses are the DOI and PubMed ones.
    assert internal >= 10
    assert sorted(set(external)) == [
        "https://doi.org/10.1200/JCO.2007.11.0726",
        "https://pubmed.ncbi.nlm.nih.gov/18309940/",
    ]
    text = pdftotext(_pdf(built, "topics/bones.pdf"))
    assert "https://doi.org/10.1200/JCO.2007.11.0726" in text  # printed, not only linked


def test_tagged_pdf_with_metadata(built: BuildResult) -> None:
    reader = PdfReader(_pdf(built, "topics/bones.pdf"))
    root = reader.root_object
    mark_info = root["/MarkInfo"].get_object()
    assert isinstance(mark_info, DictionaryObject)
    assert mark_info["/Marked"]
    assert str(root["/Lang"]) == "en"
    tree = root["/StructTreeRoot"].get_object()
    kinds: set[str] = set()
    alt: list[str] = []

    def walk(node: object, depth: int = 0) -> None:
        node = getattr(node, "get_object", lambda: node)()
        if isinstance(node, DictionaryObject):
            if "/S" in node:
                kinds.add(str(node["/S"]))
            if node.get("/S") == "/Figure":
                alt.append(str(node.get("/Alt")))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids]:
                if depth < 40:
                    walk(kid, depth + 1)

    walk(tree)
    assert {"/H1", "/H2", "/P", "/Table", "/TH", "/L", "/Figure"} <= kinds
    assert alt == ["Remodeling cycle diagram"]  # the figure keeps the page's alt text
    assert reader.metadata is not None
    assert reader.metadata.title == "Bones and hormones"
    assert reader.metadata.author == "Test site"


def test_fonts_are_embedded(built: BuildResult) -> None:
    for name in ("topics/bones.pdf", "library.pdf"):
        fonts = pdffonts(_pdf(built, name))
        assert fonts
        assert all(font["emb"] == "yes" for font in fonts), fonts
        assert all("DejaVu" in font["name"] for font in fonts), fonts


def test_figure_and_table_render(built: BuildResult) -> None:
    text = pdftotext(_pdf(built, "topics/bones.pdf"))
    assert "Remodeling cycle" in text  # the SVG's own text: the figure was drawn
    assert re.search(r"Trial\s+BMD change\s+ATAC\s+-6.1%\s+IES", text)


def test_first_page_is_not_blank(built: BuildResult, tmp_path: Path) -> None:
    pdf = str(_pdf(built, "topics/bones.pdf"))
    png = ["-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run(["pdftoppm", *png, pdf, f"{tmp_path}/c"], check=True)
    with Image.open(tmp_path / "c.png") as image:
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
        assert grey.size[0] > 300
    assert dark > 500  # the title's letters, at least


def test_download_links_point_at_the_pdfs(built: BuildResult) -> None:
    tier = built.html("topics/bones/intermediate/index.html")
    links = re.findall(r'class="tiered-pdf-links__link" href="([^"]+)"[^>]*>([^<]+)<', tier)
    assert links == [
        ("../../../pdf/topics/bones.pdf", "this topic, every reading level"),
        ("../../../pdf/tiers/intermediate.pdf", "every topic at Intermediate level"),
    ]
    landing = built.html("topics/bones/index.html")
    hrefs = re.findall(r'class="tiered-pdf-links__link" href="([^"]+)"', landing)
    assert hrefs == ["../../pdf/topics/bones.pdf", "../../pdf/library.pdf"]
    for page, href in [("topics/bones/intermediate", h) for h, _ in links] + [
        ("topics/bones", h) for h in hrefs
    ]:
        assert (built.site / page / href).resolve().is_file()
    assert "tiered-pdf-links" not in built.html("index.html")


def test_library_in_parts_matches_one_piece(built: BuildResult, tmp_path: Path) -> None:
    """With two workers the library is rendered in parts and joined: same book."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1772668800")
        parts = build(tmp_path, bones_docs(), pdf={"workers": 2, "topics": False, "tiers": False})
    joined, whole = parts.site / "pdf/library.pdf", _pdf(built, "library.pdf")
    assert sorted(p.name for p in (parts.site / "pdf").iterdir()) == ["library.pdf"]
    assert page_count(joined) == page_count(whole)
    assert outline(joined) == outline(whole)
    # Word for word the same: contents' page numbers, running headers, page numbers.
    assert pdftotext(joined) == pdftotext(whole)
    text = pdftotext(joined, "-layout")
    for n in range(2, page_count(joined) + 1):  # the numbers drawn over the joined pages
        assert re.search(rf"\n *{n} ?/ ?{page_count(joined)}\n", text), n
    reader = PdfReader(joined)
    catalog_names = reader.root_object["/Names"].get_object()
    assert isinstance(catalog_names, DictionaryObject)
    names = catalog_names["/Dests"].get_object()["/Names"]  # type: ignore[index]
    defined = {str(names[i]) for i in range(0, len(names), 2)}
    links = [
        str(annotation.get_object()["/Dest"])
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/Dest" in annotation.get_object()
    ]
    assert links
    assert set(links) <= defined  # every link inside the PDF lands
    # One structure tree with every part's elements: the same as the book in one piece.
    # (Links and spans differ: the contents' numbers are text in the joined book.)
    kinds = ["/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Figure"]
    tags, reference_tags = structure(joined), structure(whole)
    assert [tags[k] for k in kinds] == [reference_tags[k] for k in kinds]
    assert (tags["/H1"], tags["/Figure"], tags["/Table"]) == (4, 1, 1)  # cover, 2 parts, glossary
    assert all(font["emb"] == "yes" for font in pdffonts(joined))
