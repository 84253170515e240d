"""Linked-data pages: which IRI a path names, a resource's description (its triples as subject with the
blank nodes they reach, CBD-like, plus the labels of what they point to), and where each IRI's page is."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox

from exo_ontology.namespaces import CONVERTER, compress

#: the release's IRIs all start here; the path after it is the path of the page
BASE = "https://w3id.org/exoc/"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
#: CURIE prefix -> folder of the pages of external terms of that kind (others live at /term?iri=)
FOLDERS = {"MONDO": "disease"}
MAX_INCOMING = 500


def iri_of_path(path: str) -> str:
    return BASE + path


def iri_of_stem(folder: str, stem: str) -> str | None:
    """`disease`, `MONDO_0005061` -> the MONDO IRI; None when the stem is not of that folder's prefix."""
    prefix, _, local = stem.partition("_")
    if FOLDERS.get(prefix) != folder or not local:
        return None
    return CONVERTER.expand(f"{prefix}:{local}")


def page_url(iri: str) -> str:
    """The server path of an IRI's page."""
    if iri.startswith(BASE):
        return "/" + quote(iri[len(BASE):], safe="/_-.~")
    curie = compress(iri)
    prefix, _, local = curie.partition(":")
    folder = FOLDERS.get(prefix)
    if folder is not None and curie != iri:
        return f"/{folder}/{prefix}_{quote(local, safe='')}"
    return "/term?iri=" + quote(iri, safe="")


@dataclass(frozen=True)
class Description:
    """What the server says about one IRI."""

    iri: str
    triples: tuple[ox.Triple, ...]            # as subject (CBD) and the labels of the objects
    incoming: tuple[tuple[str, str], ...]     # (subject IRI, predicate IRI) of triples pointing here

    def rdf(self) -> list[ox.Triple]:
        return sorted(self.triples, key=str)


def _as_subject(store: ox.Store, node: ox.NamedNode | ox.BlankNode, seen: set[str]) -> list[ox.Triple]:
    out = []
    for quad in store.quads_for_pattern(node, None, None, ox.DefaultGraph()):
        out.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        if isinstance(quad.object, ox.BlankNode) and quad.object.value not in seen:
            seen.add(quad.object.value)
            out.extend(_as_subject(store, quad.object, seen))
    return out


def _labels(store: ox.Store, iris: set[str]) -> list[ox.Triple]:
    out: list[ox.Triple] = []
    for iri in sorted(iris):
        node = ox.NamedNode(iri)
        out.extend(ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.quads_for_pattern(node, RDFS_LABEL, None, ox.DefaultGraph()))
    return out


def describe(store: ox.Store, iri: str) -> Description | None:
    """The description of `iri`, or None when the release says nothing about it (404)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return None
    own = _as_subject(store, node, set())
    objects = {t.object.value for t in own if isinstance(t.object, ox.NamedNode) and t.object.value != iri}
    incoming = []
    for quad in store.quads_for_pattern(None, None, node, ox.DefaultGraph()):
        if isinstance(quad.subject, ox.NamedNode):
            incoming.append((quad.subject.value, quad.predicate.value))
    if not own and not incoming:
        return None
    triples = {str(t): t for t in own + _labels(store, objects)}
    return Description(iri, tuple(triples[k] for k in sorted(triples)), tuple(sorted(set(incoming))[:MAX_INCOMING]))

