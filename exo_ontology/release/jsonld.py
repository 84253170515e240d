"""Compact JSON-LD of a release graph, with an @context made from the project's one prefix map.

rdflib's compaction leaves OBO IRIs (`…/GO_0070062`) expanded: a JSON-LD 1.1 prefix whose IRI ends
in `_` needs `"@prefix": true`, which it does not honour. The compact form is simple for a flat
graph (one node object per subject, no embedding), so it is written here directly: node objects
sorted by @id, values sorted, keys sorted, literals kept with their exact lexical form.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from exo_ontology.namespaces import CONVERTER, EXOC_BASE, VOCAB_PREFIXES

CONTEXT_FILE = "context.jsonld"
CONTEXT_IRI = f"{EXOC_BASE}context.jsonld"
RDF_TYPE = f"{VOCAB_PREFIXES['rdf']}type"
XSD_STRING = f"{VOCAB_PREFIXES['xsd']}string"

Json = dict[str, Any]


def context() -> Json:
    """The @context: every prefix of the curies converter, then the RDF vocabularies.

    Project prefixes end in `_` or `/`; `"@prefix": true` lets a JSON-LD 1.1 processor use them all in
    compact IRIs. No `"@version": 1.1`: a 1.1 processor works in 1.1 mode anyway, and without it a JSON-LD
    1.0 reader (Jena's jsonld-java, the one Debian's Jena can run) reads the file too, since in 1.0 every
    term may be a prefix.
    """
    terms: Json = {}
    for prefix, stem in sorted(CONVERTER.bimap.items()):
        terms[prefix] = {"@id": stem, "@prefix": True}
    for prefix, stem in sorted(VOCAB_PREFIXES.items()):
        terms.setdefault(prefix, stem)
    return terms


def _stems() -> list[tuple[str, str]]:
    """(prefix, stem) pairs of the context, longest stem first so the most specific prefix wins."""
    pairs = [*CONVERTER.bimap.items(), *VOCAB_PREFIXES.items()]
    return sorted(pairs, key=lambda pair: (-len(pair[1]), pair[0]))


_STEMS = _stems()


@lru_cache(maxsize=1 << 16)  # predicates, classes and terms recur on every node of a large release
def compact_iri(iri: str) -> str:
    """`prefix:local` when a context prefix covers the IRI and the result cannot be misread."""
    for prefix, stem in _STEMS:
        local = iri[len(stem):]
        # a local part starting with "//" would read as an absolute IRI of scheme `prefix`
        if iri.startswith(stem) and local and not local.startswith("//"):
            return f"{prefix}:{local}"
    return iri


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return compact_iri(term.value) if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Json | str:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact_iri(term.datatype.value)}
    return {"@id": _node_id(term)}


def _sort_key(value: Json | str) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _single_or_list(values: list[Any]) -> Any:
    if len(values) == 1:
        return values[0]
    ordered = sorted(values, key=_sort_key)
    return ordered[0] if len(ordered) == 1 else ordered


def compact_document(triples: list[ox.Triple]) -> Json:
    """The compact JSON-LD document of a graph: {"@context": …, "@graph": [node objects]}."""
    nodes: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate, triple.object
        assert isinstance(subject, ox.NamedNode | ox.BlankNode), "RDF-star triples are not released"
        assert isinstance(obj, ox.NamedNode | ox.BlankNode | ox.Literal), "RDF-star triples are not released"
        node = nodes[_node_id(subject)]
        if predicate.value == RDF_TYPE and isinstance(obj, ox.NamedNode):
            node["@type"].append(compact_iri(obj.value))
        else:
            node[compact_iri(predicate.value)].append(_value(obj))
    graph = [{"@id": node_id, **{key: _single_or_list(values) for key, values in node.items()}}
             for node_id, node in sorted(nodes.items())]
    return {"@context": context(), "@graph": graph}


def _dump(document: Json) -> bytes:
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def jsonld_from_ntriples(ntriples: bytes) -> bytes:
    """Compact JSON-LD bytes of an N-Triples document (same graph -> same bytes)."""
    return _dump(compact_document(list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))))


def context_document() -> bytes:
    """`context.jsonld`, published beside the release so other JSON-LD can reuse its prefixes."""
    return _dump({"@context": context()})
