"""Do tiered's runtime dependencies allow distributing tiered under the MIT License?

Run by ``make licences`` (part of ``make test``) in the environment to check::

    python -m tools.licence_check [--pyproject pyproject.toml] [--allow licenses-allow.toml]

It walks the requirement tree from ``[project].dependencies`` in ``pyproject.toml`` through
the installed distributions (markers evaluated, extras followed; dev tools are not runtime
dependencies and are not walked), asks ``pip-licenses`` for each one's licence, prints the
list and exits 1 when one is refused.

The policy (README, "Licences"):

- refused: the GPL family (GPL, LGPL, AGPL) and the other licences whose terms reach the
  work that uses the package (SSPL, EUPL, OSL, RPL, Sleepycat, ShareAlike); LGPL too: a
  plain import is fine, but its terms on combined works bind whoever bundles tiered into
  an application, so each use is reviewed and written down;
- refused: no licence found, since an unread licence is not a checked one;
- accepted: permissive licences, and file-level copyleft (MPL, EPL, CDDL), whose terms
  cover only the package's own files, which we use unchanged;
- an SPDX ``A OR B`` is accepted when one side is; several classifiers say nothing about
  "and" or "or", so each must be accepted;
- a refused package passes when ``licenses-allow.toml`` names it with the licence reported
  and the reason; an entry that no longer matches a refused dependency fails the check, so
  the list stays true.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # pip-licenses brings tomli on 3.10
    import tomli as tomllib  # type: ignore[import-not-found]

ROOT = Path(__file__).parent.parent
# Licences whose terms reach the work that uses the package. Literal alternatives only.
_COPYLEFT = re.compile(
    r"\b[AL]?GPL|General Public License|\bSSPL|Server Side Public|\bEUPL|European Union Public"
    r"|\bOSL-|Open Software License|\bRPL-|Reciprocal Public|Sleepycat|\bCC-BY-SA|ShareAlike",
    re.IGNORECASE,
)
_UNKNOWN = "UNKNOWN"


@dataclass(frozen=True)
class Dependency:
    """A runtime dependency as pip-licenses reports it."""

    name: str
    version: str
    licence: str

    @property
    def refused(self) -> str | None:
        """Why the licence is refused by the policy, or None if it is accepted."""
        if not self.licence.strip() or self.licence == _UNKNOWN:
            return "no licence found in its metadata"
        if " OR " in self.licence and not re.search(r"[();]| AND ", self.licence):
            alternatives = self.licence.split(" OR ")
            if any(not _COPYLEFT.search(alternative) for alternative in alternatives):
                return None
        if _COPYLEFT.search(self.licence):
            return "copyleft"
        return None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file (pyproject.toml, the allow-list, vendored.toml)."""
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    return data


def runtime_requirements(pyproject: Path) -> list[Requirement]:
    """``[project].dependencies`` of ``pyproject``."""
    project = read_toml(pyproject)["project"]
    return [Requirement(spec) for spec in project.get("dependencies", [])]


def _applies(requirement: Requirement, extras: Iterable[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in (*extras, ""))


def walk(roots: Iterable[Requirement]) -> Iterator[metadata.Distribution]:
    """Every installed distribution the requirements need, each once, roots first.

    Raises:
        SystemExit: A required distribution is not installed (the list would be incomplete).
    """
    seen: set[str] = set()
    queue: list[tuple[Requirement, tuple[str, ...]]] = [(r, ()) for r in roots]
    while queue:
        requirement, parent_extras = queue.pop(0)
        if not _applies(requirement, parent_extras):
            continue
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise SystemExit(
                f"licence check: {requirement.name} is a runtime dependency but is not installed"
                f" in {sys.prefix}; run `make install` first"
            ) from None
        yield dist
        extras = tuple(sorted(requirement.extras))
        queue += [(Requirement(spec), extras) for spec in dist.requires or ()]


def licences(names: list[str]) -> list[Dependency]:
    """What pip-licenses reports for the installed distributions ``names``."""
    # --with-system: pip-licenses would skip its own dependencies, and those of pip, even
    # when they are ours too (--packages limits the list to ours).
    tool = [sys.executable, "-m", "piplicenses", "--format=json", "--from=mixed", "--with-system"]
    run = subprocess.run(
        [*tool, "--packages", *names],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        raise SystemExit(f"licence check: pip-licenses failed:\n{run.stderr}")
    rows: list[dict[str, Any]] = json.loads(run.stdout)
    found = [Dependency(row["Name"], row["Version"], row["License"]) for row in rows]
    missing = set(names) - {canonicalize_name(d.name) for d in found}
    if missing:
        raise SystemExit(f"licence check: pip-licenses did not report {', '.join(sorted(missing))}")
    return found


def allowed(path: Path) -> dict[str, dict[str, str]]:
    """The allow-list: canonical name -> its ``licence`` and ``why``."""
    if not path.is_file():
        return {}
    entries = read_toml(path)
    table: dict[str, dict[str, str]] = {}
    for name, entry in entries.items():
        if not (isinstance(entry, dict) and {"licence", "why"} <= entry.keys()):
            raise SystemExit(f'licence check: {path.name}: [{name}] needs licence = "..." and why')
        table[canonicalize_name(name)] = entry
    return table


def check(dependencies: list[Dependency], allow: dict[str, dict[str, str]]) -> list[str]:
    """The problems: refused dependencies not allowed, and allow-list entries out of date."""
    problems = []
    used = set()
    for dep in dependencies:
        why = dep.refused
        if why is None:
            continue
        entry = allow.get(canonicalize_name(dep.name))
        if entry is not None and entry["licence"] == dep.licence:
            used.add(canonicalize_name(dep.name))
            continue
        problems.append(
            f"{dep.name} {dep.version}: {dep.licence!r} is refused ({why}). Replace the"
            " dependency, or if its use fits distributing tiered under MIT, add it to"
            f' licenses-allow.toml: [{dep.name}] licence = "{dep.licence}", why = "..."'
        )
    problems += [
        f"licenses-allow.toml: [{name}] matches no refused runtime dependency with licence"
        f" {entry['licence']!r}; remove it or correct the licence"
        for name, entry in sorted(allow.items())
        if name not in used
    ]
    return problems


def _verdict(dep: Dependency, allow: dict[str, dict[str, str]]) -> str:
    if dep.refused is None:
        return "ok"
    entry = allow.get(canonicalize_name(dep.name))
    if entry is not None and entry["licence"] == dep.licence:
        return f"allowed: {entry['why']}"
    return f"REFUSED: {dep.refused}"


def main(argv: list[str] | None = None) -> int:
    """List the runtime dependencies' licences; 1 if one is refused and not allowed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    parser.add_argument("--allow", type=Path, default=ROOT / "licenses-allow.toml")
    args = parser.parse_args(argv)
    requirements = runtime_requirements(args.pyproject)
    dependencies = licences([canonicalize_name(d.metadata["Name"]) for d in walk(requirements)])
    allow = allowed(args.allow)
    width = max(len(f"{d.name} {d.version}") for d in dependencies)
    for dep in sorted(dependencies, key=lambda d: canonicalize_name(d.name)):
        print(f"{dep.name + ' ' + dep.version:<{width}}  {dep.licence}  [{_verdict(dep, allow)}]")
    problems = check(dependencies, allow)
    for problem in problems:
        print(f"licence check: {problem}", file=sys.stderr)
    print(f"{len(dependencies)} runtime dependencies, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
