"""The W3C SPARQL 1.1 manifests read into `W3CTest` records, and the manifests this runner leaves out.

Every IRI is resolved against the manifest file's own `file:` IRI, so a named graph of `qt:graphData` is
named by its file's IRI, as the expected results (relative IRIs in result files) name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from exo_ontology.errors import InputError, MissingInputError

MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
DAWGT = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")

#: the top manifests whose folders are run: the query language and the results formats
RUN_MANIFESTS = ("manifest-sparql11-query.ttl", "manifest-sparql11-results.ttl")
#: the manifest listing every folder of the suite; those not reached from RUN_MANIFESTS are reported as skipped
ALL_MANIFEST = "manifest-all.ttl"
#: why a specification's folders are not run through `exo query`
SKIP_REASONS = {
    "SPARQL 1.1 Update": "update: `exo query` is read-only (no SPARQL Update)",
    "SPARQL 1.1 Federation Extensions": "federation: SERVICE would reach the network",
    "SPARQL 1.1 Entailment Regimes": "entailment: the embedded engine evaluates simple entailment only",
    "SPARQL 1.1 Service Description": "service description: needs an HTTP endpoint",
    "SPARQL 1.1 Protocol": "protocol: needs an HTTP endpoint",
    "SPARQL 1.1 Graph Store HTTP Protocol": "graph store protocol: needs an HTTP endpoint",
}
#: the entry kinds that are run, and how (evaluation, or parsing expected to succeed / to fail)
RUN_KINDS = {"QueryEvaluationTest": "evaluation", "CSVResultFormatTest": "evaluation",
             "PositiveSyntaxTest11": "syntax+", "NegativeSyntaxTest11": "syntax-"}


@dataclass(frozen=True)
class W3CTest:
    """One manifest entry: its IRI, folder and kind, the files of its action and its expected result."""

    name: str                                  # the test's IRI
    folder: str
    query: Path
    data: tuple[Path, ...] = ()
    graph_data: tuple[tuple[str, Path], ...] = ()  # (graph IRI, file)
    result: Path | None = None
    kind: str = "QueryEvaluationTest"
    approval: str = ""                         # dawgt:Approved, Proposed, ... (empty when the entry has none)

    @property
    def short(self) -> str:
        """`folder/fragment`: how the report names the test."""
        return f"{self.folder}/{self.name.rsplit('#', 1)[-1]}"


@dataclass(frozen=True)
class SkippedManifest:
    folder: str
    entries: int
    reason: str


@dataclass(frozen=True)
class Suite:
    tests: tuple[W3CTest, ...]
    skipped: tuple[SkippedManifest, ...]
    skipped_kinds: tuple[tuple[str, str], ...]  # (test IRI, kind) of entries of a run folder not run
    root_iri: str = ""                          # the suite folder's `file:` IRI, ending in "/"


def _path(node: rdflib.term.Node) -> Path:
    parsed = urlparse(str(node))
    if parsed.scheme != "file":
        raise InputError(f"{node}: not a file of the suite")
    return Path(unquote(parsed.path))


def _graph(path: Path) -> rdflib.Graph:
    if not path.is_file():
        raise MissingInputError(f"{path}: no such manifest")
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle", publicID=path.resolve().as_uri())
    except Exception as err:  # rdflib raises its parser's own exception types
        raise InputError(f"{path}: cannot be parsed ({err})") from err
    return graph


def _list(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> list[rdflib.term.Node]:
    head = graph.value(subject, predicate)
    return [] if head is None else list(Collection(graph, head))


def _includes(path: Path) -> list[Path]:
    graph = _graph(path)
    return [_path(node) for node in _list(graph, rdflib.URIRef(path.resolve().as_uri()), MF.include)]


def _entry(graph: rdflib.Graph, entry: rdflib.term.Node, folder: str, kind: str) -> W3CTest:
    action = graph.value(entry, MF.action)
    where = f"{folder}/manifest.ttl, entry {entry}"
    if action is None:
        raise InputError(f"{where}: no mf:action")
    # a syntax test names its query file directly as the action
    query = graph.value(action, QT.query) if isinstance(action, rdflib.BNode) else action
    if query is None:
        raise InputError(f"{where}: no qt:query")
    result = graph.value(entry, MF.result)
    approval = graph.value(entry, DAWGT.approval)
    return W3CTest(
        name=str(entry), folder=folder, query=_path(query), kind=kind,
        data=tuple(sorted(_path(n) for n in graph.objects(action, QT.data))),
        graph_data=tuple(sorted((str(n), _path(n)) for n in graph.objects(action, QT.graphData))),
        result=None if result is None else _path(result),
        approval="" if approval is None else str(approval).rsplit("#", 1)[-1])


def read_manifest(path: Path) -> tuple[list[W3CTest], list[tuple[str, str]]]:
    """The entries of one folder's manifest, in manifest order: those run, and (IRI, kind) of the others."""
    graph = _graph(path)
    folder = path.parent.name
    tests: list[W3CTest] = []
    others: list[tuple[str, str]] = []
    for manifest in graph.subjects(RDF.type, MF.Manifest):
        for entry in _list(graph, manifest, MF.entries):
            kinds = [str(t).rsplit("#", 1)[-1] for t in graph.objects(entry, RDF.type)]
            kind = next((k for k in kinds if k in RUN_KINDS), None)
            if kind is None:
                others.append((str(entry), kinds[0] if kinds else "untyped"))
            else:
                tests.append(_entry(graph, entry, folder, kind))
    return tests, others


def _skipped(root: Path, run_folders: set[str]) -> list[SkippedManifest]:
    graph = _graph(root / ALL_MANIFEST)
    reasons: dict[str, str] = {}
    for spec, label in graph.subject_objects(RDFS.label):
        for node in _list(graph, spec, MF.conformanceRequirement):
            reasons[_path(node).parent.name] = SKIP_REASONS.get(str(label), f"not a query test ({label})")
    skipped = []
    for manifest in _includes(root / ALL_MANIFEST):
        folder = manifest.parent.name
        if folder not in run_folders:
            entries = sum(len(_list(g, m, MF.entries)) for g in [_graph(manifest)]
                          for m in g.subjects(RDF.type, MF.Manifest))
            skipped.append(SkippedManifest(folder, entries, reasons.get(folder, "not a query test")))
    return sorted(skipped, key=lambda s: s.folder)


def read_suite(root: Path) -> Suite:
    """Every test of the folders the query and results manifests include; the rest of the suite as skipped."""
    tests: list[W3CTest] = []
    others: list[tuple[str, str]] = []
    for top in RUN_MANIFESTS:
        for manifest in _includes(root / top):
            found, not_run = read_manifest(manifest)
            tests += found
            others += not_run
    return Suite(tuple(tests), tuple(_skipped(root, {t.folder for t in tests})), tuple(others),
                 root.resolve().as_uri().rstrip("/") + "/")
