"""Entries of the build caches (build.cache/) as files that carry their own checksum: an entry that was
cut short or edited reads as missing (and is recomputed), never as a wrong answer or an error."""

from __future__ import annotations

import hashlib
import os
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
