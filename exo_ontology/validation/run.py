"""Run every check on a graph and collect one report (what `exo validate` and `exo build` call)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.paths import Paths
from exo_ontology.release.files import guess_format
from exo_ontology.validation.reasoner import run_reasoner
from exo_ontology.validation.report import Report
from exo_ontology.validation.shacl import load_shapes, run_shacl
from exo_ontology.validation.sparql_checks import run_checks, violation_queries


def to_store(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding the graph (fast SPARQL for the QC queries)."""
    return store_from_ntriples(graph.serialize(format="nt", encoding="utf-8"))


def store_from_ntriples(ntriples: bytes) -> ox.Store:
    """An in-memory Oxigraph store loaded from N-Triples bytes."""
    store = ox.Store()
    store.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return store


def validate_graph(graph: Graph, paths: Paths, reasoner: bool = True) -> Report:
    """SHACL shapes, SPARQL QC queries and (optionally) HermiT on one graph."""
    report = Report()
    report.extend("shacl", run_shacl(graph, load_shapes(paths.shapes_dir)))
    report.extend("sparql", run_checks(to_store(graph), violation_queries(paths.sparql_dir)))
    if reasoner:
        report.extend("hermit", run_reasoner(graph))
    return report


def load_graph(path: Path) -> Graph:
    """Parse any RDF file (format from its extension); named graphs are merged."""
    if not path.is_file():
        raise MissingInputError(f"{path}: no such file (run `exo build` first?)")
    fmt = guess_format(path)
    try:
        if fmt in ("trig", "nquads"):
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            merged = Graph()
            for quad in dataset.quads():
                merged.add(quad[:3])
            return merged
        graph = Graph()
        graph.parse(path, format=fmt)
        return graph
    except Exception as err:  # parsers raise many types; the user needs file + reason
        raise InputError(f"{path}: cannot be parsed as {fmt} ({err})") from err


def validate_path(path: Path, paths: Paths, reasoner: bool = True) -> Report:
    """Validate an RDF file, e.g. build/exoc.ttl or an edited copy of the ontology."""
    return validate_graph(load_graph(path), paths, reasoner=reasoner)
