"""What a serve keeps across rebuilds is not walked again by the garbage collector.

Python's cyclic collector walks every object of its oldest generation whenever enough
new ones have outlived the younger ones. After the first build of a 1,000-topic library
that generation holds what is kept for the rebuilds (every page's records in each
plugin, the glossary and bibliography models, the compiled templates, the search
entries): a rebuild after one save spent 0.3 to 0.6 s in collections walking it again.
``gc.freeze()`` moves every object alive into a generation the collector leaves alone;
done once the first build's garbage is collected (``on_serve``), before the first save.

A frozen object is still freed when its last reference goes (most of what a rebuild
replaces: records are plain data); only a reference cycle among frozen objects that
becomes garbage later stays, which is what the first build left for the second to
replace, once.
"""

from __future__ import annotations

import gc


def freeze() -> None:
    """Collect the garbage there is, then leave what is alive out of later collections."""
    gc.collect()
    gc.freeze()


def unfreeze() -> None:
    """Let the collector see the frozen objects again (the serve is over)."""
    gc.unfreeze()
