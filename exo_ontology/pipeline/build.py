"""`exo build`: documents -> findings (pipeline.documents) -> curate, assemble, validate, evaluate, release."""

from __future__ import annotations

import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from exo_ontology.curation.citation_lists import citation_lists
from exo_ontology.curation.overlay import apply_overlay, load_overlay
from exo_ontology.errors import InputError, ValidationFailed
from exo_ontology.evaluation.run import corpus_documents
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline import uptodate
from exo_ontology.pipeline.documents import Log, Reader, findings_from_text
from exo_ontology.pipeline.extract import Extraction, extract_cached
from exo_ontology.pipeline.fingerprint import release_key
from exo_ontology.pipeline.lock import build_lock
from exo_ontology.pipeline.outcome import DocResult
from exo_ontology.pipeline.parallel import SERIAL, DocumentMapper, Engine
from exo_ontology.pipeline.quality_cache import write_quality_report_cached
from exo_ontology.progress import SILENT, Steps
from exo_ontology.query.store import add_named_graphs, install_store, stale_reason, write_store
from exo_ontology.reading import read_manifest, read_raw, unlisted_files
from exo_ontology.reading.citations import CitationList
from exo_ontology.release import assembly
from exo_ontology.release.citations import add_citations
from exo_ontology.release.files import (
    ONTOLOGY_IRI,
    as_base,
    canonical,
    read_release_info,
    stamp_version,
    swap_into_place,
    write_manifest,
)
from exo_ontology.release.imports import build_import_modules, check_terms, referenced_curies
from exo_ontology.release.streamed import write_streamed_release
from exo_ontology.validation.report import Report
from exo_ontology.validation.run import to_store, validate_release


@dataclass
class BuildResult:
    """What a build produced: counts, the validation report and the one-line problems met on the way."""

    out_dir: Path
    report: Report
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: nothing changed since the last build: build/ was left as it was
    up_to_date: bool = False


def assemble_graphs(paths: Paths, docs: list[SourceDoc], findings: list[Finding],
                    lexicon: Lexicon, citations: Mapping[str, Sequence[CitationList]] | None = None,
                    ) -> tuple[dict[str, Graph], dict[str, Graph], Report]:
    """Release graphs (full, base, per-document dataset) and the import modules."""
    info = read_release_info(paths.release_info)
    ontology = Graph()
    ontology.parse(paths.edit_file, format="turtle")
    stamp_version(ontology, info)
    dataset = assembly.findings_dataset(docs, findings)
    add_citations(dataset, citations or {})
    kg = assembly.merge(dataset)
    curies = referenced_curies([ontology, kg])
    report = Report()
    report.extend("lexicon", check_terms(curies, lexicon))
    modules = build_import_modules(curies, lexicon)
    full = assembly.drop_ontology_headers(assembly.merge(ontology, *modules.values(), kg), ONTOLOGY_IRI)
    base = as_base(assembly.merge(ontology, kg), info)
    graphs = {"full": canonical(full), "base": canonical(base), "dataset": dataset}
    return graphs, modules, report


def build(paths: Paths, reasoner: bool = True, log: Log = print, steps: Steps = SILENT,
          wait: bool = False, engine: Engine = SERIAL) -> BuildResult:
    """Build the release from sources/ into build/; build/ is replaced only if validation passes.

    One build at a time per project (`build.lock`): a second one waits (`wait`) or raises BuildLocked.
    Documents are extracted by `engine` (Dask workers) and cached; a build whose inputs are those of
    the current build/ does nothing ("release up to date").
    """
    with build_lock(paths.root, wait=wait):
        key = release_key(paths, f"reasoner={reasoner}")
        if uptodate.is_up_to_date(paths, key):
            log("release up to date: build/ already holds the release of these inputs")
            return _unchanged(paths)
        uptodate.forget(paths)
        result = _build(paths, reasoner, log, steps, engine)
        uptodate.record(paths, key)
        return result


def _unchanged(paths: Paths) -> BuildResult:
    """The current release, as a BuildResult read from its manifest and report (and its store made
    if missing)."""
    import json

    manifest = json.loads((paths.build_dir / "manifest.json").read_text(encoding="utf-8"))
    if stale_reason(paths.build_dir):
        write_store(paths.build_dir)
    return BuildResult(paths.build_dir, Report.read(paths.reports_dir / "validation.tsv"),
                       dict(manifest["counts"]), [], up_to_date=True)


def _extract(docs: list[SourceDoc], paths: Paths, mapper: DocumentMapper, log: Log,
             steps: Steps, what: str) -> Extraction:
    start, found = time.monotonic(), [0, 0]

    def done(result: DocResult) -> None:
        found[0] += 1
        found[1] += len(result.findings)
        advance(1)
        steps.status(f"{found[1]} findings, {found[0] / max(time.monotonic() - start, 1e-3):.0f} documents/s")

    with steps.step(what, total=len(docs)) as advance:
        extraction = extract_cached(docs, paths, mapper, log, done)
    seconds = time.monotonic() - start
    log(f"{what}: {extraction.summary()}; {len(extraction.findings)} findings in {seconds:.1f} s "
        f"({len(docs) / max(seconds, 1e-3):.0f} documents/s)")
    return extraction


