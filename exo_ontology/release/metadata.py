"""Release metadata: VoID description and SSSOM mappings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS, VOID
from rdflib.term import Node

from exo_ontology import vocabulary as V
from exo_ontology.model import SourceDoc
from exo_ontology.namespaces import EXOC_BASE, PREFIX_MAP, bind_all, compress
from exo_ontology.release.assembly import document_iri
from exo_ontology.release.files import ONTOLOGY_IRI, WRITERS, ReleaseInfo

DATASET = URIRef(f"{EXOC_BASE}void")
MAPPING_PREDICATES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
RELEASE_FILES = ("exoc.owl", "exoc.ttl", "exoc-base.ttl", "exoc.jsonld", "exoc.nt", "exoc.trig")


def _label(graph: Graph, node: Node) -> str:
    return str(graph.value(node, RDFS.label) or "")


@dataclass(frozen=True)
class Sizes:
    """The release graph's sizes VoID states (counted from an rdflib graph or from a store)."""

    triples: int
    subjects: int
    properties: int
    classes: int
    findings: int

    @classmethod
    def of_graph(cls, full: Graph) -> Sizes:
        return cls(len(full), len(set(full.subjects())), len(set(full.predicates())),
                   len(set(full.subjects(RDF.type, OWL.Class))), len(set(full.subjects(RDF.type, V.FINDING))))

    @classmethod
    def of_store(cls, store: ox.Store) -> Sizes:
        def count(select: str, where: str = "?s ?p ?o") -> int:
            solutions = store.query(f"SELECT (COUNT({select}) AS ?n) WHERE {{ {where} }}")
            assert isinstance(solutions, ox.QuerySolutions)
            value = next(iter(solutions))["n"]
            assert isinstance(value, ox.Literal)
            return int(value.value)

        return cls(count("*"), count("DISTINCT ?s"), count("DISTINCT ?p"),
                   count("DISTINCT ?s", f"?s a <{OWL.Class}>"), count("DISTINCT ?s", f"?s a <{V.FINDING}>"))


def void_graph(full: Graph, docs: list[SourceDoc], info: ReleaseInfo, sizes: Sizes | None = None) -> Graph:
    """A VoID description of the release: size, licence, sources, dumps; `full` needs only the ontology
    header when `sizes` are given."""
    sizes = sizes or Sizes.of_graph(full)
    g = Graph()
    bind_all(g)
    g.add((DATASET, RDF.type, VOID.Dataset))
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        for value in full.objects(ONTOLOGY_IRI, prop):
            g.add((DATASET, prop, value))
    g.add((DATASET, DCTERMS.hasVersion, Literal(info.version)))
    g.add((DATASET, DCTERMS.issued, Literal(info.date, datatype=XSD.date)))
    g.add((DATASET, VOID.triples, Literal(sizes.triples)))
    g.add((DATASET, VOID.distinctSubjects, Literal(sizes.subjects)))
    g.add((DATASET, VOID.properties, Literal(sizes.properties)))
    g.add((DATASET, VOID.classes, Literal(sizes.classes)))
    g.add((DATASET, VOID.uriSpace, Literal(EXOC_BASE)))
    for name in RELEASE_FILES:
        g.add((DATASET, VOID.dataDump, URIRef(f"{EXOC_BASE}releases/{info.date}/{name}")))
    for doc in docs:
        g.add((DATASET, DCTERMS.source, document_iri(doc.doc_id)))
    partition = URIRef(f"{EXOC_BASE}void/findings")
    g.add((DATASET, VOID.classPartition, partition))
    g.add((partition, VOID["class"], V.FINDING))
    g.add((partition, VOID.entities, Literal(sizes.findings)))
    return g


def sssom_tsv(full: Graph, info: ReleaseInfo) -> str:
    """The ontology's skos mappings of EXOC terms as an SSSOM TSV with its metadata header."""
    used = {"EXOC", "GO", "CL", "MONDO", "CHEBI", "UBERON", "NCBITaxon", "RO"}
    header = ["# curie_map:"]
    header += [f"#   {p}: {PREFIX_MAP[p]}" for p in sorted(used)]
    header += ["#   skos: http://www.w3.org/2004/02/skos/core#", "#   semapv: https://w3id.org/semapv/vocab/",
               f"# mapping_set_id: {EXOC_BASE}releases/{info.date}/exoc.sssom.tsv",
               f"# mapping_set_version: {info.version}",
               "# license: https://creativecommons.org/licenses/by/4.0/"]
    rows = []
    for pred in MAPPING_PREDICATES:
        for s, o in full.subject_objects(pred):
            if str(s).startswith(PREFIX_MAP["EXOC"]) and isinstance(o, URIRef):
                rows.append((compress(str(s)), _label(full, s), compress(str(pred)), compress(str(o)),
                             _label(full, o), "semapv:ManualMappingCuration"))
    cols = ("subject_id", "subject_label", "predicate_id", "object_id", "object_label",
            "mapping_justification")
    lines = [*header, "\t".join(cols), *("\t".join(r) for r in sorted(rows))]
    return "\n".join(lines) + "\n"


def write_metadata(out_dir: Path, full: Graph, docs: list[SourceDoc], info: ReleaseInfo,
                   counts: dict[str, int] | None = None, sizes: Sizes | None = None) -> None:
    """void.ttl and exoc.sssom.tsv into the release directory (the docs are release.docs'); with
    `sizes`, `full` may be the TBox alone (mappings and labels are the ontology's, never a finding's)."""
    (out_dir / "void.ttl").write_bytes(WRITERS["ttl"](void_graph(full, docs, info, sizes)))
    (out_dir / "exoc.sssom.tsv").write_text(sssom_tsv(full, info), encoding="utf-8")
