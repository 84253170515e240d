"""Where each identifier's page lives in the docs folder, and the SPARQL helper the gatherers share."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from exo_ontology.namespaces import PREFIX_MAP, compress

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oboInOwl: <http://www.geneontology.org/formats/oboInOwl#>
PREFIX IAO: <http://purl.obolibrary.org/obo/IAO_>
PREFIX EXOC: <https://w3id.org/exoc/EXOC_>
"""


@dataclass(frozen=True)
class Link:
    """A named target: a page of the docs (href relative to the docs root) or a resolver URL."""

    label: str
    curie: str
    href: str
    external: bool

    def url(self, root: str) -> str:
        """The href as written on a page `root` (e.g. "../") below the docs root."""
        return self.href if self.external else root + self.href


def file_stem(curie: str) -> str:
    """A file name from a stable ID: `MONDO:0005061` -> `MONDO_0005061`."""
    return curie.replace(":", "_").replace("/", "_")


def is_exoc(iri: str) -> bool:
    return iri.startswith(PREFIX_MAP["EXOC"])


def finding_path(iri: str) -> str:
    return f"finding/{iri.rsplit('/', 1)[-1]}.html"


def disease_path(curie: str) -> str:
    return f"disease/{file_stem(curie)}.html"


class Linker:
    """Links to any IRI: an EXOC term's page when it has one, else the IRI itself, which the OBO
    PURLs and identifiers.org resolve."""

    def __init__(self, labels: dict[str, str], pages: dict[str, str]) -> None:
        self.labels = labels
        self.pages = pages

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or compress(iri)

    def __call__(self, iri: str) -> Link:
        curie = compress(iri)
        page = self.pages.get(iri)
        if page is not None:
            return Link(self.label(iri), curie, page, external=False)
        return Link(self.label(iri), curie, iri, external=True)

    def many(self, iris: list[str] | set[str]) -> tuple[Link, ...]:
        return tuple(sorted((self(i) for i in set(iris)), key=lambda link: (link.label.lower(), link.curie)))


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    """SELECT rows as {variable: lexical value}; unbound variables are left out."""
    result = store.query(PREFIXES + query)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
        rows.append(row)
    return rows


def labels(store: ox.Store) -> dict[str, str]:
    """rdfs:label of every IRI (the smallest when a term has several, so the choice is stable)."""
    out: dict[str, str] = {}
    for row in select(store, "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(isIRI(?s)) }"):
        s, label = row["s"], row["l"]
        if s not in out or label < out[s]:
            out[s] = label
    return out
