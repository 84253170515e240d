"""Search over labels and synonyms: case-insensitive substring or all-tokens match, best first."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from exo_ontology.namespaces import compress

OBO = "http://www.geneontology.org/formats/oboInOwl#"
#: predicate IRI -> what the match is shown as
NAME_PREDICATES = {
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    OBO + "hasExactSynonym": "exact synonym",
    OBO + "hasRelatedSynonym": "related synonym",
    OBO + "hasBroadSynonym": "broad synonym",
    OBO + "hasNarrowSynonym": "narrow synonym",
}
_TOKEN = re.compile(r"[^\W_]+")
MAX_HITS = 100


@dataclass(frozen=True)
class Name:
    iri: str
    text: str
    kind: str
    folded: str
    tokens: frozenset[str]


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    curie: str
    matched: str     # the name that matched
    kind: str        # label or which synonym


def _tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text.casefold()))


class SearchIndex:
    """Every label and synonym of every IRI of the default graph, held in memory."""

    def __init__(self, names: list[Name], labels: dict[str, str]) -> None:
        self.names = names
        self.labels = labels

    @classmethod
    def build(cls, store: ox.Store) -> SearchIndex:
        names: list[Name] = []
        labels: dict[str, str] = {}
        for predicate, kind in NAME_PREDICATES.items():
            for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.DefaultGraph()):
                if not isinstance(quad.subject, ox.NamedNode) or not isinstance(quad.object, ox.Literal):
                    continue
                iri, text = quad.subject.value, quad.object.value
                names.append(Name(iri, text, kind, text.casefold(), _tokens(text)))
                if kind == "label" and (iri not in labels or text < labels[iri]):
                    labels[iri] = text
        names.sort(key=lambda n: (n.iri, n.kind, n.text))
        return cls(names, labels)

    def find(self, query: str, limit: int = MAX_HITS) -> list[Hit]:
        """One hit per IRI, by its best name: exact, then prefix, then substring, then all tokens;
        a label before a synonym, shorter names first."""
        folded = query.strip().casefold()
        wanted = _tokens(folded)
        if not folded:
            return []
        best: dict[str, tuple[tuple[int, int, int, str], Name]] = {}
        for name in self.names:
            if name.folded == folded:
                rank = 0
            elif name.folded.startswith(folded):
                rank = 1
            elif folded in name.folded:
                rank = 2
            elif wanted and wanted <= name.tokens:
                rank = 3
            else:
                continue
            key = (rank, 0 if name.kind == "label" else 1, len(name.text), name.text)
            if name.iri not in best or key < best[name.iri][0]:
                best[name.iri] = (key, name)
        ordered = sorted(best.items(), key=lambda item: (item[1][0], item[0]))[:limit]
        return [Hit(iri, self.labels.get(iri, compress(iri)), compress(iri), name.text, name.kind)
                for iri, (_, name) in ordered]
