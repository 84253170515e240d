"""Parallel and incremental builds: Dask workers give what one process gives, the findings cache
re-extracts only what changed, and a build with nothing changed leaves build/ alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from exo_ontology.evaluation.run import corpus_documents
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult, build
from exo_ontology.pipeline.cache import FindingsCache
from exo_ontology.pipeline.documents import Reader
from exo_ontology.pipeline.extract import extract_cached
from exo_ontology.pipeline.fingerprint import extraction_key
from exo_ontology.pipeline.parallel import SERIAL, DocumentMapper, Engine, map_documents
from exo_ontology.reading import add_source
from tests.conftest import ROOT, copy_project
from tests.test_build import digests

NEW_PAPER = ("Exosomes derived from M2 macrophages carry miR-21, which promotes angiogenesis "
             "and drug resistance in glioblastoma cells [3].\n")


def _add_paper(project: Paths, tmp_path: Path) -> None:
    paper = tmp_path / "006_glioma_note.txt"
    paper.write_text(NEW_PAPER, encoding="utf-8")
    add_source(project.sources_dir, paper, title="A note on glioma EVs", licence="CC BY 4.0")


def test_a_two_worker_cluster_gives_the_findings_of_one_process(reader: Reader) -> None:
    docs = corpus_documents(Paths(ROOT))[:12]
    one = map_documents(docs, Paths(ROOT), SERIAL, lambda: reader)
    two = map_documents(docs, Paths(ROOT), Engine(workers=2), lambda: reader)
    assert [r.doc_id for r in two] == [d.doc_id for d in docs]
    assert sum(len(r.findings) for r in one) > 10
    assert two == one


def test_a_running_dask_cluster_is_used_by_its_scheduler_address(reader: Reader) -> None:
    from distributed import LocalCluster

    docs = corpus_documents(Paths(ROOT))[:4]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        remote = map_documents(docs, Paths(ROOT), Engine(scheduler=cluster.scheduler_address), lambda: reader)
        assert cluster.scheduler is not None and cluster.scheduler.n_tasks > 0  # the work went through it
    assert remote == map_documents(docs, Paths(ROOT), SERIAL, lambda: reader)


def test_build_with_two_workers_is_byte_identical_to_one(built: tuple[Paths, BuildResult], tmp_path: Path) -> None:
    one, _result = built
    project = copy_project(tmp_path / "p")
    run = subprocess.run([sys.executable, "-m", "exo_ontology", "build", "--workers", "2", "--root",
                          str(project.root)], check=False, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "re-extracted 5 documents" in run.stderr
    assert digests(project.build_dir) == digests(one.build_dir)


def test_an_added_document_is_the_only_one_extracted_and_the_release_equals_a_clean_build(
        project: Paths, tmp_path: Path) -> None:
    build(project, reasoner=False, log=lambda _m: None)
    _add_paper(project, tmp_path)
    messages: list[str] = []
    build(project, reasoner=False, log=messages.append)
    assert "reading documents: re-extracted 1 document (006_glioma_note), 5 from cache; " in "\n".join(messages)
    assert any(m.startswith("reading the evaluation corpus: re-extracted 0 documents") for m in messages)
    clean = copy_project(tmp_path / "clean")
    shutil.copyfile(project.manifest, clean.manifest)
    shutil.copyfile(project.sources_dir / "006_glioma_note.txt", clean.sources_dir / "006_glioma_note.txt")
    build(clean, reasoner=False, log=lambda _m: None)
    assert digests(project.build_dir) == digests(clean.build_dir)


def test_nothing_changed_leaves_build_alone_and_any_input_change_rebuilds(project: Paths) -> None:
    first = build(project, reasoner=False, log=lambda _m: None)
    stamps = {p: p.stat().st_mtime_ns for p in project.build_dir.rglob("*") if p.is_file()}
    messages: list[str] = []
    again = build(project, reasoner=False, log=messages.append)
    assert again.up_to_date and messages == ["release up to date: build/ already holds the release of these inputs"]
    assert again.counts == first.counts and again.report.conforms
    assert {p: p.stat().st_mtime_ns for p in project.build_dir.rglob("*") if p.is_file()} == stamps
    # a build without the reasoner is not the release of a build with it
    assert not build(project, reasoner=True, log=lambda _m: None).up_to_date
    # a missing release file means build/ is not complete
    (project.build_dir / "exoc.owl").unlink()
    assert not build(project, reasoner=True, log=lambda _m: None).up_to_date
    assert (project.build_dir / "exoc.owl").is_file()
    # an edit of a source re-extracts that document only
    doc = next(project.sources_dir.glob("002_*.txt"))
    doc.write_bytes(doc.read_bytes() + b"\nExosomal miR-21 promotes proliferation of gastric cancer cells.\n")
    messages.clear()
    assert not build(project, reasoner=True, log=messages.append).up_to_date
    assert f"reading documents: re-extracted 1 document ({doc.stem}), 4 from cache" in "\n".join(messages)


def test_a_lexicon_change_invalidates_the_findings_cache(project: Paths, reader: Reader) -> None:
    before = extraction_key(project)
    overrides = project.curation_dir / "groundings.tsv"
    overrides.write_text(overrides.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert extraction_key(project) != before
    docs = corpus_documents(Paths(ROOT))[:2]
    first = extract_cached(docs, project, DocumentMapper(project, SERIAL, lambda: reader))
    assert first.extracted == [d.doc_id for d in docs] and first.cached == 0
    again = extract_cached(docs, project, DocumentMapper(project, SERIAL, lambda: reader))
    assert again.extracted == [] and again.cached == 2 and again.findings == first.findings


def test_an_unreadable_cache_file_is_extracted_again(project: Paths, reader: Reader) -> None:
    docs = corpus_documents(Paths(ROOT))[:1]
    first = extract_cached(docs, project, DocumentMapper(project, SERIAL, lambda: reader))
    cache = FindingsCache.open(project.root / "build.cache", extraction_key(project))
    for path in cache.folder.rglob("*.pickle"):
        path.write_bytes(b"not a pickle")
    again = extract_cached(docs, project, DocumentMapper(project, SERIAL, lambda: reader))
    assert again.extracted == [docs[0].doc_id] and again.findings == first.findings


class _Interrupted(Exception):
    """What the test's mapper raises after its first document, as a Ctrl-C or a dying worker would."""


class _StopsAfterOne(DocumentMapper):
    def map(self, docs, advance=lambda _r: None):  # type: ignore[no-untyped-def]
        def first_only(result):  # type: ignore[no-untyped-def]
            advance(result)
            raise _Interrupted

        return super().map(docs, first_only)


def test_an_interrupted_extraction_keeps_what_it_read(project: Paths, reader: Reader) -> None:
    docs = corpus_documents(Paths(ROOT))[:3]
    try:
        extract_cached(docs, project, _StopsAfterOne(project, SERIAL, lambda: reader))
    except _Interrupted:
        pass
    else:
        raise AssertionError("the mapper did not stop")
    again = extract_cached(docs, project, DocumentMapper(project, SERIAL, lambda: reader))
    assert again.cached == 1 and again.extracted == [d.doc_id for d in docs[1:]]
