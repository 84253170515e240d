"""`exo diff`: what changed between two releases, term by term and finding by finding (like `robot diff`).

Each subject of a release becomes an `Entity`: its kind (class, property, individual, finding, …), its
label and its fields (label, definition, synonyms, mappings, parents, slot values, evidence …), each a
set of plain strings. Two releases are compared entity by entity, keyed on the IRI: added, removed,
or changed, with the values each changed field lost (`old`) and gained (`new`). A finding's evidence
is folded into the finding, so a moved quote is a change of that finding, not an entity of its own.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS
from rdflib.term import Node

from exo_ontology import vocabulary as V
from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.namespaces import IAO_DEFINITION, OBO, OBOINOWL, compress
from exo_ontology.release.assembly import SLOT_PROPERTIES
from exo_ontology.release.files import ONTOLOGY_IRI, guess_format

#: rdf:type -> kind, in order of precedence (an individual of a class is an individual, not a class)
KIND_OF_TYPE: dict[URIRef, str] = {
    V.FINDING: "finding",
    OWL.Ontology: "ontology",
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "data property",
    OWL.AnnotationProperty: "annotation property",
    OWL.NamedIndividual: "individual",
    DCTERMS.BibliographicResource: "document",
}
#: report order of kinds; "axiom" is an anonymous axiom (AllDisjointClasses …), "resource" anything else
KINDS: tuple[str, ...] = ("ontology", "class", "object property", "data property", "annotation property",
                          "individual", "document", "finding", "axiom", "resource")
CHANGES: tuple[str, ...] = ("added", "removed", "changed")

#: predicate -> (field, qualifier). The qualifier is kept with the value ("plant EVs [exact]").
FIELDS: dict[URIRef, tuple[str, str]] = {
    RDFS.label: ("label", ""),
    IAO_DEFINITION: ("definition", ""),
    OBOINOWL.hasExactSynonym: ("synonym", "exact"),
    OBOINOWL.hasRelatedSynonym: ("synonym", "related"),
    OBOINOWL.hasBroadSynonym: ("synonym", "broad"),
    OBOINOWL.hasNarrowSynonym: ("synonym", "narrow"),
    **{pred: ("mapping", compress(str(pred))) for pred in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch,
                                                           SKOS.narrowMatch, SKOS.relatedMatch, OBOINOWL.hasDbXref)},
    RDFS.subClassOf: ("parent", ""),
    RDFS.subPropertyOf: ("parent", ""),
    RDF.type: ("type", ""),
    RDFS.domain: ("domain", ""),
    RDFS.range: ("range", ""),
    OWL.deprecated: ("deprecated", ""),
    URIRef(f"{OBO}IAO_0100001"): ("replaced by", ""),
    RDFS.comment: ("comment", ""),
    OBOINOWL.inSubset: ("subset", ""),
    **{prop: (slot.replace("_", " "), "") for slot, prop in SLOT_PROPERTIES.items()},
    V.PATHWAY_TEXT: ("pathway text", ""),
    V.DISEASE_INHERITED: ("disease inherited", ""),
    V.HAS_KNOWLEDGE_SOURCE: ("knowledge source", ""),
    V.CURATION_NOTE: ("curation note", ""),
    PROV.wasQuotedFrom: ("evidence document", ""),
    V.QUOTE: ("evidence quote", ""),
    V.CHAR_START: ("evidence start", ""),
    V.CHAR_END: ("evidence end", ""),
    V.CITATION_MARKER: ("evidence citation", ""),
    V.SECTION: ("evidence section", ""),
    V.EXTRACTION_RULE: ("extraction rule", ""),
    V.EXTRACTOR_VERSION: ("extractor version", ""),
}
#: where an entity's label comes from, by kind (default rdfs:label)
LABEL_FIELDS: dict[str, str] = {"finding": "evidence quote", "document": compress(str(DCTERMS.title)),
                                "ontology": compress(str(DCTERMS.title))}
EMPTY_NAMES = frozenset({"-", "none"})
EMPTY_RELEASE = "(none)"
RELEASE_GRAPH_FILES = ("exoc.nt", "exoc.ttl")
_DATED_IRI = re.compile(r"/releases/([^/]+)/")


@dataclass(frozen=True)
class Change:
    """One line of a diff. For `changed`, `old` holds the values the field lost and `new` those it gained."""

    change: str
    kind: str
    id: str
    label: str
    field: str = ""
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class Entity:
    """A subject of a release as the diff sees it."""

    id: str
    kind: str
    label: str
    fields: Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class Release:
    """A graph to compare, with what reports call it and its version when known."""

    name: str
    graph: Graph
    version: str = ""
    date: str = ""


@dataclass(frozen=True)
class Diff:
    """The changes from one release to another, sorted: change, kind, id, field."""

    old: str
    new: str
    changes: tuple[Change, ...]


def _text(node: Node, graph: Graph, seen: frozenset[Node] = frozenset()) -> str:
    """A value as plain text; a blank node (restriction, list, axiom) written out in full."""
    if isinstance(node, Literal):
        return str(node)
    if not isinstance(node, BNode):
        return compress(str(node))
    if node in seen:
        return "[…]"
    inner = seen | {node}
    if graph.value(node, RDF.first) is not None:
        return "(" + " ".join(_text(item, graph, inner) for item in graph.items(node)) + ")"
    pairs = sorted(f"{compress(str(p))} {_text(o, graph, inner)}" for p, o in graph.predicate_objects(node)
                   if (p, o) != (RDF.type, OWL.Restriction))
    return "[" + "; ".join(pairs) + "]"


def _kind(types: set[Node]) -> str | None:
    return next((kind for rdf_type, kind in KIND_OF_TYPE.items() if rdf_type in types), None)


def _fields(graph: Graph, subjects: list[Node], kind_type: Node | None) -> dict[str, frozenset[str]]:
    values: dict[str, set[str]] = defaultdict(set)
    for subject in subjects:
        for pred, obj in graph.predicate_objects(subject):
            if pred == RDF.type and obj in (kind_type, V.EVIDENCE):
                continue
            if pred == PROV.wasDerivedFrom and (obj, RDF.type, V.EVIDENCE) in graph:
                continue
            known = FIELDS.get(URIRef(str(pred)))
            field, qualifier = known or (compress(str(pred)), "")
            text = _text(obj, graph)
            values[field].add(f"{text} [{qualifier}]" if qualifier else text)
    return {field: frozenset(found) for field, found in values.items()}


def _label(kind: str, fields: Mapping[str, frozenset[str]]) -> str:
    found = sorted(fields.get(LABEL_FIELDS.get(kind, "label"), ()))
    return " ".join(found[0].split()) if found else ""


def entities(graph: Graph) -> dict[str, Entity]:
    """Every subject of the graph as an Entity, keyed on its CURIE (or its text, for an anonymous axiom)."""
    out: dict[str, Entity] = {}
    evidence = set(graph.subjects(RDF.type, V.EVIDENCE))
    for subject in sorted(set(graph.subjects()), key=str):
        if subject in evidence and any(graph.subjects(PROV.wasDerivedFrom, subject)):
            continue
        if isinstance(subject, BNode):
            if not any(graph.subjects(None, subject)):
                text = _text(subject, graph)
                out[text] = Entity(text, "axiom", "", {})
            continue
        types = set(graph.objects(subject, RDF.type))
        kind = _kind(types) or "resource"
        kind_type = next((t for t, k in KIND_OF_TYPE.items() if k == kind and t in types), None)
        parts = [subject, *(e for e in graph.objects(subject, PROV.wasDerivedFrom) if e in evidence)]
        fields = _fields(graph, parts, kind_type)
        key = compress(str(subject))
        out[key] = Entity(key, kind, _label(kind, fields), fields)
    return out


def _sort_key(change: Change) -> tuple[int, int, bool, str, str]:
    # EXOC's own terms before the imported ones: they are what a release note is mostly about
    own = change.id.startswith("EXOC:")
    return CHANGES.index(change.change), KINDS.index(change.kind), not own, change.id, change.field


def _compare(old: Entity, new: Entity) -> list[Change]:
    label = new.label or old.label
    changes = []
    if old.kind != new.kind:
        changes.append(Change("changed", new.kind, new.id, label, "kind", old.kind, new.kind))
    for field in sorted(old.fields.keys() | new.fields.keys()):
        before, after = old.fields.get(field, frozenset()), new.fields.get(field, frozenset())
        if before != after:
            changes.append(Change("changed", new.kind, new.id, label, field,
                                  " | ".join(sorted(before - after)), " | ".join(sorted(after - before))))
    return changes


def diff_graphs(old: Graph, new: Graph) -> list[Change]:
    """Entities added, removed and changed from `old` to `new`, in a fixed order."""
    before, after = entities(old), entities(new)
    changes: list[Change] = []
    for key in before.keys() | after.keys():
        if key not in before:
            changes.append(Change("added", after[key].kind, key, after[key].label))
        elif key not in after:
            changes.append(Change("removed", before[key].kind, key, before[key].label))
        else:
            changes += _compare(before[key], after[key])
    return sorted(changes, key=_sort_key)


def diff_releases(old: Release, new: Release) -> Diff:
    """The diff of two loaded releases, named for reports."""
    return Diff(old.name, new.name, tuple(diff_graphs(old.graph, new.graph)))


def _parse(path: Path) -> Graph:
    fmt = guess_format(path)
    target = Dataset() if fmt in ("trig", "nquads") else Graph()
    try:
        target.parse(path, format=fmt)
    except Exception as err:  # rdflib's parsers raise many unrelated types; any of them means unparsable
        reason = " ".join(str(err).split())[:200] or type(err).__name__
        raise InputError(f"{path}: cannot be parsed as {fmt} ({reason})") from err
    if isinstance(target, Dataset):
        merged = Graph()
        for s, p, o, _ in target.quads():
            merged.add((s, p, o))
        return merged
    return target


def _manifest_version(directory: Path) -> tuple[str, str]:
    manifest = directory / "manifest.json"
    if not manifest.is_file():
        return "", ""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(f"{manifest}: not JSON ({err})") from err
    return str(data.get("version", "")), str(data.get("date", ""))


def _graph_version(graph: Graph) -> tuple[str, str]:
    version = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    match = _DATED_IRI.search(str(graph.value(ONTOLOGY_IRI, OWL.versionIRI) or ""))
    return str(version or ""), match.group(1) if match else ""


def load_release(spec: str) -> Release:
    """A release directory (its exoc.nt, else exoc.ttl), a single RDF file, or `-`/`none` for an empty release."""
    if spec.strip().lower() in EMPTY_NAMES:
        return Release(EMPTY_RELEASE, Graph())
    path = Path(spec)
    if path.is_dir():
        found = next((path / name for name in RELEASE_GRAPH_FILES if (path / name).is_file()), None)
        if found is None:
            raise MissingInputError(f"{path}: no {' or '.join(RELEASE_GRAPH_FILES)} in this directory")
        graph = _parse(found)
        version, date = _manifest_version(path)
    elif path.is_file():
        graph = _parse(path)
        version, date = "", ""
    else:
        raise MissingInputError(f"{path}: no such file or directory")
    if not version:
        version, date = _graph_version(graph)
    return Release(version or path.name, graph, version, date)
