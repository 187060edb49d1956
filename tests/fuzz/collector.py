"""What a fuzz run tried and found, across properties; printed and written at the end."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Collector:
    """Counts of one pytest session (module-level: the properties add to it as they run).

    Attributes:
        tried: Inputs tried, by property.
        exceptions: Inputs whose build let an unexpected exception (or a traceback) escape.
        injections: Inputs whose output had live HTML made from a data file.
        outside: Inputs whose build wrote, changed or removed a file outside ``site/``.
        timings: ``(input size, seconds)`` of every build example, for the size slope.
        slopes: Fitted log-log slopes of the linearity checks, by family.
    """

    tried: Counter[str] = field(default_factory=Counter)
    exceptions: int = 0
    injections: int = 0
    outside: int = 0
    timings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    slopes: dict[str, float] = field(default_factory=dict)

    def time(self, prop: str, size: int, seconds: float) -> None:
        self.timings.setdefault(prop, []).append((size, seconds))

    def size_slopes(self) -> dict[str, float]:
        """Per property: the slope of log(time) over log(size) across its examples."""
        return {
            prop: slope(points)
            for prop, points in self.timings.items()
            if len({size for size, _t in points}) >= 3
        }

    def summary(self) -> str:
        tried = sum(self.tried.values())
        parts = ", ".join(f"{name} {count}" for name, count in sorted(self.tried.items()))
        lines = [
            f"fuzz: inputs tried {tried} ({parts}); exceptions {self.exceptions}; "
            f"injections {self.injections}; files outside site/ {self.outside}",
        ]
        if self.slopes:
            shown = ", ".join(f"{k} {v:.2f}" for k, v in sorted(self.slopes.items()))
            lines.append(f"fuzz: linearity slopes (log time / log size, limit 1.3): {shown}")
        size = self.size_slopes()
        if size:
            shown = ", ".join(f"{k} {v:.2f}" for k, v in sorted(size.items()))
            lines.append(f"fuzz: per-example time over input size, fitted slope: {shown}")
        return "\n".join(lines)


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of ``log(seconds)`` over ``log(size)``: 1.0 linear, 2.0 quadratic."""
    xs = [math.log(max(size, 1)) for size, _t in points]
    ys = [math.log(max(seconds, 1e-6)) for _s, seconds in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    if var == 0:
        return 0.0
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var


COLLECTOR = Collector()
