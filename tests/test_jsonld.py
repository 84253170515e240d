"""exoc.jsonld is compact JSON-LD whose @context (published as context.jsonld) comes from the prefix map."""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

from exo_ontology.namespaces import CONVERTER, VOCAB_PREFIXES
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.release.jsonld import CONTEXT_FILE, compact_iri, context, jsonld_from_ntriples


def test_release_jsonld_parses_back_to_the_ntriples_graph(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    data = (paths.build_dir / "exoc.jsonld").read_bytes()
    nt = (paths.build_dir / "exoc.nt").read_bytes()
    expected = Graph().parse(data=nt, format="nt")
    assert isomorphic(Graph().parse(data=data, format="json-ld"), expected)
    assert set(ox.parse(data, format=ox.RdfFormat.JSON_LD)) == set(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))


def test_release_jsonld_is_compact_with_the_published_context(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    document = json.loads((paths.build_dir / "exoc.jsonld").read_text(encoding="utf-8"))
    published = json.loads((paths.build_dir / CONTEXT_FILE).read_text(encoding="utf-8"))
    assert document["@context"] == published["@context"] == context()
    prefixes = {k: (v["@id"] if isinstance(v, dict) else v) for k, v in context().items() if k != "@version"}
    assert prefixes == {**CONVERTER.bimap, **VOCAB_PREFIXES}
    node = next(n for n in document["@graph"] if n["@id"] == "EXOC:0000101")
    assert node["@type"] == "owl:ObjectProperty" and "rdfs:label" in node   # CURIEs, not full IRIs
    ids = [n["@id"] for n in document["@graph"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    manifest = json.loads((paths.build_dir / "manifest.json").read_text(encoding="utf-8"))
    assert CONTEXT_FILE in manifest["files"]


def test_same_graph_same_bytes_whatever_the_triple_order(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    lines = (paths.build_dir / "exoc.nt").read_text(encoding="utf-8").splitlines()
    shuffled = lines[:]
    random.Random(7).shuffle(shuffled)
    first = jsonld_from_ntriples(("\n".join(lines) + "\n").encode())
    second = jsonld_from_ntriples(("\n".join(shuffled) + "\n").encode())
    assert first == second == (paths.build_dir / "exoc.jsonld").read_bytes()


def test_compact_iris_never_read_as_another_iri() -> None:
    assert compact_iri("https://w3id.org/exoc/EXOC_0000001") == "EXOC:0000001"
    assert compact_iri("http://identifiers.org/mirbase.mature/MIMAT0000076") == "mirbase.mature:MIMAT0000076"
    assert compact_iri("http://purl.obolibrary.org/obo/GO_") == "http://purl.obolibrary.org/obo/GO_"
    assert compact_iri("http://purl.org/dc/terms///x") == "http://purl.org/dc/terms///x"
    assert compact_iri("https://example.org/x") == "https://example.org/x"
