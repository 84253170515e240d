"""The edge of the reading stage: sources/manifest.tsv rows -> SourceDoc, raw files -> text."""

from __future__ import annotations

import csv
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from exo_ontology.errors import InputError, MissingInputError, located
from exo_ontology.model import SourceDoc
from exo_ontology.reading.formats import doc_id_of, iter_articles
from exo_ontology.reading.formats.text import decode_text

#: Manifest columns, in file order. `file` names the document; its stem is the doc_id.
COLUMNS: tuple[str, ...] = (
    "file", "title", "authors", "year", "journal", "doi", "pmid", "pmcid", "licence", "kind",
)
#: Columns a manifest may lack (older manifests): `part` is the article key inside a container file.
OPTIONAL_COLUMNS: tuple[str, ...] = ("part",)
_DOC_FIELDS = {f.name for f in fields(SourceDoc)} - {"doc_id", "path"}


def read_manifest(manifest: Path) -> tuple[list[SourceDoc], list[str]]:
    """Read the manifest; return its documents and one-line problems for rows that cannot be used.

    A bad row (missing file, duplicate, no file name) is reported and skipped so that the other
    documents still build; a manifest without the required header columns cannot be used at all
    and raises InputError.
    """
    if not manifest.is_file():
        raise MissingInputError(f"{manifest}: manifest not found (create it with `exo sources add`)")
    with manifest.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        header = [name.strip() for name in reader.fieldnames or []]
        missing = [column for column in COLUMNS if column not in header]
        if missing:
            raise InputError(located(manifest, f"header lacks column(s) {', '.join(missing)}; "
                                               f"expected: {' '.join(COLUMNS)}", line=1))
        docs: list[SourceDoc] = []
        problems: list[str] = []
        seen: set[str] = set()
        for line_no, row in enumerate(reader, start=2):
            values = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
            name = values.get("file", "")
            if not any(values.values()):
                continue
            if not name:
                problems.append(located(manifest, "no file name", line=line_no, column="file"))
                continue
            path = manifest.parent / name
            doc_id = doc_id_of(path, values.get("part", ""))
            if doc_id in seen:
                what = f"{name} part {values['part']}" if values.get("part") else f"file {name}"
                problems.append(located(manifest, f"{what} is listed twice; row skipped",
                                        line=line_no, column="file"))
                continue
            if not path.is_file():
                problems.append(located(manifest, f"file {name} does not exist",
                                        line=line_no, column="file"))
                continue
            seen.add(doc_id)
            meta = {key: values.get(key, "") for key in _DOC_FIELDS}
            docs.append(SourceDoc(doc_id=doc_id, path=path, **meta))
    return docs, problems


#: files of sources/ that are not documents: the manifest itself and the folder's own notes
NOT_DOCUMENTS = frozenset({"manifest.tsv", "README.md"})


def unlisted_files(manifest: Path) -> list[str]:
    """One error line for each file of the manifest's folder that no manifest row lists.

    A document copied into sources/ by hand would otherwise be left out of the release without a word.
    """
    listed = listed_names(manifest)
    return [f"{path}: not listed in {manifest}; add its row with "
            f"`exo sources add {path} --title \"...\" --doi ... --licence ...`, or move it out of sources/"
            for path in sorted(manifest.parent.iterdir())
            if path.is_file() and not path.name.startswith(".") and path.name not in NOT_DOCUMENTS
            and path.name not in listed]


def read_raw(doc: SourceDoc, max_bytes: int = 20_000_000) -> str:
    """The document's text: a text file exactly as in the file (no newline translation), or the
    article `doc.part` of a container file as its format's reader composes it; else a clear InputError.

    Offsets of every quote are taken in this string, so it must not be altered in any way.
    """
    path = doc.path
    if not path.is_file():
        raise MissingInputError(f"{path}: file not found")
    if doc.part:
        stat = path.stat()
        texts = _article_texts(path, stat.st_mtime_ns, stat.st_size)
        if doc.part not in texts:
            raise InputError(f"{path}: no article {doc.part} in this file (manifest column part)")
        return texts[doc.part]
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: file is {size:,} bytes, larger than the limit of "
                         f"{max_bytes:,} bytes; split it or raise the limit")
    return decode_text(path, path.read_bytes())


@lru_cache(maxsize=4)
def _article_texts(path: Path, _mtime_ns: int, _size: int) -> dict[str, str]:
    """Article key -> text of a container file; cached so that N parts cost one reading, and keyed
    on the file's modification time and size so that a replaced file is read again."""
    return {article.key: article.text for article in iter_articles(path)}


def listed_names(manifest: Path) -> set[str]:
    """File names of every row, including rows whose file is missing."""
    with manifest.open(encoding="utf-8", newline="") as handle:
        return {(row.get("file") or "").strip() for row in csv.DictReader(handle, delimiter="\t")}
