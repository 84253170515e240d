"""Where the server's data comes from: the release's on-disk store (`build/store/`, the one `exo query`
uses) opened read-only, else the release files loaded into memory. A `DataSource` is picklable, so each
query worker process opens its own store from it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import MissingInputError
from exo_ontology.query.store import DEFAULT_GRAPH_FILE, MANIFEST, ensure_store, load_data, open_store, store_path


@dataclass(frozen=True)
class DataSource:
    """A release directory (normally build/)."""

    release: Path

    @property
    def has_store(self) -> bool:
        """A built release (with its manifest) is served from its on-disk store; a bare folder of
        release files is loaded into memory."""
        return (self.release / MANIFEST).is_file()

    def describe(self) -> str:
        if self.has_store:
            return f"{store_path(self.release)} (on-disk store, read-only)"
        return f"{self.release / DEFAULT_GRAPH_FILE} and its named graphs (in memory)"

    def check(self) -> None:
        """Fail early, naming the directory, when there is nothing to serve; make the on-disk store
        current (once, in the main process, before any worker opens it)."""
        if not self.release.is_dir():
            raise MissingInputError(f"{self.release}: no such release directory; run `exo build` first")
        if not (self.release / DEFAULT_GRAPH_FILE).is_file():
            raise MissingInputError(f"{self.release / DEFAULT_GRAPH_FILE}: no release here; run `exo build` first")
        if self.has_store:
            ensure_store(self.release, lambda message: print(message, file=sys.stderr))

    def open(self) -> ox.Store:
        """A store nobody writes to: the on-disk one is opened read-only; the in-memory one is private to
        the process and never given an update (the endpoint refuses them before they reach a store)."""
        if self.has_store:
            return open_store(store_path(self.release))
        return load_data([self.release])
