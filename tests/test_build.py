"""End-to-end: the release built from sources/ is complete, verbatim, valid, stable and deterministic."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from exo_ontology.errors import ValidationFailed
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.namespaces import compress
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult, build
from exo_ontology.reading import read_manifest
from exo_ontology.release.findings_table import columns, read_tsv
from exo_ontology.release.imports import module_of
from tests.conftest import ROOT, quiet

RELEASE_FILES = ("exoc.owl", "exoc.ttl", "exoc-base.ttl", "exoc.jsonld", "context.jsonld", "exoc.nt", "exoc.trig",
                 "findings.tsv", "void.ttl", "exoc.sssom.tsv", "manifest.json", "docs/index.html",
                 "reports/validation.tsv", "reports/quality.md")


def digests(directory: Path) -> dict[str, str]:
    """Every release file's digest; `store/` (exo query's Oxigraph store, RocksDB files that are not
    byte-reproducible) is not a release file and is left out, as it is of manifest.json."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file() and p.relative_to(directory).parts[0] != "store"}


def test_release_has_every_artefact(built: tuple[Paths, BuildResult]) -> None:
    paths, result = built
    for name in RELEASE_FILES:
        assert (paths.build_dir / name).is_file(), name
    assert result.report.conforms
    assert {"shacl", "sparql", "hermit"} <= set(result.report.checks)


def test_findings_quote_is_verbatim_between_offsets(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    docs = {d.doc_id: d for d in read_manifest(paths.manifest)[0]}
    rows = read_tsv(paths.build_dir / "findings.tsv")
    assert rows and list(rows[0]) == columns()
    for row in rows:
        raw = (paths.sources_dir / docs[row["document"]].path.name).read_bytes().decode("utf-8")
        start, end = int(row["char_start"]), int(row["char_end"])
        assert raw[start:end] == row["evidence"], row["finding"]
        assert row["knowledge_source"] in ("text_mining", "curated", "manual")


def test_findings_come_from_the_documents_with_claims(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    documents = {row["document"][:3] for row in read_tsv(paths.build_dir / "findings.tsv")}
    assert {"000", "001", "003", "004"} <= documents


def test_every_external_identifier_is_in_the_lexicon_and_current(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    lexicon = Lexicon.load(ROOT / "ontology" / "lexicon")
    graph = Graph().parse(paths.build_dir / "exoc.nt", format="nt")
    seen = {compress(str(n)) for t in graph for n in t if isinstance(n, URIRef)}
    external = sorted(c for c in seen if module_of(c))
    assert any(c.startswith("MONDO:") for c in external) and any(c.startswith("NCBIGene:") for c in external)
    for curie in external:
        term = lexicon.term(curie)
        assert term is not None, f"{curie} is not in the shipped lexicon"
        if term.obsolete:   # obsolete terms may appear only as deprecated declarations, never used
            assert not list(graph.subjects(None, URIRef(str(graph.namespace_manager.expand_curie(curie))))), curie


def test_two_builds_in_separate_processes_are_byte_identical(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    before = digests(paths.build_dir)
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        shutil.rmtree(paths.root / "build.cache", ignore_errors=True)  # a real build, not "up to date"
        subprocess.run([sys.executable, "-m", "exo_ontology", "build", "--root", str(paths.root)],
                       check=True, capture_output=True, env=env)
        assert digests(paths.build_dir) == before


def _finding_ids(paths: Paths) -> dict[str, str]:
    return {row["finding"]: row["document"] for row in read_tsv(paths.build_dir / "findings.tsv")}


def test_sixth_document_adds_findings_and_keeps_existing_iris(project: Paths, tmp_path: Path) -> None:
    build(project, reasoner=False, log=quiet)
    before = _finding_ids(project)
    from exo_ontology.reading import add_source

    paper = tmp_path / "005_glioma_note.txt"
    paper.write_text("Exosomes derived from M2 macrophages carry miR-21, which promotes angiogenesis "
                     "and drug resistance in glioblastoma cells [3].\n", encoding="utf-8")
    add_source(project.sources_dir, paper, title="A note on glioma EVs", licence="CC BY 4.0")
    build(project, reasoner=False, log=quiet)
    after = _finding_ids(project)
    assert set(before) <= set(after)
    assert any(doc.startswith("005") for doc in after.values())


def test_an_edit_elsewhere_keeps_finding_iris(project: Paths) -> None:
    build(project, reasoner=False, log=quiet)
    before = _finding_ids(project)
    doc = next(project.sources_dir.glob("004_*.txt"))
    raw = doc.read_bytes().decode("utf-8")
    cut = raw.index("2. Exosomes and drug delivery system in cancer")
    doc.write_bytes((raw[:cut] + "An unrelated sentence about the weather was added here.\n\n" + raw[cut:])
                    .encode("utf-8"))
    build(project, reasoner=False, log=quiet)
    after = _finding_ids(project)
    kept = [f for f, d in before.items() if d.startswith("004")]
    assert kept and all(f in after for f in kept)


def test_failed_build_leaves_previous_release_untouched(project: Paths) -> None:
    build(project, reasoner=False, log=quiet)
    before = digests(project.build_dir)
    edit = project.edit_file
    text = edit.read_text(encoding="utf-8")
    edit.write_text(text.replace('rdfs:label "tumor growth"@en', "", 1).replace(
        'rdfs:label "tumor growth"', "", 1), encoding="utf-8")
    assert edit.read_text(encoding="utf-8") != text, "fixture must remove a label"
    with pytest.raises(ValidationFailed, match="build/ left unchanged"):
        build(project, reasoner=False, log=quiet)
    assert digests(project.build_dir) == before
    report = (project.root / "build.failed" / "reports" / "validation.tsv").read_text(encoding="utf-8")
    assert "missing_label" in report and "EXOC:0003010" in report


def test_bad_documents_get_one_line_each_and_the_others_still_build(project: Paths) -> None:
    src = project.sources_dir
    (src / "101_empty.txt").write_bytes(b"")
    (src / "102_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (src / "103_latin1.txt").write_bytes("Exosomes from caf\xe9 cells".encode("latin-1"))
    with (src / "104_huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
        handle.seek(0)
        handle.write(b"Exosomes promote angiogenesis. ")
    (src / "105_nothing.txt").write_text("The weather was mild and the train left on time.\n", encoding="utf-8")
    header = (src / "manifest.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    names = ["101_empty.txt", "102_binary.txt", "103_latin1.txt", "104_huge.txt", "105_nothing.txt",
             "106_missing.txt"]
    with (src / "manifest.tsv").open("a", encoding="utf-8") as handle:
        for name in names:
            handle.write("\t".join(name if col == "file" else "" for col in header) + "\n")
    result = build(project, reasoner=False, log=quiet)
    for name in names:
        lines = [p for p in result.problems if name in p]
        assert len(lines) == 1 and "\n" not in lines[0], (name, result.problems)
    assert any("not UTF-8" in p or "UTF-8" in p for p in result.problems if "103_" in p)
    documents = {row["document"][:3] for row in read_tsv(project.build_dir / "findings.tsv")}
    assert {"000", "004"} <= documents
