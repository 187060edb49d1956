"""Read PDFs the way readers' tools do: poppler-utils (Debian) and pypdf."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


def pdftotext(pdf: Path, *extra: str) -> str:
    """The PDF's text in reading order (``pdftotext``)."""
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    return run.stdout


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    """Each font of the PDF: name, whether embedded (``pdffonts``)."""
    run = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = []
    for line in run.stdout.splitlines()[2:]:
        columns = line.split()
        # name type... encoding emb sub uni object ID: read from the right.
        fonts.append({"name": columns[0], "emb": columns[-5], "sub": columns[-4]})
    return fonts


def outline(pdf: Path) -> list[Any]:
    """The bookmarks as nested ``(title, [children])`` lists."""
    reader = PdfReader(pdf)

    def walk(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            if isinstance(item, list):
                out[-1] = (out[-1][0], walk(item))
            else:
                out.append((str(item.title), []))
        return out

    return walk(reader.outline)


def page_count(pdf: Path) -> int:
    """How many pages."""
    return len(PdfReader(pdf).pages)


def structure(pdf: Path) -> Counter[str]:
    """How many structure elements of each type (``/H1``, ``/P``, ...) the tagged PDF has."""
    reader = PdfReader(pdf)
    counts: Counter[str] = Counter()
    seen: set[int] = set()

    def walk(node: Any) -> None:
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                return
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            if "/S" in node:
                counts[str(node["/S"])] += 1
            kids = node.get("/K")
            for kid in kids if isinstance(kids, ArrayObject) else [kids]:
                walk(kid)

    walk(reader.root_object.raw_get("/StructTreeRoot"))
    return counts
