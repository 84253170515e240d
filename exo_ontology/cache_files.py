"""Entries of the build caches (build.cache/) as files that carry their own checksum: an entry that was
cut short or edited reads as missing (and is recomputed), never as a wrong answer or an error."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path


def read_entry(path: Path) -> bytes | None:
    """The data written by `write_entry`, or None when missing, unreadable or not intact."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    digest, _, data = raw.partition(b"\n")
    return data if digest == hashlib.sha256(data).hexdigest().encode() else None


def write_entry(path: Path, data: bytes) -> None:
    """Write atomically (a temporary file, then a rename); a read-only cache folder is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
        os.replace(temporary, path)
    except OSError:  # a read-only checkout still builds, only without the cache
        pass


def code_salt(library: str, files: Iterable[Path], extra: bytes = b"") -> str:
    """A hash of what every entry of one cache depends on besides its own inputs: the installed version of
    `library`, the files (code, templates, shapes) by name and content, and `extra` (e.g. a tool's version)."""
    digest = hashlib.sha256(f"{library} {version(library)}\0".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(extra)
    return digest.hexdigest()


def prune_entries(folder: Path, pattern: str, used: set[str]) -> None:
    """Remove the entries under `folder` matching `pattern` whose key (the file name up to its first dot)
    this run did not ask for."""
    if folder.is_dir():
        for path in folder.glob(pattern):
            if path.name.partition(".")[0] not in used:
                path.unlink(missing_ok=True)