def _build(paths: Paths, reasoner: bool, log: Log, steps: Steps, engine: Engine) -> BuildResult:
    docs, problems = read_manifest(paths.manifest)
    unlisted = unlisted_files(paths.manifest)
    if unlisted:
        raise InputError(unlisted[0] + (f" (and {len(unlisted) - 1} more unlisted files)" if len(unlisted) > 1 else ""))
    for problem in problems:
        log(f"warning: {problem}")
    with steps.step("loading the lexicon and the grounder"):
        reader = Reader.from_paths(paths)
    # the workers (each holding a grounder) are gone before the whole-graph steps begin
    with DocumentMapper(paths, engine, lambda: reader) as mapper:
        extraction = _extract(docs, paths, mapper, log, steps, "reading documents")
        corpus = _extract(corpus_documents(paths), paths, mapper, log, steps, "reading the evaluation corpus")
    findings, texts, read_problems = extraction.findings, extraction.texts, extraction.problems
    # a document that could not be read is not a source of this release
    docs = [doc for doc in docs if doc.doc_id in texts]
    machine = findings
    overlay = load_overlay(paths.curation_dir, reader.lexicon, texts,
                           {f.finding_id for f in findings}, assembly.exoc_terms(paths.edit_file))
    findings = apply_overlay(findings, overlay, texts)
    citations = citation_lists(paths.curation_dir, docs, texts)
    staging = paths.root / "build.staging"
    work = paths.root / "build.cache" / "work"
    for scratch in (staging, work):
        if scratch.exists():
            shutil.rmtree(scratch)
    (staging / "reports").mkdir(parents=True)
    info = read_release_info(paths.release_info)
    ontology = Graph()
    ontology.parse(paths.edit_file, format="turtle")
    stamp_version(ontology, info)
    with steps.step("writing the release files"):
        streamed = write_streamed_release(staging, work, ontology, docs, findings, reader.lexicon, info,
                                          paths.sparql_dir / "findings.rq", citations,
                                          paths.root / "build.cache")
    counts, report = streamed.counts, streamed.report
    checks = validate_release(streamed.tbox, streamed.quads, streamed.store, paths, reasoner=reasoner, steps=steps,
                              workers=engine.workers_for(len(docs)))
    # the store the release was written from becomes build/store/ once it holds the named graphs too
    add_named_graphs(streamed.store, staging)
    loaded = paths.root / "build.cache" / "store.next"
    shutil.rmtree(loaded, ignore_errors=True)
    del streamed  # closes RocksDB before its folder moves
    (work / "store").rename(loaded)
    shutil.rmtree(work, ignore_errors=True)
    report.extend("release", checks.problems)
    report.checks.extend(checks.checks)
    report.write(staging / "reports" / "validation.tsv")
    with steps.step("measuring extraction quality (reports/quality.md)"):
        write_quality_report_cached(paths, reader, machine, texts, staging / "reports" / "quality.md",
                                    extract=corpus.of)
    write_manifest(staging, read_release_info(paths.release_info), counts)
    result = BuildResult(paths.build_dir, report, counts, problems + read_problems)
    if not report.conforms:
        shutil.rmtree(loaded, ignore_errors=True)
        failed = paths.root / "build.failed"
        if failed.exists():
            shutil.rmtree(failed)
        staging.rename(failed)
        raise ValidationFailed(f"release invalid: {len(report.errors)} errors, see "
                               f"{failed / 'reports' / 'validation.tsv'}; build/ left unchanged")
    swap_into_place(staging, paths.build_dir, trash=paths.root / "build.cache" / "trash")
    install_store(paths.build_dir, loaded)  # build/store/ for `exo query`: outside manifest.json and the digests
    refresh_imports(paths, paths.build_dir / "imports")
    return result


def refresh_imports(paths: Paths, built: Path) -> None:
    """Copy the generated import modules to ontology/imports/ (only files whose content changed)."""
    paths.imports_dir.mkdir(parents=True, exist_ok=True)
    for module in sorted(built.glob("*_import.ttl")):
        target = paths.imports_dir / module.name
        if not target.is_file() or target.read_bytes() != module.read_bytes():
            shutil.copyfile(module, target)


def extract_file(paths: Paths, path: Path) -> list[dict[str, str]]:
    """Findings of any text file, as findings.tsv rows (nothing is added to the release)."""
    from exo_ontology.release.findings_table import findings_rows

    doc = SourceDoc(doc_id=path.stem, path=path)
    reader = Reader.from_paths(paths)
    findings = findings_from_text(doc, read_raw(doc), reader)
    graphs, _modules, _report = assemble_graphs(paths, [doc], findings, reader.lexicon)
    query = (paths.sparql_dir / "findings.rq").read_text(encoding="utf-8")
    return findings_rows(to_store(graphs["full"]), query)
