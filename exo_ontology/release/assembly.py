"""Turn findings, documents, the edit file and the import modules into RDF graphs (pure: no file writes)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from exo_ontology import EXTRACTOR_VERSION
from exo_ontology import vocabulary as V
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.namespaces import EVIDENCE, FINDING, SOURCE, bind_all, expand

#: Finding slot -> object property
SLOT_PROPERTIES: dict[str, URIRef] = {
    "source_cell": V.HAS_SOURCE_CELL,
    "vesicle_type": V.HAS_VESICLE_TYPE,
    "cargo": V.HAS_CARGO,
    "cargo_type": V.HAS_CARGO_TYPE,
    "target": V.HAS_TARGET,
    "direction": V.HAS_TARGET_DIRECTION,
    "effect": V.HAS_EFFECT,
    "effect_direction": V.HAS_EFFECT_DIRECTION,
    "pathway": V.HAS_PATHWAY,
    "disease": V.HAS_DISEASE_CONTEXT,
    "recipient_cell": V.HAS_RECIPIENT_CELL,
    "study_type": V.HAS_STUDY_TYPE,
    "application": V.HAS_APPLICATION,
}


def document_iri(doc_id: str) -> URIRef:
    return SOURCE[doc_id]


def finding_iri(finding: Finding) -> URIRef:
    return FINDING[finding.finding_id]


def evidence_iri(finding: Finding) -> URIRef:
    return EVIDENCE[finding.finding_id]


def add_document(graph: Graph, doc: SourceDoc) -> URIRef:
    """Describe a source document with its bibliographic identity (unknown fields are left out)."""
    iri = document_iri(doc.doc_id)
    graph.add((iri, RDF.type, DCTERMS.BibliographicResource))
    graph.add((iri, DCTERMS.identifier, Literal(doc.doc_id)))
    fields = {DCTERMS.title: doc.title, DCTERMS.creator: doc.authors, DCTERMS.date: doc.year,
              DCTERMS.isPartOf: doc.journal, DCTERMS.license: doc.licence}
    for prop, value in fields.items():
        if value:
            graph.add((iri, prop, Literal(value)))
    for scheme, value in (("doi", doc.doi), ("pmid", doc.pmid), ("pmcid", doc.pmcid)):
        if value:
            graph.add((iri, DCTERMS.identifier, Literal(f"{scheme}:{value}")))
    if doc.doi:
        graph.add((iri, RDFS.seeAlso, URIRef(f"https://doi.org/{doc.doi}")))
    return iri


def add_finding(graph: Graph, finding: Finding) -> URIRef:
    """A Finding individual with its slot values and its Evidence (PROV-O)."""
    f_iri, e_iri = finding_iri(finding), evidence_iri(finding)
    graph.add((f_iri, RDF.type, V.FINDING))
    for slot, prop in SLOT_PROPERTIES.items():
        for curie in finding.slot(slot):
            graph.add((f_iri, prop, expand(curie)))
    if finding.pathway_text:
        graph.add((f_iri, V.PATHWAY_TEXT, Literal(finding.pathway_text)))
    if finding.disease:
        graph.add((f_iri, V.DISEASE_INHERITED, Literal(finding.disease_inherited)))
    graph.add((f_iri, V.HAS_KNOWLEDGE_SOURCE, V.KNOWLEDGE_SOURCES[finding.knowledge_source]))
    if finding.curation_note:
        graph.add((f_iri, V.CURATION_NOTE, Literal(finding.curation_note)))
    graph.add((f_iri, PROV.wasDerivedFrom, e_iri))
    ev = finding.evidence
    graph.add((e_iri, RDF.type, V.EVIDENCE))
    graph.add((e_iri, PROV.wasQuotedFrom, document_iri(ev.doc_id)))
    graph.add((e_iri, V.QUOTE, Literal(ev.quote)))
    graph.add((e_iri, V.CHAR_START, Literal(ev.char_start, datatype=XSD.nonNegativeInteger)))
    graph.add((e_iri, V.CHAR_END, Literal(ev.char_end, datatype=XSD.nonNegativeInteger)))
    for marker in ev.citations:
        graph.add((e_iri, V.CITATION_MARKER, Literal(marker)))
    if ev.section:
        graph.add((e_iri, V.SECTION, Literal(ev.section)))
    # only the mentions the finding is about: a curator's amendment drops those it no longer names
    values = {curie for slot in SLOT_PROPERTIES for curie in finding.slot(slot)}
    for span in ev.mentions:
        if span.curie in values:
            graph.add((e_iri, V.MENTION_SPAN, Literal(f"{span.start} {span.end} {span.curie}")))
    graph.add((e_iri, V.EXTRACTION_RULE, Literal(ev.rule or "manual")))
    if finding.knowledge_source != "manual":
        graph.add((e_iri, V.EXTRACTOR_VERSION, Literal(EXTRACTOR_VERSION)))
    return f_iri


def findings_dataset(docs: Sequence[SourceDoc], findings: Iterable[Finding]) -> Dataset:
    """One named graph per source document (named by the document's IRI)."""
    dataset = Dataset()
    bind_all(dataset)
    graphs = {}
    for doc in docs:
        graphs[doc.doc_id] = dataset.graph(document_iri(doc.doc_id))
        add_document(graphs[doc.doc_id], doc)
    for finding in findings:
        add_finding(graphs[finding.doc_id], finding)
    return dataset


def merge(*graphs: Graph) -> Graph:
    """Union of graphs (named graphs of a Dataset are flattened)."""
    out = Graph()
    bind_all(out)
    for graph in graphs:
        if isinstance(graph, Dataset):
            for s, p, o, _ in graph.quads():
                out.add((s, p, o))
        else:
            for triple in graph:
                out.add(triple)
    return out


def drop_ontology_headers(graph: Graph, keep: URIRef) -> Graph:
    """Remove the owl:Ontology headers (and owl:imports) of merged modules, keeping `keep`'s."""
    out = Graph()
    bind_all(out)
    headers = {s for s in graph.subjects(RDF.type, OWL.Ontology) if s != keep}
    for s, p, o in graph:
        if s in headers or p == OWL.imports:
            continue
        out.add((s, p, o))
    return out


def exoc_terms(edit_file: Path) -> set[str]:
    """CURIEs of every EXOC term declared in the edit file."""
    graph = Graph()
    graph.parse(edit_file, format="turtle")
    stem = str(V.FINDING)[: -len("0000001")]
    return {f"EXOC:{str(s)[len(stem):]}" for s in graph.subjects(RDF.type, None) if str(s).startswith(stem)}
