"""Write release artefacts deterministically and swap them into build/ atomically.

The same graph always gives the same bytes: blank nodes are canonicalised, triples are added in
sorted order, N-Triples lines are sorted, JSON-LD is compact with sorted nodes and keys, and dates come from
ontology/release.toml, never from the clock.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import OWL

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.namespaces import EXOC_BASE, PREFIX_MAP, VOCAB_PREFIXES, bind_all
from exo_ontology.release.jsonld import jsonld_from_ntriples

ONTOLOGY_IRI = URIRef(f"{EXOC_BASE}exoc.owl")
#: the base release (the project's own axioms and findings, no imported terms) is an ontology of its own,
#: as ODK base files are, so that an importer can tell it from the full release
BASE_IRI = URIRef(f"{EXOC_BASE}exoc-base.owl")


@dataclass(frozen=True)
class ReleaseInfo:
    """Version and date of a release, read from ontology/release.toml."""

    version: str
    date: str

    @property
    def version_iri(self) -> URIRef:
        return self.version_iri_of(ONTOLOGY_IRI)

    def version_iri_of(self, ontology: URIRef) -> URIRef:
        """The dated IRI of this release of `ontology` (the full release or the base)."""
        return URIRef(f"{EXOC_BASE}releases/{self.date}/{str(ontology).rsplit('/', 1)[-1]}")


def read_release_info(path: Path) -> ReleaseInfo:
    """Read release.toml; the only place a release date comes from."""
    if not path.is_file():
        raise MissingInputError(f"{path}: missing; it must define version and date")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return ReleaseInfo(version=str(data["version"]), date=str(data["date"]))
    except (tomllib.TOMLDecodeError, KeyError) as err:
        raise InputError(f"{path}: needs `version = \"...\"` and `date = \"YYYY-MM-DD\"` ({err})") from err


def stamp_version(graph: Graph, info: ReleaseInfo) -> None:
    """Add the dated owl:versionIRI and owl:versionInfo to the ontology header."""
    graph.set((ONTOLOGY_IRI, OWL.versionIRI, info.version_iri))
    graph.set((ONTOLOGY_IRI, OWL.versionInfo, Literal(info.version)))


def as_base(graph: Graph, info: ReleaseInfo) -> Graph:
    """The graph with its ontology header moved to the base IRI and given the base's own versionIRI."""
    out = Graph()
    bind_all(out)
    for s, p, o in graph:
        if s == ONTOLOGY_IRI:
            s = BASE_IRI
        if s == BASE_IRI and p == OWL.versionIRI:
            o = info.version_iri_of(BASE_IRI)
        out.add((s, p, o))
    return out


def canonical(graph: Graph) -> Graph:
    """A copy with canonical blank-node labels and triples inserted in sorted order."""
    canon = to_canonical_graph(graph)
    out = Graph()
    bind_all(out)
    for triple in sorted(canon):
        out.add(triple)
    return out


def _ntriples(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    body = "\n".join(sorted(line for line in lines if line.strip()))
    return (body + "\n").encode("utf-8") if body else b""


#: prefixes written into Turtle, TriG, JSON-LD and RDF/XML (pyoxigraph picks the ones it needs)
SERIALIZATION_PREFIXES = {**VOCAB_PREFIXES, **PREFIX_MAP}


#: file suffix -> Oxigraph format of the release files written from sorted N-Triples
OXIGRAPH_FORMATS = {"owl": ox.RdfFormat.RDF_XML, "ttl": ox.RdfFormat.TURTLE}


def _from_ntriples(ntriples: bytes, fmt: ox.RdfFormat) -> bytes:
    """Serialise with Oxigraph from sorted N-Triples: its writers keep input order, so the bytes
    depend only on the graph (rdflib's writers iterate hash-ordered sets)."""
    triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    out = ox.serialize(triples, format=fmt, prefixes=SERIALIZATION_PREFIXES)
    assert out is not None
    return out


def _oxigraph(fmt: ox.RdfFormat) -> Callable[[Graph], bytes]:
    return lambda graph: _from_ntriples(_ntriples(graph), fmt)


#: file suffix -> serialiser of a (canonicalised) graph. Keys are the --format choices.
WRITERS: dict[str, Callable[[Graph], bytes]] = {
    **{suffix: _oxigraph(fmt) for suffix, fmt in OXIGRAPH_FORMATS.items()},
    "jsonld": lambda graph: jsonld_from_ntriples(_ntriples(graph)),
    "nt": _ntriples,
}


def serialize_all(graph: Graph) -> dict[str, bytes]:
    """Every WRITERS format of one (canonicalised) graph, from a single N-Triples serialisation."""
    ntriples = _ntriples(graph)
    return {"nt": ntriples, "jsonld": jsonld_from_ntriples(ntriples),
            **{suffix: _from_ntriples(ntriples, fmt) for suffix, fmt in OXIGRAPH_FORMATS.items()}}


#: file suffix -> rdflib parser format
PARSERS: dict[str, str] = {
    ".owl": "xml", ".rdf": "xml", ".xml": "xml", ".ttl": "turtle", ".nt": "nt",
    ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads",
}


def guess_format(path: Path) -> str:
    """The rdflib parser name for a file, from its extension."""
    fmt = PARSERS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF extension; use one of {', '.join(PARSERS)}")
    return fmt


def write_trig(dataset: Dataset) -> bytes:
    """Serialise a dataset (one named graph per document), graphs and triples in sorted order."""
    quads = []
    for ctx in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(ctx) == 0 or not isinstance(ctx.identifier, URIRef):
            continue
        name = ox.NamedNode(str(ctx.identifier))
        quads += [ox.Quad(t.subject, t.predicate, t.object, name)
                  for t in ox.parse(_ntriples(canonical(ctx)), format=ox.RdfFormat.N_TRIPLES)]
    out = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=SERIALIZATION_PREFIXES)
    assert out is not None
    return out


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(out_dir: Path, info: ReleaseInfo, counts: dict[str, int]) -> Path:
    """manifest.json: every release file with its size and checksum, and the triple counts."""
    files = {
        str(p.relative_to(out_dir)): {"bytes": p.stat().st_size, "sha256": sha256(p)}
        for p in sorted(out_dir.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }
    manifest = {"version": info.version, "date": info.date, "version_iri": str(info.version_iri),
                "counts": counts, "files": files}
    path = out_dir / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def swap_into_place(staging: Path, target: Path, trash: Path | None = None) -> None:
    """Replace `target` by `staging` so that a reader sees either the old or the new release.

    The old release is moved aside first and removed only once the new one is in place; with `trash`
    (a folder on the same file system), it is moved there and removed by a background process, since
    removing tens of thousands of docs pages takes longer than the rest of an incremental build.
    """
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    if old.exists() and trash is not None:
        trash.mkdir(parents=True, exist_ok=True)
        old.rename(trash / f"{target.name}-{os.getpid()}-{time.monotonic_ns()}")
        empty_in_background(trash)
    elif old.exists():
        shutil.rmtree(old)


def empty_in_background(folder: Path) -> None:
    """Remove everything in `folder` (older leftovers too) by `rm -rf` in a session of its own, which
    outlives this process; the next call removes whatever an interrupted one left."""
    entries = [str(p) for p in folder.iterdir()]
    if entries:
        subprocess.Popen(["rm", "-rf", "--", *entries], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
