"""Rendered docs pages and dot drawings cached under `build.cache/docs/`, named by a hash of what
decides them (the page's record, as its repr: frozen dataclasses of strings and tuples; the templates,
the docs code, Jinja2's version; for a drawing, its dot source and Graphviz's version): a rebuild
renders only the pages whose record changed, and runs `dot` only on networks that changed.

An entry that cannot be read is rendered again, never an error; entries the last build did not ask
for are removed.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from exo_ontology.cache_files import read_entry, write_entry

HERE = Path(__file__).resolve().parent


def salt() -> str:
    digest = hashlib.sha256(f"jinja2 {version('jinja2')}\0".encode())
    files = [*sorted(HERE.glob("*.py")), *sorted((HERE / "templates").glob("*")), HERE / "style.css"]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    try:  # the drawings depend on the Graphviz that draws them
        digest.update(subprocess.run(["dot", "-V"], capture_output=True, check=False).stderr)
    except OSError:
        pass
    return digest.hexdigest()


@dataclass(frozen=True)
class PageCache:
    folder: Path
    salt: str
    used: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, folder: Path) -> PageCache:
        return cls(folder, salt())

    def text(self, what: str, make: Callable[[], str]) -> str:
        """The cached text for `what` (a stable description of everything it depends on), else made."""
        key = hashlib.sha256(f"{self.salt}\0{what}".encode()).hexdigest()
        self.used.add(key)
        path = self.folder / key[:2] / key
        cached = read_entry(path)
        if cached is not None:
            return cached.decode("utf-8")
        made = make()
        write_entry(path, made.encode("utf-8"))
        return made

    def prune(self) -> None:
        """Remove the entries this build did not ask for."""
        if self.folder.is_dir():
            for path in self.folder.glob("*/*"):
                if path.name not in self.used:
                    path.unlink(missing_ok=True)


def uncached(_what: str, make: Callable[[], str]) -> str:
    """No cache: every text made (what `render_docs` does without a cache folder)."""
    return make()
