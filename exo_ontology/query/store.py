"""The stores queries run on: the release's on-disk Oxigraph store, or RDF files loaded in memory.

`build/store/` is written after each build (`write_store`): `exoc.nt` as the default graph and the named
graphs of `exoc.trig`, in `build/store/oxigraph/`, with `build/store/release.sha256` recording the
checksum of the `manifest.json` it was made from. It is not a release file: RocksDB's files are not
byte-reproducible, so the store is outside `manifest.json` and the release's digests. `exo query` opens it
read-only, so a query does not re-parse the release; a missing or stale one is rebuilt first.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError, MissingInputError

DEFAULT_GRAPH_FILE = "exoc.nt"
NAMED_GRAPHS_FILE = "exoc.trig"
MANIFEST = "manifest.json"
STORE_DIR = "store"
DATA_DIR = "oxigraph"
STAMP = "release.sha256"
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE, ".owl": ox.RdfFormat.RDF_XML,
    ".rdf": ox.RdfFormat.RDF_XML, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD, ".n3": ox.RdfFormat.N3,
}


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load_file(store: ox.Store, path: Path, graph: str | None = None) -> None:
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF extension (use one of {', '.join(RDF_FORMATS)})")
    if not path.is_file():
        raise MissingInputError(f"{path}: no such file")
    try:
        store.bulk_load(path=str(path), format=fmt, base_iri=path.resolve().as_uri(),
                        to_graph=ox.NamedNode(graph) if graph else None)
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(f"{path}: cannot be parsed ({str(err).splitlines()[0] if str(err) else err})") from None


def _load_release(store: ox.Store, release: Path) -> None:
    """A release directory: its merged graph as default graph, its per-document named graphs."""
    default = release / DEFAULT_GRAPH_FILE
    if not default.is_file():
        raise MissingInputError(f"{default}: no release here; run `exo build` first")
    _load_file(store, default)
    named = release / NAMED_GRAPHS_FILE
    if named.is_file():
        _load_file(store, named)


def load_data(sources: list[Path], named: tuple[tuple[str, Path], ...] = ()) -> ox.Store:
    """An in-memory store of RDF files and directories (a release directory loads as a release; any other
    directory loads every RDF file under it, in name order). TriG and N-Quads keep their named graphs;
    `named` (graph IRI, file) pairs load a triples file into the named graph of that IRI."""
    store = ox.Store()
    for graph, path in named:
        try:
            ox.NamedNode(graph)
        except ValueError as err:
            raise InputError(f"--named-graph {graph}={path}: {graph!r} is not an IRI ({err})") from None
        _load_file(store, path, graph)
    for source in sources:
        if source.is_dir() and (source / DEFAULT_GRAPH_FILE).is_file():
            _load_release(store, source)
        elif source.is_dir():
            files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in RDF_FORMATS)
            if not files:
                raise InputError(f"{source}: no RDF file in this directory")
            for path in files:
                _load_file(store, path)
        elif source.is_file():
            _load_file(store, source)
        else:
            raise MissingInputError(f"{source}: no such file or directory")
    return store


def store_path(build_dir: Path) -> Path:
    """Where the release's Oxigraph data lives."""
    return build_dir / STORE_DIR / DATA_DIR


def write_store(build_dir: Path) -> Path:
    """Write `build/store/` from the release in `build_dir` (built aside, then swapped in)."""
    manifest = build_dir / MANIFEST
    if not manifest.is_file():
        raise MissingInputError(f"{manifest}: no release here; run `exo build` first")
    staging = build_dir / f"{STORE_DIR}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    store = ox.Store(str(staging / DATA_DIR))
    _load_release(store, build_dir)
    store.flush()
    del store  # closes RocksDB before the directory moves
    return install_store(build_dir, staging / DATA_DIR)


def add_named_graphs(store: ox.Store, release: Path) -> None:
    """Complete a store that holds a release's `exoc.nt` with its named graphs (what `write_store` loads),
    so a build can install the store it already loaded instead of loading the release again."""
    _load_file(store, release / NAMED_GRAPHS_FILE)
    store.flush()


def install_store(build_dir: Path, data: Path) -> Path:
    """Move a closed store's folder `data`, holding the release in `build_dir`, into `build/store/`,
    stamped with the release's manifest checksum."""
    target = build_dir / STORE_DIR
    staging = build_dir / f"{STORE_DIR}.tmp-{os.getpid()}"
    if data != staging / DATA_DIR:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        data.rename(staging / DATA_DIR)
    (staging / STAMP).write_text(_checksum(build_dir / MANIFEST) + "\n", encoding="utf-8")
    old = build_dir / f"{STORE_DIR}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target / DATA_DIR


def stale_reason(build_dir: Path) -> str | None:
    """Why the store cannot be used for the release in `build_dir`, or None when it is current."""
    stamp = build_dir / STORE_DIR / STAMP
    manifest = build_dir / MANIFEST
    if not stamp.is_file() or not store_path(build_dir).is_dir():
        return "missing"
    if stamp.stat().st_mtime < manifest.stat().st_mtime:
        return "older than manifest.json"
    if stamp.read_text(encoding="utf-8").strip() != _checksum(manifest):
        return "made from another release"
    return None


def ensure_store(build_dir: Path, log: Callable[[str], None]) -> Path:
    """The release's store, rebuilt first (saying so in one line) when missing or stale."""
    if not (build_dir / MANIFEST).is_file() or not (build_dir / DEFAULT_GRAPH_FILE).is_file():
        raise MissingInputError(f"{build_dir}: no release here; run `exo build` first")
    reason = stale_reason(build_dir)
    if reason is not None:
        log(f"query store {build_dir / STORE_DIR} is {reason}; rebuilding it from {build_dir / DEFAULT_GRAPH_FILE}")
        write_store(build_dir)
    return store_path(build_dir)


def open_store(path: Path) -> ox.Store:
    """The on-disk store, opened read-only (nothing a query does can change it)."""
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise InputError(f"{path}: cannot open the query store ({err}); run `exo build`") from None
