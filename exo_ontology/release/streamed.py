"""Write the release from the findings of many documents in bounded memory (see release.stream): the
TBox in rdflib, the ABox as sorted N-Triples files, the release formats written by Oxigraph from those
files, and an on-disk Oxigraph store for what is computed by SPARQL (findings.tsv, docs, VoID sizes)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from exo_ontology.lexicon.io import Lexicon
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.reading.citations import CitationList
from exo_ontology.release import assembly, metadata, stream
from exo_ontology.release.abox_cache import AboxCache, document_lines
from exo_ontology.release.docs import render_docs
from exo_ontology.release.files import (
    ONTOLOGY_IRI,
    OXIGRAPH_FORMATS,
    SERIALIZATION_PREFIXES,
    WRITERS,
    ReleaseInfo,
    as_base,
    canonical,
)
from exo_ontology.release.findings_table import write_findings_tsv
from exo_ontology.release.imports import GENERATED_HEADER, build_import_modules, check_terms, referenced_curies
from exo_ontology.release.jsonld import CONTEXT_FILE, context_document, jsonld_from_ntriples
from exo_ontology.validation.report import Report


@dataclass
class Streamed:
    """What the validation needs after the files are written: the TBox, the sorted files, the store."""

    tbox: Graph
    full_nt: Path
    quads: Path
    store: ox.Store
    counts: dict[str, int] = field(default_factory=dict)
    report: Report = field(default_factory=Report)


def write_streamed_release(staging: Path, work: Path, ontology: Graph, docs: Sequence[SourceDoc],
                           findings: Sequence[Finding], lexicon: Lexicon, info: ReleaseInfo,
                           findings_query: Path,
                           citations: Mapping[str, Sequence[CitationList]] | None = None,
                           cache_dir: Path | None = None) -> Streamed:
    """Every release artefact into `staging`, with scratch files (sorted N-Triples, the store) in `work`;
    with `cache_dir` (build.cache/), unchanged documents' lines and docs pages come from the last build."""
    work.mkdir(parents=True, exist_ok=True)
    cache = AboxCache.open(cache_dir / "abox") if cache_dir else None
    curies: set[str] = set()

    def documents() -> Iterator[tuple[SourceDoc, Sequence[str]]]:
        for doc, entry in document_lines(docs, findings, citations or {}, cache):
            curies.update(entry.curies)
            yield doc, entry.lines

    abox = stream.write_abox_lines(documents(), work)
    curies |= referenced_curies([ontology])
    report = Report()
    report.extend("lexicon", check_terms(curies, lexicon))
    modules = build_import_modules(curies, lexicon)
    tbox = canonical(assembly.drop_ontology_headers(assembly.merge(ontology, *modules.values()), ONTOLOGY_IRI))
    base_tbox = canonical(as_base(ontology, info))
    full_nt, base_nt, quads = work / "full.nt", work / "base.nt", work / "quads.tsv"
    n_full = stream.sort_unique([abox.triples, stream.write_lines(stream.graph_lines(tbox), work / "tbox.nt")],
                                full_nt)
    n_base = stream.sort_unique([abox.triples, stream.write_lines(stream.graph_lines(base_tbox),
                                                                  work / "base-tbox.nt")], base_nt)
    stream.sort_unique([abox.quads], quads, key_tab=True)
    shutil.copyfile(full_nt, staging / "exoc.nt")
    (staging / "exoc.jsonld").write_bytes(jsonld_from_ntriples(full_nt.read_bytes()))
    for suffix, fmt in OXIGRAPH_FORMATS.items():
        ox.serialize(ox.parse(path=str(full_nt), format=ox.RdfFormat.N_TRIPLES), str(staging / f"exoc.{suffix}"),
                     fmt, prefixes=SERIALIZATION_PREFIXES)
    ox.serialize(ox.parse(path=str(base_nt), format=ox.RdfFormat.N_TRIPLES), str(staging / "exoc-base.ttl"),
                 ox.RdfFormat.TURTLE, prefixes=SERIALIZATION_PREFIXES)
    (staging / CONTEXT_FILE).write_bytes(context_document())
    ox.serialize(stream.quads_of(quads), str(staging / "exoc.trig"), ox.RdfFormat.TRIG,
                 prefixes=SERIALIZATION_PREFIXES)
    imports_dir = staging / "imports"
    imports_dir.mkdir()
    for name, module in sorted(modules.items()):
        (imports_dir / f"{name}_import.ttl").write_bytes(
            GENERATED_HEADER.encode() + WRITERS["ttl"](canonical(module)))
    store = ox.Store(str(work / "store"))
    store.bulk_load(path=str(full_nt), format=ox.RdfFormat.N_TRIPLES)
    n_findings = write_findings_tsv(store, findings_query, staging / "findings.tsv")
    counts = {"triples": n_full, "base_triples": n_base, "findings": n_findings, "documents": len(docs),
              "import_terms": sum(len(set(m.subjects())) for m in modules.values())}
    metadata.write_metadata(staging, tbox, list(docs), info, counts, metadata.Sizes.of_store(store))
    render_docs(staging / "docs", store, counts, cache_dir / "docs" if cache_dir else None)
    return Streamed(tbox, full_nt, quads, store, counts, report)
