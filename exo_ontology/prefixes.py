"""The project's prefix map as plain dicts, with dependency-free CURIE expansion and compression.

`namespaces` builds the `curies.Converter` and rdflib namespaces from these maps; this module imports
nothing so that `exo query` starts without loading curies or rdflib.
"""

from __future__ import annotations

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

_STEMS = sorted(((stem, prefix) for prefix, stem in PREFIX_MAP.items()), key=lambda s: -len(s[0]))
_VOCAB_STEMS = sorted(((stem, prefix) for prefix, stem in VOCAB_PREFIXES.items()), key=lambda s: -len(s[0]))


def expand_curie(curie: str, vocabularies: bool = True) -> str | None:
    """`PREFIX:local` -> IRI with the project's prefixes (and the RDF vocabularies), or None if unknown."""
    prefix, sep, local = curie.partition(":")
    if not sep:
        return None
    stem = PREFIX_MAP.get(prefix) or (VOCAB_PREFIXES.get(prefix) if vocabularies else None)
    return None if stem is None else stem + local


def compress_iri(iri: str) -> str:
    """IRI -> CURIE (project prefixes first, the longest stem winning, then RDF vocabularies), else the IRI."""
    for stems in (_STEMS, _VOCAB_STEMS):
        for stem, prefix in stems:
            if iri.startswith(stem) and len(iri) > len(stem):
                return f"{prefix}:{iri[len(stem):]}"
    return iri
