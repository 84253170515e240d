"""The single prefix map of the project: every CURIE <-> IRI conversion goes through it."""

from __future__ import annotations

from functools import lru_cache

import curies
from rdflib import Namespace, URIRef

# the plain maps live in `prefixes` so that `exo query` can read them without importing curies or rdflib
from exo_ontology.prefixes import EXOC_BASE, OBO, PREFIX_MAP, VOCAB_PREFIXES

__all__ = ["CONVERTER", "EVIDENCE", "EXOC", "EXOC_BASE", "FINDING", "IAO_DEFINITION", "IAO_OBSOLESCENCE_REASON",
           "OBO", "OBOINOWL", "OBO_NS", "PREFIX_MAP", "SOURCE", "VOCAB_PREFIXES", "bind_all", "compress", "expand",
           "ncbigene_curie"]

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


@lru_cache(maxsize=1 << 17)  # a release compresses the same IRIs many times over (docs, findings.tsv)
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
