"""Where the server's data comes from: the release's on-disk store opened read-only, else its files loaded
into memory. A `DataSource` is picklable, so each query worker process opens its own store from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.query.engine import DEFAULT_GRAPH_FILE, open_release

#: the folder of a release where `exo build` may write a pyoxigraph (RocksDB) store
STORE_DIR = "store"


@dataclass(frozen=True)
class DataSource:
    """A release directory (normally build/)."""

    release: Path

    @property
    def store_dir(self) -> Path:
        return self.release / STORE_DIR

    def describe(self) -> str:
        if self.store_dir.is_dir():
            return f"{self.store_dir} (on-disk store, read-only)"
        return f"{self.release / DEFAULT_GRAPH_FILE} and its named graphs (in memory)"

    def check(self) -> None:
        """Fail early, naming the directory, when there is nothing to serve."""
        if not self.release.is_dir():
            raise MissingInputError(f"{self.release}: no such release directory; run `exo build` first")
        if not self.store_dir.is_dir() and not (self.release / DEFAULT_GRAPH_FILE).is_file():
            raise MissingInputError(f"{self.release / DEFAULT_GRAPH_FILE}: no release here; run `exo build` first")

    def open(self) -> ox.Store:
        """A store nobody writes to: the on-disk one is opened read-only; the in-memory one is private to
        the process and never given an update (the endpoint refuses them before they reach a store)."""
        self.check()
        if self.store_dir.is_dir():
            try:
                return ox.Store.read_only(str(self.store_dir))
            except OSError as err:
                raise InputError(f"{self.store_dir}: cannot be opened read-only ({err})") from err
        return open_release(self.release)
