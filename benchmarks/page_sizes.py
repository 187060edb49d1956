"""The HTML bytes of the generated pages of a library (issue 13: at most 500 KB each).

Builds ``tests.library_site``'s library with sources (each topic cites eight, so about
``8 * topics / sources`` topics cite each source) with the ``mkdocs`` theme, then prints
the largest pages, the references pages and the reading-levels report::

    .venv/bin/python -m benchmarks.page_sizes --topics 1000 --sources 1000
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.conftest import SiteFactory
from tests.library_site import bibliography, levels_options, library

LIMIT = 500_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=1000)
    parser.add_argument("--sources", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = SiteFactory(Path(folder)).build(
            library(args.topics, sources=args.sources),
            theme="mkdocs",
            levels=levels_options(),
            citations={},
            readability={},
            bib={"refs.bib": bibliography(args.sources)},
        )
        site = result.site
        sizes = sorted(
            ((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")),
            reverse=True,
        )
        print(f"{args.topics} topics, {args.sources} sources: {len(sizes)} HTML pages")
        for size, path in sizes[:5]:
            print(f"  {size:>9,} B  {path}")
        for prefix in ("references/", "about/reading-levels/"):
            group = [(size, path) for size, path in sizes if path.startswith(prefix)]
            total = sum(size for size, _ in group)
            print(f"{prefix}: {len(group)} pages, largest {group[0][0]:,} B, together {total:,} B")
        over = [path for size, path in sizes if size > LIMIT]
        print(f"pages over {LIMIT:,} B: {over or 'none'}")


if __name__ == "__main__":
    main()
