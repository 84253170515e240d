"""Every input and output path of a build, derived from one project root (no globals)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    """Where a build reads and writes. Tests make one on a temporary copy of the project."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Paths:
        """The project root: the nearest ancestor of `start` (default cwd) with ontology/exoc-edit.ttl."""
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / "ontology" / "exoc-edit.ttl").is_file():
                return cls(candidate)
        return cls(here)

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def edit_file(self) -> Path:
        return self.ontology_dir / "exoc-edit.ttl"

    @property
    def release_info(self) -> Path:
        """Release date and version: the only source of dates in the release (never the clock)."""
        return self.ontology_dir / "release.toml"

    @property
    def imports_dir(self) -> Path:
        return self.ontology_dir / "imports"

    @property
    def lexicon_dir(self) -> Path:
        return self.ontology_dir / "lexicon"

    @property
    def curation_dir(self) -> Path:
        return self.ontology_dir / "curation"

    @property
    def sparql_dir(self) -> Path:
        return self.ontology_dir / "sparql"

    @property
    def queries_dir(self) -> Path:
        """The named queries of `exo query -n NAME`."""
        return self.ontology_dir / "queries"

    @property
    def shapes_dir(self) -> Path:
        return self.root / "shapes"

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def manifest(self) -> Path:
        return self.sources_dir / "manifest.tsv"

    @property
    def gold_dir(self) -> Path:
        return self.root / "tests" / "gold"

    @property
    def corpus_dir(self) -> Path:
        """The paraphrased abstracts the development and test splits are made of."""
        return self.root / "tests" / "corpus"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def reports_dir(self) -> Path:
        return self.build_dir / "reports"
