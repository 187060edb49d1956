"""Generated plurals of glossary forms: the rules (golden list) and how the glossary uses them."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from tiered.cli import main
from tiered.glossary.inflect import inflections
from tiered.glossary.markdown import GlossaryExtension, PageContext
from tiered.glossary.model import load_glossary

from tests.conftest import SiteFactory

GOLDEN = Path(__file__).parent / "fixtures" / "inflections.tsv"

GLOSSARY = """\
terms:
  - term: airway
    short: A breathing tube.
  - term: artery
    aliases: [arterial vessel]
    short: A vessel.
  - term: biopsy
    short: A sample.
    inflect: false
  - term: DXA
    short: A scan.
  - term: status
    short: A state.
  - term: sinus
    aliases: [sinuses]
    short: A cavity.
  - term: diagnosis
    short: Naming the disease.
  - term: diagnose
    short: To name the disease.
"""


def test_rules_golden(update_golden: bool) -> None:
    """Each form and what the rules add ('' after the tab: nothing, on purpose)."""
    forms = [line.split("\t")[0] for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    table = "".join(f"{form}\t{', '.join(inflections(form))}\n" for form in forms)
    if update_golden:
        GOLDEN.write_text(table, encoding="utf-8")
    assert table == GOLDEN.read_text(encoding="utf-8")


def test_generated_once_at_load_explicit_forms_win() -> None:
    glossary = load_glossary(GLOSSARY, "g.yml")
    assert glossary.diagnostics == []
    generated = {t.term: t.inflected for t in glossary.terms}
    assert generated == {
        "airway": ("airways",),
        "artery": ("arteries", "arterial vessels"),
        "biopsy": (),  # inflect: false
        "DXA": (),  # an acronym
        "status": (),  # not counted
        "sinus": (),  # "sinuses" is its explicit alias already
        "diagnosis": ("diagnoses",),
        "diagnose": (),  # "diagnoses" is taken by diagnosis, first in the file
    }
    # Generated forms are matched, not listed as aliases ("Also:" on the glossary page).
    assert glossary.by_name()["airway"].aliases == ()
    assert glossary.by_name()["airway"].matched_forms == ("airway", "airways")


def test_switched_off_for_the_whole_glossary() -> None:
    glossary = load_glossary(GLOSSARY, "g.yml", inflect=False)
    assert [t.inflected for t in glossary.terms] == [()] * 8


def test_plurals_are_linked_in_text() -> None:
    extension = GlossaryExtension(load_glossary(GLOSSARY, "g.yml"), "all")
    extension.start_page(PageContext(glossary_href="g/"))
    html = markdown.Markdown(extensions=[extension]).convert(
        "Airways and arteries; two biopsies, DXAs, statuses and sinuses. Diagnoses."
    )
    assert re.findall(r'href="g/#([^"]+)"[^>]*>([^<]+)</a>', html) == [
        ("airway", "Airways"),
        ("artery", "arteries"),
        ("sinus", "sinuses"),
        ("diagnosis", "Diagnoses"),
    ]


def test_a_term_used_only_in_the_plural_counts_as_used(site: SiteFactory) -> None:
    glossary = "terms:\n  - term: airway\n    short: A breathing tube.\n"
    docs = {"index.md": "# Home\n\nThe airways narrow.\n", "glossary.yml": glossary}
    result = site.build(docs, glossary={}, levels={"enabled": False})
    assert result.warnings == []
    assert '<a class="tiered-glossary-term" href="glossary/#airway"' in result.html("index.html")
    off = site.build(docs, glossary={"inflect": False}, levels={"enabled": False})
    assert off.warnings == [
        "tiered: docs/glossary.yml:2: glossary term 'airway' is not used on any page"
    ]


def test_glossary_check_verbose_lists_generated_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    page = "# Home\n\nAirway, artery, arterial vessel, biopsy, DXA, status, sinus, diagnosis, "
    (tmp_path / "docs/index.md").write_text(page + "diagnose.\n", encoding="utf-8")
    (tmp_path / "docs/glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump({"site_name": "T", "plugins": ["tiered/glossary"]}), encoding="utf-8"
    )
    assert main(["glossary", "check", "--verbose", "-f", str(config)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "docs/glossary.yml:2: airway: also matches airways",
        "docs/glossary.yml:4: artery: also matches arteries, arterial vessels",
        "docs/glossary.yml:7: biopsy: no generated forms (inflect: false)",
        "docs/glossary.yml:17: diagnosis: also matches diagnoses",
    ]
    assert err == "0 problems found\n"
