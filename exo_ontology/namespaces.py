"""The single prefix map of the project: every CURIE <-> IRI conversion goes through it."""

from __future__ import annotations

import curies
from rdflib import Namespace, URIRef

OBO = "http://purl.obolibrary.org/obo/"
EXOC_BASE = "https://w3id.org/exoc/"

#: prefix -> IRI stem. Order matters only for readability of serialised files.
PREFIX_MAP: dict[str, str] = {
    "EXOC": f"{EXOC_BASE}EXOC_",
    "MONDO": f"{OBO}MONDO_",
    "CL": f"{OBO}CL_",
    "GO": f"{OBO}GO_",
    "CHEBI": f"{OBO}CHEBI_",
    "UBERON": f"{OBO}UBERON_",
    "NCBITaxon": f"{OBO}NCBITaxon_",
    "RO": f"{OBO}RO_",
    "BFO": f"{OBO}BFO_",
    "IAO": f"{OBO}IAO_",
    "NCBIGene": "http://identifiers.org/ncbigene/",
    "mirbase.mature": "http://identifiers.org/mirbase.mature/",
    "mirbase": "http://identifiers.org/mirbase/",
    "MESH": "http://id.nlm.nih.gov/mesh/",
    # bioregistry's MIRIAM form of pubmed (identifiers.org's current "prefix:id" resolver)
    "pubmed": "https://identifiers.org/pubmed:",
    "exoc.finding": f"{EXOC_BASE}finding/",
    "exoc.evidence": f"{EXOC_BASE}evidence/",
    "exoc.source": f"{EXOC_BASE}source/",
}

#: Prefixes that only name RDF vocabularies (bound in serialisations, not used for terms).
VOCAB_PREFIXES: dict[str, str] = {
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "oboInOwl": "http://www.geneontology.org/formats/oboInOwl#",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "cito": "http://purl.org/spar/cito/",
    "fabio": "http://purl.org/spar/fabio/",
}

CONVERTER = curies.Converter.from_prefix_map(PREFIX_MAP)

EXOC = Namespace(PREFIX_MAP["EXOC"])
OBO_NS = Namespace(OBO)
OBOINOWL = Namespace(VOCAB_PREFIXES["oboInOwl"])
IAO_DEFINITION = URIRef(f"{OBO}IAO_0000115")
IAO_OBSOLESCENCE_REASON = URIRef(f"{OBO}IAO_0000231")
FINDING = Namespace(PREFIX_MAP["exoc.finding"])
EVIDENCE = Namespace(PREFIX_MAP["exoc.evidence"])
SOURCE = Namespace(PREFIX_MAP["exoc.source"])


def expand(curie: str) -> URIRef:
    """CURIE -> IRI; raises ValueError naming the CURIE if its prefix is unknown."""
    iri = CONVERTER.expand(curie)
    if iri is None:
        raise ValueError(f"{curie}: unknown prefix (known: {', '.join(PREFIX_MAP)})")
    return URIRef(iri)


def compress(iri: str) -> str:
    """IRI -> CURIE (project prefixes first, then RDF vocabularies), or the IRI itself."""
    text = str(iri)
    curie = CONVERTER.compress(text)
    if curie:
        return curie
    for prefix, stem in VOCAB_PREFIXES.items():
        if text.startswith(stem) and len(text) > len(stem):
            return f"{prefix}:{text[len(stem):]}"
    return text


def ncbigene_curie(raw: str | int) -> str:
    """Bare NCBI Gene integers are normalised to `NCBIGene:` right where they are read."""
    text = str(raw).strip()
    if text.startswith("NCBIGene:"):
        return text
    if not text.isdigit():
        raise ValueError(f"{raw!r} is not an NCBI Gene identifier")
    return f"NCBIGene:{text}"


def bind_all(graph: object) -> None:
    """Bind every project prefix on an rdflib graph, so serialisations read well."""
    for prefix, stem in {**VOCAB_PREFIXES, **PREFIX_MAP}.items():
        graph.bind(prefix, Namespace(stem), override=True)  # type: ignore[attr-defined]
