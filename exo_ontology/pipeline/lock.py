"""One build at a time per project: an exclusive lock on `build.lock` in the project root.

Two builds sharing `build.staging` and the swap of `build/` could leave `build/` without its
release, so a second `exo build` waits for the first (`wait=True`) or stops with exit 2 and the
first build's process id. The lock is an OS lock (flock): it is released when the process ends,
even if it is killed, so a stale file never blocks a later build.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from exo_ontology.errors import ExoError


class BuildLocked(ExoError):
    """Another build of the same project is running."""


@contextmanager
def build_lock(root: Path, wait: bool = False) -> Iterator[Path]:
    """Hold the project's build lock for the duration of the block."""
    path = root / "build.lock"
    handle = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise BuildLocked(f"another build is running (pid {holder}); wait for it, "
                              f"or run `exo build --wait` ({path})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path
        handle.seek(0)
        handle.truncate()
    finally:
        handle.close()  # closing the descriptor releases the lock
