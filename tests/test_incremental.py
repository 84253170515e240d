"""Incremental rebuilds: after one document is added, the build takes what did not change from
build.cache/ (each document's ABox lines, the SHACL rows of unchanged shards, docs pages
and drawings whose records did not change, the quality report), and the release is
byte-identical to a clean build of the same inputs; a corrupt cache entry is recomputed, never an error."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from jinja2 import Template

from exo_ontology.paths import Paths
from exo_ontology.pipeline import quality_cache
from exo_ontology.pipeline.build import build
from exo_ontology.query.store import load_data, open_store, stale_reason, store_path
from exo_ontology.reading import add_source
from exo_ontology.release import abox_cache
from exo_ontology.release.docs import network
from exo_ontology.validation import shards
from tests.conftest import copy_project, quiet
from tests.test_build import digests

NEW_PAPER = ("Exosomes derived from M2 macrophages carry miR-21, which promotes angiogenesis "
             "and drug resistance in glioblastoma cells [3].\n")


def _spy(monkeypatch: pytest.MonkeyPatch, module: object, name: str, calls: Counter[str]) -> None:
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[name] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)


def _blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def test_a_rebuild_after_adding_a_document_recomputes_only_what_changed(
        project: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first: Counter[str] = Counter()
    _spy(monkeypatch, Template, "render", first)
    _spy(monkeypatch, network, "render_svg", first)
    build(project, reasoner=False, log=quiet)
    monkeypatch.undo()
    cache = project.root / "build.cache"
    for folder, pattern in (("abox", "*/*.pickle"), ("shacl", "*.json"), ("docs", "*/*"), ("quality", "*.md")):
        assert list((cache / folder).glob(pattern)), folder
    paper = tmp_path / "006_glioma_note.txt"
    paper.write_text(NEW_PAPER, encoding="utf-8")
    add_source(project.sources_dir, paper, title="A note on glioma EVs", licence="CC BY 4.0")
    # one corrupt entry of each cache: recomputed, not an error
    next((cache / "abox").glob("*/*.pickle")).write_bytes(b"not a pickle")
    next((cache / "shacl").glob("*.json")).write_text("{not json", encoding="utf-8")
    page = next((cache / "docs").glob("*/*"))
    page.write_bytes(page.read_bytes()[:-20])
    calls: Counter[str] = Counter()
    for module, name in ((abox_cache.stream, "document_graphs"), (shards, "_check"), (Template, "render"),
                         (network, "render_svg"), (quality_cache, "write_quality_report")):
        _spy(monkeypatch, module, name, calls)
    build(project, reasoner=False, log=quiet)
    monkeypatch.undo()
    assert calls["document_graphs"] == 2  # the new document and the corrupt entry's
    assert calls["_check"] <= 2           # the new document's shard (and the corrupt one's, if another)
    assert calls["write_quality_report"] == 0  # the new document is no gold document
    # the index and disease pages, the new findings' pages, the pages of terms whose counts changed
    assert 0 < calls["render"] < first["render"] / 2
    assert calls["render_svg"] < first["render_svg"]

    clean = copy_project(tmp_path / "clean")
    shutil.copyfile(project.manifest, clean.manifest)
    shutil.copyfile(project.sources_dir / paper.name, clean.sources_dir / paper.name)
    build(clean, reasoner=False, log=quiet)
    assert digests(project.build_dir) == digests(clean.build_dir)
    # build/store/ is the store the release was written from, with the named graphs added: the quads a
    # store loaded from the release files holds
    assert stale_reason(project.build_dir) is None
    on_disk, loaded = open_store(store_path(project.build_dir)), load_data([project.build_dir])
    assert len(on_disk) == len(loaded) > 1000
    # blank nodes are named afresh by each load
    assert {q for q in on_disk if not _blank(q)} == {q for q in loaded if not _blank(q)}
    # entries of documents no longer in the release are not kept
    assert len(list((cache / "abox").glob("*/*.pickle"))) == len(list((clean.root / "build.cache" / "abox")
                                                                       .glob("*/*.pickle")))
