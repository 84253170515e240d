"""Read what is to be validated: any RDF file, or an ontology with everything it imports, resolved
offline through an XML catalog (as Protégé and ROBOT do).

`exo validate FILE --catalog catalog-v001.xml` checks a user's ontology that imports EXOC without
fetching anything: an import the catalog does not map is an error, never a download.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.release.files import guess_format

CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"


def load_graph(path: Path) -> Graph:
    """Parse any RDF file (format from its extension); named graphs are merged."""
    if not path.is_file():
        raise MissingInputError(f"{path}: no such file (run `exo build` first?)")
    fmt = guess_format(path)
    try:
        if fmt in ("trig", "nquads"):
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            merged = Graph()
            for quad in dataset.quads():
                merged.add(quad[:3])
            return merged
        graph = Graph()
        graph.parse(path, format=fmt)
        return graph
    except Exception as err:  # parsers raise many types; the user needs file + reason
        raise InputError(f"{path}: cannot be parsed as {fmt} ({err})") from err


def read_catalog(path: Path) -> dict[str, Path]:
    """Ontology IRI -> local file, from the `<uri name=... uri=...>` entries of an OASIS XML catalog."""
    if not path.is_file():
        raise MissingInputError(f"{path}: no such catalog file")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise InputError(f"{path}: not an XML catalog ({err})") from err
    entries: dict[str, Path] = {}
    for entry in root.iter(f"{CATALOG_NS}uri"):
        name, target = entry.get("name"), entry.get("uri")
        if not name or not target:
            raise InputError(f"{path}: a <uri> entry needs both name= and uri=")
        # relative targets are relative to the catalog's folder, as the OASIS specification says
        entries[name] = (path.parent / target).resolve()
    return entries


@dataclass(frozen=True)
class Closure:
    """The merged graph of an ontology and its imports, and the files each import was read from."""

    graph: Graph
    loaded: dict[str, Path]


def load_closure(path: Path, catalog: Path) -> Closure:
    """Parse `path` and, transitively, every owl:imports through the catalog (never the network)."""
    entries = read_catalog(catalog)
    merged = Graph()
    loaded: dict[str, Path] = {}
    pending: list[tuple[str, Path]] = [(str(path), path)]
    while pending:
        iri, file = pending.pop()
        if not file.is_file():
            raise MissingInputError(f"{catalog}: {iri} maps to {file}, which does not exist")
        graph = load_graph(file)
        loaded[iri] = file
        for ontology in graph.subjects(RDF.type, OWL.Ontology):
            loaded.setdefault(str(ontology), file)
        for imported in sorted(str(o) for o in graph.objects(None, OWL.imports) if isinstance(o, URIRef)):
            if imported in loaded or any(imported == i for i, _ in pending):
                continue
            if imported not in entries:
                raise InputError(f"{catalog}: no entry for the import {imported}; "
                                 "add a <uri name=... uri=...> row (imports are never downloaded)")
            pending.append((imported, entries[imported]))
        for triple in graph:
            merged.add(triple)
    return Closure(merged, loaded)
