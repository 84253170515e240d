"""The edge of the reading stage: sources/manifest.tsv rows -> SourceDoc, raw files -> text."""

from __future__ import annotations

import csv
import filecmp
import shutil
from dataclasses import asdict, fields
from pathlib import Path

from exo_ontology.errors import InputError, MissingInputError, located
from exo_ontology.model import SourceDoc

#: Manifest columns, in file order. `file` names the document; its stem is the doc_id.
COLUMNS: tuple[str, ...] = (
    "file", "title", "authors", "year", "journal", "doi", "pmid", "pmcid", "licence", "kind",
)
_DOC_FIELDS = {f.name for f in fields(SourceDoc)} - {"doc_id", "path"}
#: Share of control characters above which a file is called binary rather than text.
_BINARY_SHARE = 0.10
_TEXT_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


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
            if Path(name).stem in seen:
                problems.append(located(manifest, f"file {name} is listed twice; row skipped",
                                        line=line_no, column="file"))
                continue
            if not path.is_file():
                problems.append(located(manifest, f"file {name} does not exist",
                                        line=line_no, column="file"))
                continue
            seen.add(path.stem)
            meta = {key: values.get(key, "") for key in _DOC_FIELDS}
            docs.append(SourceDoc(doc_id=path.stem, path=path, **meta))
    return docs, problems


#: files of sources/ that are not documents: the manifest itself and the folder's own notes
NOT_DOCUMENTS = frozenset({"manifest.tsv", "README.md"})


def unlisted_files(manifest: Path) -> list[str]:
    """One error line for each file of the manifest's folder that no manifest row lists.

    A document copied into sources/ by hand would otherwise be left out of the release without a word.
    """
    listed = _listed_names(manifest)
    return [f"{path}: not listed in {manifest}; add its row with "
            f"`exo sources add {path} --title \"...\" --doi ... --licence ...`, or move it out of sources/"
            for path in sorted(manifest.parent.iterdir())
            if path.is_file() and not path.name.startswith(".") and path.name not in NOT_DOCUMENTS
            and path.name not in listed]


def read_raw(doc: SourceDoc, max_bytes: int = 20_000_000) -> str:
    """The document's text exactly as in the file (no newline translation), or a clear InputError.

    Offsets of every quote are taken in this string, so it must not be altered in any way.
    """
    path = doc.path
    if not path.is_file():
        raise MissingInputError(f"{path}: file not found")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: file is {size:,} bytes, larger than the limit of "
                         f"{max_bytes:,} bytes; split it or raise the limit")
    if size == 0:
        raise InputError(f"{path}: file is empty")
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        raise InputError(f"{path}: binary file (contains NUL bytes); give a plain-text (UTF-8) file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte 0x{data[exc.start]:02x} at byte offset "
                         f"{exc.start}); convert the file to UTF-8") from None
    if not text.strip():
        raise InputError(f"{path}: file holds only white space")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    if controls > _BINARY_SHARE * len(sample):
        raise InputError(f"{path}: binary file ({controls} control characters in the first "
                         f"{len(sample)}); give a plain-text file")
    return text


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
        names = {doc.path.name for doc in listed} | _listed_names(manifest)
        if target.name in names:
            raise InputError(f"{manifest}: {target.name} is already listed; edit its row instead")
    if target.exists() and not filecmp.cmp(path, target, shallow=False):
        raise InputError(f"{target}: a different file of that name is already in sources/; "
                         "rename the new file")
    sources_dir.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        shutil.copyfile(path, target)
    _append_row(manifest, candidate)
    return candidate


def _listed_names(manifest: Path) -> set[str]:
    """File names of every row, including rows whose file is missing."""
    with manifest.open(encoding="utf-8", newline="") as handle:
        return {(row.get("file") or "").strip() for row in csv.DictReader(handle, delimiter="\t")}


def _append_row(manifest: Path, doc: SourceDoc) -> None:
    """Append one row, writing the header first when the manifest is new."""
    values = asdict(doc)
    row = [doc.path.name, *(str(values[column]) for column in COLUMNS[1:])]
    for value in row:
        if "\t" in value or "\n" in value:
            raise InputError(f"{manifest}: value {value!r} holds a tab or line break")
    new = not manifest.is_file() or manifest.stat().st_size == 0
    prefix = ""
    if not new and not manifest.read_bytes().endswith(b"\n"):
        prefix = "\n"
    with manifest.open("a", encoding="utf-8", newline="") as handle:
        if new:
            handle.write("\t".join(COLUMNS) + "\n")
        handle.write(prefix + "\t".join(row) + "\n")
