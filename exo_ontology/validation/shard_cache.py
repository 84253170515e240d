"""SHACL rows of a shard of documents cached under `build.cache/shacl/`, named by a hash of the shard's
N-Triples and of everything else that decides its rows (the shapes, the validation code, pySHACL's
version): a rebuild runs pySHACL only on the shards whose documents changed.

An entry that cannot be read is treated as missing (the shard is checked again), never as an error;
entries no build asked for in the last run are removed, so the folder does not grow without end.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from exo_ontology.cache_files import code_salt, prune_entries, read_entry, write_entry
from exo_ontology.validation.report import Problem

#: the modules whose code decides a shard's rows
CODE = ("shacl.py", "shards.py", "report.py")


def salt(shapes_dir: Path) -> str:
    """What every shard's rows depend on besides its own triples."""
    here = Path(__file__).parent
    return code_salt("pyshacl", [*sorted(shapes_dir.glob("*.ttl")), *(here / name for name in CODE)])


@dataclass(frozen=True)
class ShardCache:
    """Rows of checked shards, by key; `used` collects this run's keys (kept by `prune`)."""

    folder: Path
    salt: str
    used: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, folder: Path, shapes_dir: Path) -> ShardCache:
        return cls(folder, salt(shapes_dir))

    def key(self, ntriples: str) -> str:
        key = hashlib.sha256(self.salt.encode() + b"\0" + ntriples.encode("utf-8")).hexdigest()
        self.used.add(key)
        return key

    def get(self, key: str) -> list[Problem] | None:
        data = read_entry(self.folder / f"{key}.json")
        try:
            rows = json.loads(data) if data is not None else None
        except ValueError:
            return None
        if not isinstance(rows, list):
            return None
        return [Problem(*map(str, row)) for row in rows if isinstance(row, list) and len(row) == 5]

    def put(self, key: str, problems: list[Problem]) -> None:
        write_entry(self.folder / f"{key}.json", json.dumps([p.as_row() for p in problems]).encode("utf-8"))

    def prune(self) -> None:
        """Remove the entries this run did not ask for."""
        prune_entries(self.folder, "*.json", self.used)
