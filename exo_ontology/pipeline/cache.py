"""The findings cache: one pickle per document under `build.cache/findings/<extraction key>/`, named by
the document's content hash, so a build re-extracts only the documents (or the rules) that changed.

Not part of the release and never committed; `make clean` removes it. A cache file that cannot be read
is treated as missing (the document is extracted again), never as an error.
"""

from __future__ import annotations

import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

from exo_ontology.pipeline.outcome import DocResult

#: how many older extraction keys' folders are kept beside the current one (e.g. a branch switch)
KEEP_OLD = 2


@dataclass(frozen=True)
class FindingsCache:
    """Cached DocResults of one extraction key."""

    folder: Path

    @classmethod
    def open(cls, cache_root: Path, extraction_key: str) -> FindingsCache:
        folder = cache_root / "findings" / extraction_key[:24]
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder)
        return cls(folder)

    def _file(self, doc_key: str) -> Path:
        return self.folder / doc_key[:2] / f"{doc_key}.pickle"

    def get(self, doc_key: str) -> DocResult | None:
        try:
            result = pickle.loads(self._file(doc_key).read_bytes())  # our own cache file
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, TypeError):
            return None
        return result if isinstance(result, DocResult) else None

    def put(self, doc_key: str, result: DocResult) -> None:
        path = self._file(doc_key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)
        except OSError:  # a read-only checkout still builds, only without the cache
            pass


def _prune(current: Path) -> None:
    """Remove all but the KEEP_OLD most recent other extraction keys' folders."""
    others = sorted((p for p in current.parent.iterdir() if p.is_dir() and p != current),
                    key=lambda p: p.stat().st_mtime)
    for old in others[:-KEEP_OLD] if KEEP_OLD else others:
        shutil.rmtree(old, ignore_errors=True)
