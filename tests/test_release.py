"""Release writers: every format round-trips to an isomorphic graph; bytes do not depend on insertion order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from exo_ontology.errors import InputError
from exo_ontology.release.files import (
    PARSERS,
    WRITERS,
    ReleaseInfo,
    canonical,
    read_release_info,
    stamp_version,
    swap_into_place,
)

EX = "https://w3id.org/exoc/EXOC_"


def sample_graph(order_seed: int = 0) -> Graph:
    """A small graph with a blank node (an OWL restriction), literals with language and datatype."""
    triples = [
        (URIRef(EX + "0000001"), RDF.type, OWL.Class),
        (URIRef(EX + "0000001"), RDFS.label, Literal("finding", lang="en")),
        (URIRef(EX + "0000002"), RDFS.label, Literal("quote with \"quotes\"\nand a line break")),
        (URIRef(EX + "0000002"), URIRef(EX + "0000121"), Literal(12)),
    ]
    restriction = BNode()
    triples += [(URIRef(EX + "0000001"), RDFS.subClassOf, restriction),
                (restriction, RDF.type, OWL.Restriction),
                (restriction, OWL.onProperty, URIRef(EX + "0000101")),
                (restriction, OWL.someValuesFrom, OWL.Thing)]
    random.Random(order_seed).shuffle(triples)
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_every_format_round_trips(tmp_path: Path, suffix: str) -> None:
    graph = canonical(sample_graph())
    path = tmp_path / f"out.{suffix}"
    path.write_bytes(WRITERS[suffix](graph))
    back = Graph().parse(path, format=PARSERS[path.suffix])
    assert isomorphic(graph, back)


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_bytes_do_not_depend_on_insertion_order_or_bnode_ids(suffix: str) -> None:
    first = WRITERS[suffix](canonical(sample_graph(1)))
    second = WRITERS[suffix](canonical(sample_graph(2)))
    assert first == second


def test_ntriples_lines_are_sorted() -> None:
    lines = WRITERS["nt"](canonical(sample_graph())).decode().splitlines()
    assert lines == sorted(lines) and len(lines) == 8


def test_release_info_and_version_stamp(tmp_path: Path) -> None:
    toml = tmp_path / "release.toml"
    toml.write_text('version = "2030-01-02"\ndate = "2030-01-02"\n')
    info = read_release_info(toml)
    graph = Graph()
    stamp_version(graph, info)
    assert (None, OWL.versionIRI, URIRef("https://w3id.org/exoc/releases/2030-01-02/exoc.owl")) in graph
    toml.write_text("version = 1\n")
    with pytest.raises(InputError, match=r"release\.toml"):
        read_release_info(toml)
    assert ReleaseInfo("v", "d").version_iri.endswith("/d/exoc.owl")


def test_swap_replaces_the_old_release_whole(tmp_path: Path) -> None:
    target, staging = tmp_path / "build", tmp_path / "build.staging"
    target.mkdir()
    (target / "old.txt").write_text("old")
    staging.mkdir()
    (staging / "new.txt").write_text("new")
    swap_into_place(staging, target)
    assert sorted(p.name for p in target.iterdir()) == ["new.txt"]
    assert not staging.exists() and not (tmp_path / "build.old").exists()


def test_swap_with_a_trash_folder_removes_the_old_release_in_the_background(tmp_path: Path) -> None:
    import time

    target, staging, trash = tmp_path / "build", tmp_path / "build.staging", tmp_path / "cache" / "trash"
    target.mkdir()
    (target / "old.txt").write_text("old")
    staging.mkdir()
    (staging / "new.txt").write_text("new")
    trash.mkdir(parents=True)
    (trash / "left-by-an-interrupted-build").mkdir()
    swap_into_place(staging, target, trash=trash)
    assert sorted(p.name for p in target.iterdir()) == ["new.txt"]
    assert not staging.exists() and not (tmp_path / "build.old").exists()
    deadline = time.monotonic() + 30
    while any(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(trash.iterdir())
