"""Join PDFs that WeasyPrint wrote in parts into one tagged PDF (with pikepdf).

A long document (the library) is rendered in parts side by side; this joins them: the
pages in order, one structure tree (each part's elements under the first part's
``/Document``, its parent-tree keys shifted), the bookmarks, the named destinations the
links use (each name from the part that really holds it), and the page numbers, drawn
from a document of empty numbered pages and marked as artifacts. The first part gives
the catalogue: language, XMP metadata, viewer preferences, document information.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf


def _pairs(array: Any) -> Iterator[tuple[Any, Any]]:
    items = list(array)
    for i in range(0, len(items) - 1, 2):
        yield items[i], items[i + 1]


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _document_element(pdf: pikepdf.Pdf) -> Any:
    top = _kids(pdf.Root.StructTreeRoot)
    return top[0]


def _copy(out: pikepdf.Pdf, value: Any) -> Any:
    """``value`` from another PDF, as an object of ``out`` (direct containers rebuilt)."""
    if not isinstance(value, pikepdf.Object):
        return value
    if value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([_copy(out, item) for item in value])
    if isinstance(value, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(out, item) for key, item in value.items()})
    return value


def _copy_outline(out: pikepdf.Pdf, item: Any) -> pikepdf.OutlineItem:
    copied = pikepdf.OutlineItem(str(item.title), destination=_copy(out, item.destination))
    copied.children.extend(_copy_outline(out, child) for child in item.children)
    return copied


def merge(parts: list[Path], owned: list[set[str]], numbers: Path | None, target: Path) -> None:
    """Write ``parts`` as one PDF at ``target``.

    Args:
        parts: The parts' PDFs, in reading order; the first gives the catalogue.
        owned: For each part, the anchor names its real content holds (links in other
            parts point at placeholders of the same names, which are dropped).
        numbers: A PDF with as many pages, whose only content is each page's number.
        target: Where to write the joined PDF.
    """
    joined = _Joined(parts[0], owned[0])
    try:
        for path, names in zip(parts[1:], owned[1:], strict=True):
            joined.add(path, names)
        joined.save(numbers, target)
    finally:
        joined.close()


class _Joined:
    """The PDF being joined, and what is gathered from each part until it is saved."""

    def __init__(self, first: Path, owned: set[str]) -> None:
        self.out = pikepdf.open(first)
        self.opened: list[pikepdf.Pdf] = []  # open until saved: objects are copied lazily
        document = _document_element(self.out)
        document.K = pikepdf.Array(_kids(document))
        self.document = document
        tree = self.out.Root.StructTreeRoot
        self.nums = [(int(key), value) for key, value in _pairs(tree.ParentTree.Nums)]
        self.next_key = max((key for key, _ in self.nums), default=-1) + 1
        self.dests = dict(self._dests(self.out, owned, copy=False))
        with self.out.open_outline() as own:
            self.outline: list[pikepdf.OutlineItem] = list(own.root)

    def _dests(self, pdf: pikepdf.Pdf, owned: set[str], *, copy: bool) -> Iterator[tuple[str, Any]]:
        if "/Names" not in pdf.Root or "/Dests" not in pdf.Root.Names:
            return
        for name, dest in _pairs(pdf.Root.Names.Dests.Names):
            if str(name) in owned:
                yield str(name), _copy(self.out, dest) if copy else dest

    def add(self, path: Path, owned: set[str]) -> None:
        """Append one part: pages, structure, destinations, bookmarks."""
        source = pikepdf.open(path)
        self.opened.append(source)
        start = len(self.out.pages)
        # Named destinations are joined below, by name: pages.extend is what is wanted.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            self.out.pages.extend(source.pages)
        offset = self.next_key
        for page in self.out.pages[start:]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annotation in page.obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + offset
        for key, value in _pairs(source.Root.StructTreeRoot.ParentTree.Nums):
            self.nums.append((int(key) + offset, _copy(self.out, value)))
            self.next_key = max(self.next_key, int(key) + offset + 1)
        for kid in _kids(_document_element(source)):
            copied = _copy(self.out, kid)
            copied.P = self.document
            self.document.K.append(copied)
        self.dests.update(self._dests(source, owned, copy=True))
        with source.open_outline() as theirs:
            self.outline.extend(_copy_outline(self.out, item) for item in theirs.root)

    def save(self, numbers: Path | None, target: Path) -> None:
        """Write the parent tree, destinations, bookmarks and page numbers; save."""
        out = self.out
        tree = out.Root.StructTreeRoot
        flat: list[Any] = []
        for key, value in sorted(self.nums, key=lambda pair: pair[0]):
            flat += [key, value]
        tree.ParentTree = out.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(flat)))
        tree.ParentTreeNextKey = self.next_key
        if self.dests:
            names: list[Any] = []
            for name in sorted(self.dests):
                names += [pikepdf.String(name), self.dests[name]]
            if "/Names" not in out.Root:
                out.Root.Names = pikepdf.Dictionary()
            out.Root.Names.Dests = out.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array(names)))
        with out.open_outline() as merged:
            merged.root.clear()
            merged.root.extend(self.outline)
        if numbers is not None:
            self.opened.append(_stamp(out, numbers))
        out.save(target)

    def close(self) -> None:
        """Close the output and every part."""
        for pdf in self.opened:
            pdf.close()
        self.out.close()


def _stamp(out: pikepdf.Pdf, numbers: Path) -> pikepdf.Pdf:
    """Draw each page of ``numbers`` over the same page of ``out``, as an artifact.

    Returns the numbers PDF, which must stay open until ``out`` is saved.
    """
    stamps = pikepdf.open(numbers)
    for page, stamp in zip(out.pages, stamps.pages, strict=True):
        form = _copy(out, stamp.as_form_xobject())
        name = page.add_resource(form, pikepdf.Name.XObject, prefix="TieredNumber")
        # WeasyPrint leaves its flipped coordinates in force: restore the page's own first.
        page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
        page.contents_add(
            pikepdf.Stream(out, b"Q\n/Artifact BMC q " + bytes(name.unparse()) + b" Do Q EMC\n"),
            prepend=False,
        )
    return stamps
