"""`exo extract PATH...`: findings of files of any known format, one block of rows per article
(nothing is added to the release)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.documents import findings_from_text
from exo_ontology.pipeline.finding_rows import fast_rows
from exo_ontology.pipeline.snapshot import Snapshot, using_snapshot
from exo_ontology.reading.formats import detect, doc_id_of, is_known, read_articles

#: columns put before findings.tsv's in `exo extract` output: where each finding was read
WHERE_COLUMNS: tuple[str, ...] = ("file", "article")


@dataclass(frozen=True)
class Extracted:
    """Rows of findings (findings.tsv columns plus `file` and `article`) and one-line notes."""

    rows: tuple[dict[str, str], ...]
    notes: tuple[str, ...] = ()


def expand_inputs(inputs: Sequence[Path]) -> list[Path]:
    """Files named, and under each directory named every file of a known format (sorted, recursive)."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.rglob("*") if p.is_file() and not p.name.startswith(".")
                           and is_known(p))
            if not found:
                raise InputError(f"{item}: directory holds no file of a known format "
                                 "(.txt, .xml, .xml.gz, .json, .pubtator)")
            files += found
        elif item.is_file():
            files.append(item)
        else:
            raise MissingInputError(f"{item}: no such file or directory")
    return list(dict.fromkeys(files))


def extract_paths(paths: Paths, inputs: Sequence[Path]) -> Extracted:
    """Findings of every article of every file. A file that cannot be read stops everything (its
    one-line error names it); an article of a container file with nothing to read is noted and skipped."""
    files = expand_inputs(inputs)
    where: dict[str, tuple[str, str]] = {}
    plan: list[tuple[SourceDoc, str, bool]] = []
    notes: list[str] = []
    for path in files:
        fmt = detect(path)
        for article in read_articles(path):
            doc = SourceDoc(doc_id=doc_id_of(path, article.key), path=path, title=article.title,
                            part=article.key)
            if doc.doc_id in where:
                # the same article twice (pubmed.xml and pubmed.xml.gz): read once
                notes.append(f"{path}: {article.key or 'the file'} skipped: document {doc.doc_id} "
                             f"is read from {where[doc.doc_id][0]}")
                continue
            where[doc.doc_id] = (str(path), article.key)
            plan.append((doc, article.text, fmt.container))
    docs, rows = using_snapshot(paths, lambda snapshot: _read(paths, plan, snapshot, notes))
    if not docs:
        raise InputError(notes[0] if notes else "extract: no article to read")
    return Extracted(tuple({"file": where[row["document"]][0], "article": where[row["document"]][1], **row}
                           for row in rows), tuple(notes))


def _read(paths: Paths, plan: list[tuple[SourceDoc, str, bool]], snapshot: Snapshot,
          notes: list[str]) -> tuple[list[SourceDoc], list[dict[str, str]]]:
    """The documents read and their findings rows (notes of skipped articles added to `notes`)."""
    reader, docs, findings = snapshot.reader, [], []
    skipped: list[str] = []
    for doc, text, container in plan:
        try:
            findings += findings_from_text(doc, text, reader)
        except InputError as error:
            if not container:
                raise
            skipped.append(f"{error} ({doc.part})")
            continue
        docs.append(doc)
    notes += skipped            # only once the whole plan was read (a damaged snapshot reads it again)
    if not docs:
        return docs, []
    found = fast_rows(findings, snapshot.labels, reader.lexicon)
    if found is None:
        found = graph_rows(paths, docs, findings, reader.lexicon)
    return docs, found


def graph_rows(paths: Paths, docs: list[SourceDoc], findings: list[Finding],
               lexicon: Lexicon) -> list[dict[str, str]]:
    """The rows of ontology/sparql/findings.rq over the documents' assembled release graph (the
    release's own way; `fast_rows` gives the same rows without the graph when it can)."""
    from exo_ontology.pipeline.build import assemble_graphs
    from exo_ontology.release.findings_table import findings_rows
    from exo_ontology.validation.run import to_store

    graphs, _modules, _report = assemble_graphs(paths, docs, findings, lexicon)
    query = (paths.sparql_dir / "findings.rq").read_text(encoding="utf-8")
    return findings_rows(to_store(graphs["full"]), query)
