"""Citation links of the release: a source document `cito:isCitedBy` / `cito:cites` the works its
bibliographic lists name, each work described by what the list prints (nothing guessed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from exo_ontology.namespaces import VOCAB_PREFIXES, expand
from exo_ontology.reading.citations import CITES, IS_CITED_BY, CitationList, CitedWork
from exo_ontology.release.assembly import document_iri

CITO = Namespace(VOCAB_PREFIXES["cito"])
FABIO = Namespace(VOCAB_PREFIXES["fabio"])
#: list direction -> the property from the document to the work
LINKS: dict[str, URIRef] = {CITES: CITO.cites, IS_CITED_BY: CITO.isCitedBy}


def work_iri(work: CitedWork) -> URIRef | None:
    """The work's PubMed IRI (the project's `pubmed` prefix), else its DOI resolver IRI, else None."""
    if work.pmid:
        return expand(f"pubmed:{work.pmid}")
    if work.doi:
        return URIRef(f"https://doi.org/{work.doi}")
    return None


def add_work(graph: Graph, work: CitedWork) -> URIRef | None:
    """A cited or citing work: a fabio:JournalArticle with the title, journal, year, authors and
    identifiers the list prints (the same properties a source document is described with)."""
    iri = work_iri(work)
    if iri is None:
        return None
    graph.add((iri, RDF.type, FABIO.JournalArticle))
    fields = {DCTERMS.title: work.title, DCTERMS.isPartOf: work.journal, DCTERMS.date: work.year,
              DCTERMS.creator: ", ".join(work.authors)}
    for prop, value in fields.items():
        if value:
            graph.add((iri, prop, Literal(value)))
    for scheme, value in (("pmid", work.pmid), ("pmcid", work.pmcid), ("doi", work.doi)):
        if value:
            graph.add((iri, DCTERMS.identifier, Literal(f"{scheme}:{value}")))
    if work.doi:
        graph.add((iri, RDFS.seeAlso, URIRef(f"https://doi.org/{work.doi}")))
    return iri


def add_citations(dataset: Dataset, citations: Mapping[str, Sequence[CitationList]]) -> None:
    """Into each document's named graph: its links and the works they point to."""
    for doc_id, lists in sorted(citations.items()):
        add_document_citations(dataset.graph(document_iri(doc_id)), doc_id, lists)


def add_document_citations(graph: Graph, doc_id: str, lists: Sequence[CitationList]) -> None:
    """One document's links and the works they point to, into `graph`."""
    doc = document_iri(doc_id)
    for citation_list in lists:
        link = LINKS.get(citation_list.direction)
        if link is None:
            continue
        for work in citation_list.works:
            iri = add_work(graph, work)
            if iri is not None:
                graph.add((doc, link, iri))
