"""The engines the query benchmark compares, each a command line over one release (registry: ENGINES).

Every engine reads the same release (exoc.nt as the default graph, exoc.trig's per-document named graphs)
and the same query text (the named query with its example bindings appended by `named.bind`).
`prepare` is the untimed set-up an engine is entitled to: Oxigraph loads its store once, Jena fixes its
class path once, and `exo query` runs once so that a build-written on-disk store (`build/store/`) is made
and the page cache is warm for everyone.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Target:
    """A release under test: a label, the project-like root whose build/ holds it, a scratch directory."""

    label: str
    root: Path
    work: Path

    @property
    def nt(self) -> Path:
        return self.root / "build" / "exoc.nt"

    @property
    def trig(self) -> Path:
        return self.root / "build" / "exoc.trig"


class Engine(Protocol):
    @property
    def name(self) -> str: ...

    def prepare(self, target: Target) -> str:
        """Set up (untimed); returns a note for the results (how the engine reads the release)."""
        ...

    def command(self, target: Target, query: Path) -> list[str]:
        ...


def _tool(name: str) -> str:
    found = VENV_BIN / name
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name}: not found next to {sys.executable} nor on PATH")
    return path


@dataclass(frozen=True)
class ExoQuery:
    name: str = "exo query"

    def command(self, target: Target, query: Path) -> list[str]:
        return [_tool("exo"), "query", "--root", str(target.root), "--format", "tsv", "-f", str(query)]

    def prepare(self, target: Target) -> str:
        warm = subprocess.run([_tool("exo"), "query", "--root", str(target.root), "--format", "tsv",
                               "SELECT * WHERE { ?s ?p ?o } LIMIT 1"], capture_output=True, text=True, check=False)
        if warm.returncode != 0:
            raise SystemExit(f"exo query on {target.root}: {warm.stderr.strip()}")
        if (target.root / "build" / "store").is_dir():
            return "opens the on-disk store build/store/ read-only"
        return "parses exoc.nt + exoc.trig into an in-memory store on every run"


@dataclass(frozen=True)
class Oxigraph:
    name: str = "oxigraph query"

    def location(self, target: Target) -> Path:
        return target.work / "oxigraph"

    def prepare(self, target: Target) -> str:
        shutil.rmtree(self.location(target), ignore_errors=True)
        loaded = subprocess.run([_tool("oxigraph"), "load", "--location", str(self.location(target)),
                                 "--file", str(target.nt), str(target.trig)],
                                capture_output=True, text=True, check=False)
        if loaded.returncode != 0:
            raise SystemExit(f"oxigraph load: {loaded.stderr.strip()}")
        return "`oxigraph load` once (untimed), then `oxigraph query --location` per query"

    def command(self, target: Target, query: Path) -> list[str]:
        return [_tool("oxigraph"), "query", "--location", str(self.location(target)),
                "--query-file", str(query), "--results-format", "tsv"]


@functools.cache
def _jena_classpath(cache: Path) -> str:
    sys.path.insert(0, str(ROOT))
    from tests.jena import classpath  # Debian's jars need the packaging fix that module applies

    return classpath(cache)


@dataclass(frozen=True)
class Jena:
    name: str = "jena sparql --data"

    def prepare(self, target: Target) -> str:
        return "`java -cp … arq.sparql --data exoc.nt --data exoc.trig` parses the release on every run"

    def command(self, target: Target, query: Path) -> list[str]:
        classpath = _jena_classpath(target.work.parent / "jena-classpath")
        return ["java", "-cp", classpath, "arq.sparql", "--data", str(target.nt), "--data", str(target.trig),
                "--query", str(query), "--results", "tsv"]


@dataclass(frozen=True)
class Rdflib:
    name: str = "rdflib"

    def prepare(self, target: Target) -> str:
        return "a Python process parses the release into an rdflib Dataset and queries it"

    def command(self, target: Target, query: Path, *more: Path, limit: int = 0) -> list[str]:
        return [sys.executable, str(ROOT / "bench" / "rdflib_query.py"), "--limit", str(limit),
                str(target.nt), str(target.trig), str(query), *map(str, more)]


ENGINES: dict[str, Engine] = {e.name: e for e in (ExoQuery(), Oxigraph(), Jena(), Rdflib())}
