"""SHACL rows of a shard of documents cached under `build.cache/shacl/`, named by a hash of the shard's
N-Triples and of everything else that decides its rows (the shapes, the validation code, pySHACL's
version): a rebuild runs pySHACL only on the shards whose documents changed.

An entry that cannot be read is treated as missing (the shard is checked again), never as an error;
entries no build asked for in the last run are removed, so the folder does not grow without end.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from exo_ontology.validation.report import Problem

#: the modules whose code decides a shard's rows
CODE = ("shacl.py", "shards.py", "report.py")


def salt(shapes_dir: Path) -> str:
    """What every shard's rows depend on besides its own triples."""
    digest = hashlib.sha256(f"pyshacl {version('pyshacl')}\0".encode())
    here = Path(__file__).parent
    for path in [*sorted(shapes_dir.glob("*.ttl")), *(here / name for name in CODE)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


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
        try:
            rows = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return [Problem(*map(str, row)) for row in rows if isinstance(row, list) and len(row) == 5]
        except (OSError, ValueError, TypeError):
            return None

    def put(self, key: str, problems: list[Problem]) -> None:
        path = self.folder / f"{key}.json"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps([p.as_row() for p in problems]), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:  # a read-only checkout still validates, only without the cache
            pass

    def prune(self) -> None:
        """Remove the entries this run did not ask for."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
