"""The Reader of `exo extract` from one SQLite file, so reading one abstract does not load the lexicon.

`Reader.from_paths` unpickles the grounder's 670k names, parses terms.tsv (180k terms) and walks
it for the effect, vesicle and ChEBI role classes: seconds before the first sentence is read, which
a build pays once for thousands of documents but `exo extract FILE` paid on every call. The snapshot
holds all of it as SQLite tables (grounder index, lexicon term rows) read key by key, plus the
computed `Kinds` and the edit file's labels in one pickled row. It lives beside the grounder cache
(`grounding.index.cache_dir`), named by a key over the lexicon, the edit file and the code that
computes its content, so any change to them makes a new one. A missing, truncated or unreadable
file is rebuilt; when the cache directory cannot be written the Reader is made in memory.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from exo_ontology.curation.overlay import load_grounding_overrides
from exo_ontology.extraction import Kinds, load_kinds
from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.index import Tables, cache_dir, fingerprint, load_tables
from exo_ontology.grounding.index_db import DiskMap, create_map, read_tables, small_part, write_tables
from exo_ontology.grounding.mirna_resolver import MirnaResolver
from exo_ontology.lexicon.io import Lexicon, load_default
from exo_ontology.paths import Paths
from exo_ontology.pipeline.documents import Reader
from exo_ontology.pipeline.finding_rows import Labels, edit_labels
from exo_ontology.pipeline.fingerprint import code_key

log = logging.getLogger(__name__)
T = TypeVar("T")

#: the code that decides what a snapshot holds (with the grounder's inputs: part of its key)
SNAPSHOT_CODE = ("grounding", "lexicon", "extraction", "curation", "namespaces.py", "vocabulary.py",
                 "prefixes.py", "pipeline/snapshot.py", "pipeline/finding_rows.py", "pipeline/documents.py")
#: snapshots kept in the cache directory (the project's, and one of a test or another checkout)
KEEP = 2
_UNUSABLE = (sqlite3.Error, OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
             KeyError, AttributeError, IndexError)


@dataclass(frozen=True)
class Snapshot:
    """A Reader and the edit file's labels (IRI -> rdfs:label values), for the findings rows."""

    reader: Reader
    labels: Labels


@dataclass(frozen=True)
class _Parts:
    """The snapshot's small pieces, pickled in one row."""

    small: Tables
    mirna: MirnaResolver
    kinds: Kinds
    labels: dict[str, tuple[str, ...]]


def snapshot_key(paths: Paths) -> str:
    """Hash of the grounder's inputs (lexicon, edit file, grounding code) and of the snapshot's code."""
    return hashlib.sha256(f"{fingerprint(paths)}\0{code_key(SNAPSHOT_CODE)}".encode()).hexdigest()


def snapshot_path(paths: Paths) -> Path:
    return cache_dir() / f"reader-{snapshot_key(paths)[:24]}.sqlite"


def open_snapshot(paths: Paths) -> Snapshot:
    """The project's snapshot: opened when it is there and sound, else (re)written first; with the
    curated groundings of now (read on every call: they are not part of the snapshot)."""
    paths = Paths(Path(paths.root).resolve())
    snapshot = _sound_snapshot(paths)
    lexicon = snapshot.reader.lexicon
    overrides = load_grounding_overrides(paths.curation_dir, lexicon)
    return Snapshot(replace(snapshot.reader, overrides=overrides), snapshot.labels)


def _sound_snapshot(paths: Paths) -> Snapshot:
    key = snapshot_key(paths)
    path = cache_dir() / f"reader-{key[:24]}.sqlite"
    try:
        return _open(path, key, paths)
    except _UNUSABLE as exc:
        if path.exists():
            log.warning("%s: unusable reader snapshot (%s); rebuilding it", path, exc)
    try:
        write_snapshot(paths, path, key)
    except (OSError, sqlite3.Error) as exc:    # a read-only or full cache: read in memory, just slower
        log.warning("%s: cannot write the reader snapshot (%s)", path, exc)
        return Snapshot(Reader.from_paths(paths), edit_labels(paths.edit_file))
    return _open(path, key, paths)


def using_snapshot(paths: Paths, work: Callable[[Snapshot], T]) -> T:
    """`work` done with the project's snapshot; if the file proves damaged on the way (a lookup
    fails), it is discarded, rewritten, and `work` is done again."""
    try:
        return work(open_snapshot(paths))
    except sqlite3.DatabaseError as exc:
        path = snapshot_path(paths)
        log.warning("%s: damaged reader snapshot (%s); rebuilding it", path, exc)
        path.unlink(missing_ok=True)
        return work(open_snapshot(paths))


def _open(path: Path, key: str, paths: Paths) -> Snapshot:
    if not path.is_file():
        raise FileNotFoundError(path)
    # immutable: the file is only ever replaced whole (os.replace), never written in place
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return _read(con, path, key, paths)
    except BaseException:
        con.close()
        raise


def _read(con: sqlite3.Connection, path: Path, key: str, paths: Paths) -> Snapshot:
    pages = con.execute("PRAGMA page_count").fetchone()[0] * con.execute("PRAGMA page_size").fetchone()[0]
    if pages != path.stat().st_size:
        raise ValueError(f"{path.stat().st_size} bytes, expected {pages}")
    meta = dict(con.execute("SELECT k, v FROM meta"))
    if meta["stamp"] != key.encode():
        raise ValueError("stamp does not match the key")
    parts = pickle.loads(meta["parts"])   # our own file, named by its content key
    if not isinstance(parts, _Parts):
        raise TypeError("not a reader snapshot")
    lexicon = Lexicon.over_term_rows(Path(paths.lexicon_dir).resolve(), DiskMap(con, "lexicon_terms"))
    kinds = replace(parts.kinds, ancestors=lexicon.ancestors)
    tables = read_tables(con, parts.small)
    grounder = Grounder(None, tables=tables, mirna=parts.mirna.rebind(tables.term))
    return Snapshot(Reader(grounder, lexicon, kinds), parts.labels)


def write_snapshot(paths: Paths, path: Path, key: str) -> None:
    """Write the snapshot of `paths` to `path` (through a temporary file and an atomic rename)."""
    lexicon = load_default(paths)
    tables = load_tables(paths)
    parts = _Parts(small_part(tables), MirnaResolver(tables.mirnas, tables.history, tables.term),
                   replace(load_kinds(paths.edit_file, lexicon), ancestors=None), edit_labels(paths.edit_file))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        con = sqlite3.connect(temporary)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            write_tables(con, tables)
            create_map(con, "lexicon_terms", lexicon.term_cells())
            con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v BLOB NOT NULL)")
            con.executemany("INSERT INTO meta VALUES (?, ?)",
                            [("stamp", key.encode()), ("parts", pickle.dumps(parts, pickle.HIGHEST_PROTOCOL))])
            con.commit()
        finally:
            con.close()
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _prune(path.parent)


def _prune(directory: Path) -> None:
    """Keep the KEEP newest snapshots (another process may be pruning too)."""
    try:
        olds = sorted(directory.glob("reader-*.sqlite"), key=lambda p: p.stat().st_mtime)
        for old in olds[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("%s: cannot prune old reader snapshots (%s)", directory, exc)
