"""Bounded-memory release writing: the ABox streamed as sorted N-Triples, and SHACL by document shards."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from exo_ontology import vocabulary as V
from exo_ontology.model import SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.release.files import SERIALIZATION_PREFIXES
from exo_ontology.release.stream import quads_of, sort_unique, write_abox
from exo_ontology.validation import shards
from exo_ontology.validation.report import Problem
from exo_ontology.validation.shacl import load_shapes, run_shacl
from exo_ontology.validation.shard_cache import ShardCache
from exo_ontology.validation.shards import run_shacl_sharded, shard_texts


def _release_parts(build_dir: Path, drop: set[str]) -> tuple[list[str], list[str]]:
    """(TBox N-Triples lines, ABox `graph<TAB>line` rows) of a release, without triples of predicates `drop`."""
    abox: list[str] = []
    for quad in ox.parse(path=str(build_dir / "exoc.trig"), format=ox.RdfFormat.TRIG):
        if quad.predicate.value not in drop:
            assert isinstance(quad.graph_name, ox.NamedNode)
            abox.append(f"{quad.graph_name.value}\t{ox.Triple(quad.subject, quad.predicate, quad.object)} .")
    in_abox = {row.split("\t", 1)[1] for row in abox}
    tbox = [line for line in (build_dir / "exoc.nt").read_text(encoding="utf-8").splitlines()
            if line not in in_abox and not any(f"<{p}>" in line for p in drop)]
    return tbox, abox


def test_sharded_shacl_gives_the_rows_of_a_whole_graph_run(built: tuple[Paths, BuildResult], tmp_path: Path) -> None:
    paths, _ = built
    # a broken release: no evidence has its quote, no document its type
    drop = {str(V.QUOTE), "http://purl.org/dc/terms/identifier"}
    tbox_lines, rows = _release_parts(paths.build_dir, drop)
    (tmp_path / "rows.tsv").write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    assert sort_unique([tmp_path / "rows.tsv"], tmp_path / "sorted.tsv", key_tab=True) == len(set(rows))
    tbox = Graph().parse(data="\n".join(tbox_lines) + "\n", format="nt")
    whole = Graph().parse(data="\n".join(tbox_lines + [r.split("\t", 1)[1] for r in rows]) + "\n", format="nt")
    shapes = load_shapes(paths.shapes_dir)
    expected = sorted(set(run_shacl(whole, shapes)))
    sharded = sorted(set(run_shacl_sharded(tbox, tmp_path / "sorted.tsv", paths.shapes_dir, size=2)))
    in_pool = sorted(set(run_shacl_sharded(tbox, tmp_path / "sorted.tsv", paths.shapes_dir, size=1, workers=2)))
    assert len(expected) > 100 and any(p.rule.endswith("DocumentShape") for p in expected)
    assert sharded == expected
    assert in_pool == expected


def test_the_abox_written_document_by_document_gives_the_trig_of_the_release(
        built: tuple[Paths, BuildResult], tmp_path: Path) -> None:
    paths, _ = built
    dataset = Dataset()
    dataset.parse(paths.build_dir / "exoc.trig", format="trig")
    graphs = [(SourceDoc(str(g.identifier).rsplit("/", 1)[-1], Path("x")), g)
              for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier), reverse=True) if len(g)]
    assert len(graphs) == 5
    abox = write_abox(graphs, tmp_path)
    sort_unique([abox.quads], tmp_path / "sorted.tsv", key_tab=True)
    written = ox.serialize(quads_of(tmp_path / "sorted.tsv"), format=ox.RdfFormat.TRIG,
                           prefixes=SERIALIZATION_PREFIXES)
    assert written == (paths.build_dir / "exoc.trig").read_bytes()


def test_shards_are_cut_by_content_and_their_rows_cached(built: tuple[Paths, BuildResult], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    paths, _ = built
    tbox_lines, rows = _release_parts(paths.build_dir, {str(V.QUOTE)})
    (tmp_path / "rows.tsv").write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    sort_unique([tmp_path / "rows.tsv"], tmp_path / "sorted.tsv", key_tab=True)
    tbox = Graph().parse(data="\n".join(tbox_lines) + "\n", format="nt")
    uncached = sorted(set(run_shacl_sharded(tbox, tmp_path / "sorted.tsv", paths.shapes_dir, size=2)))
    cache = ShardCache.open(tmp_path / "cache", paths.shapes_dir)
    assert sorted(set(run_shacl_sharded(tbox, tmp_path / "sorted.tsv", paths.shapes_dir, size=2, cache=cache))) \
        == uncached
    assert any("Evidence" in p.rule for p in uncached)
    entries = sorted((tmp_path / "cache").glob("*.json"))
    assert len(entries) == 1 + len(list(shard_texts(tmp_path / "sorted.tsv", 2)))  # the TBox and each shard

    # a second run with nothing changed checks nothing again
    def refuse(_text: str, _shapes: str) -> list[Problem]:
        raise AssertionError("a cached shard was checked again")

    with monkeypatch.context() as patched:
        patched.setattr(shards, "_check", refuse)
        again = ShardCache.open(tmp_path / "cache", paths.shapes_dir)
        assert sorted(set(run_shacl_sharded(tbox, tmp_path / "sorted.tsv", paths.shapes_dir, size=2,
                                            cache=again))) == uncached
    # a corrupt entry is checked again, never an error
    entries[-1].write_text("{not json", encoding="utf-8")
    again = ShardCache.open(tmp_path / "cache", paths.shapes_dir)
    assert sorted(set(run_shacl_sharded(tbox, tmp_path / "sorted.tsv", paths.shapes_dir, size=2,
                                        cache=again))) == uncached

    # one document fewer changes its own shard only (and merges it with the next one if it ended it)
    graphs = sorted({row.split("\t", 1)[0] for row in rows})
    gone = graphs[len(graphs) // 2]
    (tmp_path / "fewer.tsv").write_text("".join(r + "\n" for r in sorted(rows) if not r.startswith(gone + "\t")),
                                        encoding="utf-8")
    sort_unique([tmp_path / "fewer.tsv"], tmp_path / "fewer.sorted.tsv", key_tab=True)
    before = set(shard_texts(tmp_path / "sorted.tsv", 2))
    after = set(shard_texts(tmp_path / "fewer.sorted.tsv", 2))
    assert len(after - before) <= 1 and 1 <= len(before - after) <= 2
