"""Shared fixtures: a temporary copy of the project, and one release built from it per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exo_ontology.paths import Paths
from exo_ontology.pipeline import BuildResult, build

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("ontology", "shapes", "sources")


def copy_project(target: Path) -> Paths:
    """A copy of the inputs of a build (ontology, shapes, sources, gold set) under `target`."""
    for part in PROJECT_PARTS:
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests" / "gold", target / "tests" / "gold")
    return Paths(target)


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
