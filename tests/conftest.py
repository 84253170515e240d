"""Shared fixtures: a temporary copy of the project, one release built from it per session, and
one Reader (lexicon, grounder, kinds) with the helpers the extraction tests use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exo_ontology import vocabulary as V
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.namespaces import compress
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult, build
from exo_ontology.pipeline.documents import Reader, findings_from_text
from tests import reference, reference_pins

ROOT = Path(__file__).resolve().parents[1]
PROMOTES, INHIBITS = compress(str(V.PROMOTES)), compress(str(V.INHIBITS))
PROJECT_PARTS = ("ontology", "shapes", "sources")


def copy_project(target: Path) -> Paths:
    """A copy of the inputs of a build (ontology, shapes, sources, gold set) under `target`."""
    for part in PROJECT_PARTS:
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests" / "gold", target / "tests" / "gold")
    return Paths(target)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """With EXO_PIN_REFERENCE=1, write the lookups this session made into the committed pins."""
    if reference.pinning():
        written = reference_pins.save(reference.RECORDED_IDS, reference.RECORDED_SELECTIONS)
        print(f"\npinned {len(reference.RECORDED_IDS)} IDs and {len(reference.RECORDED_SELECTIONS)} row "
              f"selections of this session into {', '.join(p.name for p in written)}")


def quiet(_message: str) -> None:
    """A log function that drops messages."""


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Paths, BuildResult]:
    """The release built once, with the reasoner, from a copy of the project."""
    paths = copy_project(tmp_path_factory.mktemp("project"))
    return paths, build(paths, reasoner=True, log=quiet)


@pytest.fixture
def project(tmp_path: Path) -> Paths:
    """A fresh copy of the project for a test that changes its inputs."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def reader() -> Reader:
    """The project's lexicon, grounder and kinds, loaded once (read-only)."""
    return Reader.from_paths(Paths(ROOT))


def extract(reader: Reader, text: str, doc_id: str = "t") -> list[Finding]:
    """The findings of a short text, read as document `doc_id`."""
    return findings_from_text(SourceDoc(doc_id, Path(f"{doc_id}.txt")), text, reader)


def best(reader: Reader, name: str, type_: str) -> str:
    """The top-ranked CURIE for a name of the given entity type."""
    return reader.grounder.ground(name, type=type_, limit=1)[0].curie
