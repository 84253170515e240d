"""Run every check on a graph and collect one report (what `exo validate` and `exo build` call)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from exo_ontology.paths import Paths
from exo_ontology.progress import SILENT, Steps
from exo_ontology.validation.loading import load_closure, load_graph
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


def validate_graph(graph: Graph, paths: Paths, reasoner: bool = True, release: bool = True,
                   steps: Steps = SILENT, tbox: Graph | None = None) -> Report:
    """SHACL shapes, SPARQL QC queries and (optionally) HermiT on one graph; `release` false for an
    ontology that imports EXOC (its findings need not be named in EXOC's namespace). With `tbox`,
    HermiT classifies that graph only: a build's findings are instance data the shapes check, and
    reasoning over them grows with the corpus."""
    report = Report()
    with steps.step("SHACL shapes"):
        report.extend("shacl", run_shacl(graph, load_shapes(paths.shapes_dir, release=release)))
    with steps.step("QC queries"):
        report.extend("sparql", run_checks(to_store(graph), violation_queries(paths.sparql_dir)))
    if reasoner:
        with steps.step("HermiT"):
            report.extend("hermit", run_reasoner(graph if tbox is None else tbox))
    return report


def validate_release(tbox: Graph, sorted_quads: Path, store: ox.Store, paths: Paths, reasoner: bool = True,
                     steps: Steps = SILENT, workers: int = 1) -> Report:
    """The build's checks without a whole-graph copy: SHACL by document shard (validation.shards), the QC
    queries on the release's store, HermiT on the TBox."""
    from exo_ontology.validation.shard_cache import ShardCache
    from exo_ontology.validation.shards import run_shacl_sharded

    report = Report()
    # the rows of shards checked by an earlier build of the project are reused (validation.shard_cache)
    cache = ShardCache.open(paths.root / "build.cache" / "shacl", paths.shapes_dir)
    with steps.step("SHACL shapes (by shards of documents)"):
        report.extend("shacl", run_shacl_sharded(tbox, sorted_quads, paths.shapes_dir, workers=workers,
                                                 cache=cache))
    with steps.step("QC queries"):
        report.extend("sparql", run_checks(store, violation_queries(paths.sparql_dir)))
    if reasoner:
        with steps.step("HermiT"):
            report.extend("hermit", run_reasoner(tbox))
    return report


def validate_path(path: Path, paths: Paths, reasoner: bool = True, catalog: Path | None = None,
                  steps: Steps = SILENT) -> Report:
    """Validate an RDF file, e.g. build/exoc.ttl or an edited copy of the ontology; with a catalog,
    the file together with everything it imports (an ontology that imports EXOC)."""
    with steps.step(f"reading {path.name}" + (" and its imports" if catalog else "")):
        graph = load_closure(path, catalog).graph if catalog else load_graph(path)
    return validate_graph(graph, paths, reasoner=reasoner, release=catalog is None, steps=steps)
