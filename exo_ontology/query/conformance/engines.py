"""The two ways a test is run: through `exo query` in a subprocess (the judged path), or by the embedded
engine called in-process (the same store, loading and serialisation; fast, for developing the runner).

Both answer an `Answer`: the exit status and the bytes printed in the format the test's result is given in.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from exo_ontology.errors import InputError
from exo_ontology.query.conformance.manifest import W3CTest
from exo_ontology.query.engine import uses_service

EXIT_OK = 0
EXIT_UNUSABLE = 2
EXIT_FAILED = 1
TIMEOUT_S = 120
EMPTY_DATA = Path(__file__).with_name("empty.ttl")

_DATA_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".rdf": ox.RdfFormat.RDF_XML}
_RESULT_FORMATS = {"xml": ox.QueryResultsFormat.XML, "json": ox.QueryResultsFormat.JSON,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


@dataclass(frozen=True)
class Answer:
    exit_code: int
    output: bytes
    error: str = ""


class Engine(Protocol):
    @property
    def name(self) -> str:
        """How the report names the engine."""
        ...

    def run(self, test: W3CTest, fmt: str) -> Answer:
        """Evaluate the test's query over its dataset; print the result in `fmt` (a `--format` name)."""
        ...


def cli_arguments(test: W3CTest, fmt: str) -> list[str]:
    """The `exo query` arguments of a test: default-graph files, named graphs (IRI=FILE), query file, format.

    Relative IRIs of the query and of each data file resolve against that file's own `file:` IRI. A test
    without default-graph data gets an empty file, else `exo query` would answer over the release.
    """
    args = ["query", "--file", str(test.query), "--format", fmt]
    for path in test.data or (EMPTY_DATA,):
        args += ["--data", str(path)]
    for graph, path in test.graph_data:
        args += ["--named-graph", f"{graph}={path}"]
    return args


@dataclass(frozen=True)
class CliEngine:
    """`exo query` in a subprocess: what users run, so what the suite judges."""

    exo: Path = field(default_factory=lambda: Path(sys.executable).with_name("exo"))
    name: str = "exo query"

    def run(self, test: W3CTest, fmt: str) -> Answer:
        try:
            done = subprocess.run([str(self.exo), *cli_arguments(test, fmt)], capture_output=True,
                                  timeout=TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return Answer(-1, b"", f"timed out after {TIMEOUT_S} s")
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return Answer(done.returncode, done.stdout, lines[-1] if lines else "")


def _first_line(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def _load(store: ox.Store, path: Path, graph: ox.NamedNode | None) -> None:
    fmt = _DATA_FORMATS.get(path.suffix)
    if fmt is None:
        raise InputError(f"{path}: unknown RDF extension")
    store.load(path=str(path), format=fmt, base_iri=path.resolve().as_uri(), to_graph=graph)


@dataclass(frozen=True)
class LibraryEngine:
    """pyoxigraph in-process, with the contract of `exo query` (exit 2 on a bad query, SERVICE refused)."""

    name: str = "pyoxigraph (in-process)"

    def run(self, test: W3CTest, fmt: str) -> Answer:
        text = test.query.read_text(encoding="utf-8")
        if uses_service(text):
            return Answer(EXIT_UNUSABLE, b"", "SERVICE refused")
        store = ox.Store()
        try:
            for path in test.data:
                _load(store, path, None)
            for graph, path in test.graph_data:
                _load(store, path, ox.NamedNode(graph))
            result = store.query(text, base_iri=test.query.resolve().as_uri())
            if isinstance(result, ox.QueryTriples):
                output = result.serialize(format=_GRAPH_FORMATS[fmt]) if fmt in _GRAPH_FORMATS else None
            else:
                output = result.serialize(format=_RESULT_FORMATS[fmt]) if fmt in _RESULT_FORMATS else None
        except (SyntaxError, OSError, ValueError, InputError) as err:
            return Answer(EXIT_UNUSABLE, b"", _first_line(err))
        except RuntimeError as err:  # pyoxigraph's evaluation errors (an unsupported function, ...)
            return Answer(EXIT_FAILED, b"", _first_line(err))
        if output is None:
            return Answer(EXIT_UNUSABLE, b"", f"--format {fmt} does not fit this query form")
        return Answer(EXIT_OK, output)


#: engines by name, each made from the `exo` executable to use (None: the one beside this Python)
ENGINES: dict[str, Callable[[Path | None], Engine]] = {
    "cli": lambda exo: CliEngine(exo) if exo else CliEngine(),
    "library": lambda _exo: LibraryEngine(),
}
