"""`exo sources add`: copy a received file into sources/ unchanged and append its manifest row(s).

A text file is one document (one row, as before). A container file (PubMed XML, BioC, PubTator)
is copied once and gets one row per article, the article's key in the `part` column; an article
whose PMID (or key) is already listed is skipped with a note.
"""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.model import SourceDoc
from exo_ontology.reading.formats import Article, detect, doc_id_of, read_articles
from exo_ontology.reading.sources import COLUMNS, OPTIONAL_COLUMNS, listed_names, read_manifest, read_raw


@dataclass(frozen=True)
class Added:
    """What `add_sources` did: the documents it listed and one-line notes on what it skipped."""

    docs: tuple[SourceDoc, ...]
    notes: tuple[str, ...] = ()


def add_source(
    sources_dir: Path,
    path: Path,
    title: str = "",
    doi: str = "",
    licence: str = "",
    authors: str = "",
    year: str = "",
    journal: str = "",
    pmid: str = "",
    pmcid: str = "",
    kind: str = "",
) -> SourceDoc:
    """Copy a text file into sources/ and append its manifest row (the manifest is made if absent).

    The file is checked with read_raw before anything is written, so a bad file leaves sources/
    untouched. A different file of the same name is never overwritten.
    """
    if not path.is_file():
        raise MissingInputError(f"{path}: file not found")
    target = sources_dir / path.name
    candidate = SourceDoc(doc_id=target.stem, path=target, title=title, authors=authors,
                          year=year, journal=journal, doi=doi, pmid=pmid, pmcid=pmcid,
                          licence=licence, kind=kind)
    read_raw(SourceDoc(doc_id=path.stem, path=path))
    manifest = sources_dir / "manifest.tsv"
    if manifest.is_file():
        listed, _problems = read_manifest(manifest)
        names = {doc.path.name for doc in listed} | listed_names(manifest)
        if target.name in names:
            raise InputError(f"{manifest}: {target.name} is already listed; edit its row instead")
    _copy_once(path, target)
    _append_rows(manifest, [candidate])
    return candidate


def add_sources(sources_dir: Path, path: Path, title: str = "", doi: str = "", licence: str = "") -> Added:
    """Add a file of any known format: a text file as add_source does, a container one row per article.

    For a container, the options fill only what the file does not state (a PubMed file states no licence).
    """
    fmt = detect(path)
    if not fmt.container:
        return Added((add_source(sources_dir, path, title=title, doi=doi, licence=licence),))
    articles = read_articles(path)
    target = sources_dir / path.name
    manifest = sources_dir / "manifest.tsv"
    listed = read_manifest(manifest)[0] if manifest.is_file() else []
    known_pmids = {doc.pmid: doc.doc_id for doc in listed if doc.pmid}
    known_ids = {doc.doc_id for doc in listed}
    docs: list[SourceDoc] = []
    notes: list[str] = []
    for article in articles:
        doc = _row_of(article, target, fmt.label, title=title, doi=doi, licence=licence)
        if article.pmid and article.pmid in known_pmids:
            notes.append(f"{path}: {article.key} skipped: PMID {article.pmid} is already listed "
                         f"as {known_pmids[article.pmid]}")
        elif doc.doc_id in known_ids:
            notes.append(f"{path}: {article.key} skipped: {doc.doc_id} is already listed")
        else:
            docs.append(doc)
            known_ids.add(doc.doc_id)
            if article.pmid:
                known_pmids[article.pmid] = doc.doc_id
    if docs:
        _copy_once(path, target)
        _append_rows(manifest, docs)
    return Added(tuple(docs), tuple(notes))


def _row_of(article: Article, target: Path, kind: str, title: str, doi: str, licence: str) -> SourceDoc:
    return SourceDoc(doc_id=doc_id_of(target, article.key), path=target, title=article.title or title,
                     authors=article.authors, year=article.year, journal=article.journal,
                     doi=article.doi or doi, pmid=article.pmid, pmcid=article.pmcid,
                     licence=article.licence or licence, kind=kind, part=article.key)


def _copy_once(path: Path, target: Path) -> None:
    """Copy the file byte for byte, refusing to overwrite a different file of the same name."""
    if target.exists() and not filecmp.cmp(path, target, shallow=False):
        raise InputError(f"{target}: a different file of that name is already in sources/; "
                         "rename the new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        shutil.copyfile(path, target)


def _header(manifest: Path) -> list[str]:
    with manifest.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\r\n").split("\t")


def _widen(manifest: Path, column: str) -> None:
    """Add an optional column to an existing manifest: header and every row gain one (empty) cell."""
    lines = manifest.read_text(encoding="utf-8").splitlines()
    widened = [lines[0] + "\t" + column] + [line + "\t" if line.strip() else line for line in lines[1:]]
    manifest.write_text("\n".join(widened) + "\n", encoding="utf-8")


def _append_rows(manifest: Path, docs: list[SourceDoc]) -> None:
    """Append rows, writing the header first when the manifest is new and adding the `part` column
    when a row needs it (older manifests keep their columns until then)."""
    new = not manifest.is_file() or manifest.stat().st_size == 0
    needs_part = any(doc.part for doc in docs)
    if new:
        columns = [*COLUMNS, *OPTIONAL_COLUMNS] if needs_part else list(COLUMNS)
    else:
        columns = _header(manifest)
        for optional in OPTIONAL_COLUMNS:
            if needs_part and optional not in columns:
                _widen(manifest, optional)
                columns.append(optional)
    rows = []
    for doc in docs:
        values = {**{k: str(v) for k, v in asdict(doc).items()}, "file": doc.path.name}
        row = [values.get(column, "") for column in columns]
        for value in row:
            if "\t" in value or "\n" in value:
                raise InputError(f"{manifest}: value {value!r} holds a tab or line break")
        rows.append("\t".join(row) + "\n")
    prefix = ""
    if not new and not manifest.read_bytes().endswith(b"\n"):
        prefix = "\n"
    with manifest.open("a", encoding="utf-8", newline="") as handle:
        if new:
            handle.write("\t".join(columns) + "\n")
        handle.write(prefix + "".join(rows))
