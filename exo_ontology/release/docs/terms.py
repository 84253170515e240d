"""The EXOC terms of a release as frozen page records: classes, properties, individuals, the class tree."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from exo_ontology.namespaces import PREFIX_MAP, compress
from exo_ontology.release.docs.links import Link, Linker, file_stem, is_exoc, select

#: OWL type -> (folder of its pages, what the page calls it); the first type a term has wins
KINDS: dict[str, tuple[str, str]] = {
    "http://www.w3.org/2002/07/owl#Class": ("class", "class"),
    "http://www.w3.org/2002/07/owl#ObjectProperty": ("property", "object property"),
    "http://www.w3.org/2002/07/owl#DatatypeProperty": ("property", "data property"),
    "http://www.w3.org/2002/07/owl#AnnotationProperty": ("property", "annotation property"),
    "http://www.w3.org/2002/07/owl#NamedIndividual": ("individual", "individual"),
}
#: the predicate that makes a term's parent, by folder
PARENT_PREDICATES: dict[str, str] = {
    "class": "rdfs:subClassOf",
    "property": "rdfs:subPropertyOf",
    "individual": "rdf:type",
}
SYNONYM_SCOPES = ("Exact", "Narrow", "Broad", "Related")
MAPPINGS = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")


@dataclass(frozen=True)
class Term:
    """One page: an EXOC term with its text, its neighbours and how much the release uses it."""

    iri: str
    link: Link
    folder: str
    kind: str
    definition: str
    comment: str
    synonyms: tuple[tuple[str, str], ...]      # (scope, text)
    mappings: tuple[tuple[str, Link], ...]     # (skos predicate, target)
    parents: tuple[Link, ...]
    children: tuple[Link, ...]
    findings: int                              # findings that use it as a slot, value or flag
    triples: int                               # triples that use it as predicate or object
    deprecated: bool = False


@dataclass(frozen=True)
class TreeNode:
    link: Link
    children: tuple[TreeNode, ...]


def term_pages(store: ox.Store) -> dict[str, str]:
    """IRI -> page path of every EXOC term that gets a page."""
    pages: dict[str, str] = {}
    for owl_type, (folder, _kind) in KINDS.items():
        for row in select(store, f"SELECT ?s WHERE {{ ?s a <{owl_type}> }}"):
            iri = row["s"]
            if is_exoc(iri) and iri not in pages:
                pages[iri] = f"{folder}/{file_stem(compress(iri))}.html"
    return pages


def _kinds(store: ox.Store) -> dict[str, str]:
    out: dict[str, str] = {}
    for owl_type, (_folder, kind) in KINDS.items():
        for row in select(store, f"SELECT ?s WHERE {{ ?s a <{owl_type}> }}"):
            out.setdefault(row["s"], kind)
    return out


def _pairs(store: ox.Store, pattern: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in select(store, f"SELECT ?s ?o WHERE {{ {pattern} }}"):
        out[row["s"]].add(row["o"])
    return out


def _counts(store: ox.Store, query: str) -> dict[str, int]:
    return {row["t"]: int(row["n"]) for row in select(store, query)}


def _text(store: ox.Store, predicate: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in select(store, f"SELECT ?s ?v WHERE {{ ?s {predicate} ?v }}"):
        out[row["s"]] = min(out.get(row["s"], row["v"]), row["v"])
    return out


def gather_terms(store: ox.Store, linker: Linker) -> list[Term]:
    """Every EXOC term with a page, sorted by CURIE."""
    stem = PREFIX_MAP["EXOC"]
    kinds = _kinds(store)
    definitions, comments = _text(store, "IAO:0000115"), _text(store, "rdfs:comment")
    deprecated = set(_pairs(store, "?s owl:deprecated ?o FILTER(STR(?o) = 'true')"))
    synonyms = {scope: _pairs(store, f"?s oboInOwl:has{scope}Synonym ?o") for scope in SYNONYM_SCOPES}
    mappings = {m: _pairs(store, f"?s skos:{m} ?o FILTER(isIRI(?o))") for m in MAPPINGS}
    parents = {folder: _pairs(store, f"?s {p} ?o FILTER(isIRI(?o) && ?o != owl:NamedIndividual)")
               for folder, p in PARENT_PREDICATES.items()}
    children: dict[str, dict[str, set[str]]] = {}
    for folder, by_child in parents.items():
        children[folder] = defaultdict(set)
        for child, ps in by_child.items():
            for parent in ps:
                if is_exoc(child):
                    children[folder][parent].add(child)
    triples = _counts(store, f"""SELECT ?t (COUNT(*) AS ?n) WHERE {{
        {{ ?s ?t ?o }} UNION {{ ?s ?p ?t }} FILTER(STRSTARTS(STR(?t), "{stem}")) }} GROUP BY ?t""")
    findings = _counts(store, f"""SELECT ?t (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f a EXOC:0000001 .
        {{ ?f ?t ?o }} UNION {{ ?f ?p ?t }} FILTER(STRSTARTS(STR(?t), "{stem}")) }} GROUP BY ?t""")
    out = []
    for iri, page in sorted(linker.pages.items(), key=lambda kv: compress(kv[0])):
        folder = page.split("/", 1)[0]
        out.append(Term(
            iri=iri, link=linker(iri), folder=folder, kind=kinds.get(iri, folder),
            definition=definitions.get(iri, ""), comment=comments.get(iri, ""),
            synonyms=tuple(sorted((scope.lower(), s) for scope in SYNONYM_SCOPES
                                  for s in synonyms[scope].get(iri, ()))),
            mappings=tuple(sorted(((m, linker(o)) for m in MAPPINGS for o in mappings[m].get(iri, ())),
                                  key=lambda pair: (pair[0], pair[1].curie))),
            parents=linker.many(parents[folder].get(iri, set()) - {iri}),
            children=linker.many(children[folder].get(iri, set()) - {iri}),
            findings=findings.get(iri, 0), triples=triples.get(iri, 0), deprecated=iri in deprecated))
    return out


def class_tree(terms: list[Term], linker: Linker) -> tuple[TreeNode, ...]:
    """The EXOC classes as a forest: a class whose parents are all external is a root."""
    classes = {t.iri: t for t in terms if t.folder == "class"}
    by_curie = {t.link.curie: t.iri for t in classes.values()}

    def node(iri: str, seen: frozenset[str]) -> TreeNode:
        kids = [by_curie[c.curie] for c in classes[iri].children if c.curie in by_curie]
        return TreeNode(classes[iri].link, tuple(node(k, seen | {k}) for k in kids if k not in seen))

    roots = [t for t in classes.values() if not any(p.curie in by_curie for p in t.parents)]
    roots.sort(key=lambda t: (t.link.label.lower(), t.link.curie))
    return tuple(node(t.iri, frozenset({t.iri})) for t in roots)
