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
from pathlib import Path

from exo_ontology.cache_files import code_salt, prune_entries, read_entry, write_entry

HERE = Path(__file__).resolve().parent


def salt() -> str:
    try:  # the drawings depend on the Graphviz that draws them
        dot = subprocess.run(["dot", "-V"], capture_output=True, check=False).stderr
    except OSError:
        dot = b""
    files = [*sorted(HERE.glob("*.py")), *sorted((HERE / "templates").glob("*")), HERE / "style.css"]
    return code_salt("jinja2", files, dot)


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
        prune_entries(self.folder, "*/*", self.used)


def uncached(_what: str, make: Callable[[], str]) -> str:
    """No cache: every text made (what `render_docs` does without a cache folder)."""
    return make()
