"""Content keys of a build's inputs: what decides a document's findings, and what decides the release.

A key is a SHA-256 over file names and bytes, so it changes whenever an input or the code that reads
it changes, even without a version bump (rules are edited without bumping EXTRACTOR_VERSION).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from dataclasses import astuple, replace
from functools import cache
from pathlib import Path

from exo_ontology import EXTRACTOR_VERSION
from exo_ontology.model import SourceDoc
from exo_ontology.paths import Paths

PACKAGE = Path(__file__).resolve().parent.parent
#: the packages (and modules) whose code decides a document's machine findings
EXTRACTION_CODE = ("reading", "grounding", "extraction", "lexicon", "curation", "model.py", "namespaces.py",
                   "vocabulary.py", "prefixes.py", "pipeline/documents.py")
#: files of ontology/ that a build writes itself (never an input)
GENERATED = ("imports",)


def digest_files(files: Iterable[Path], root: Path) -> str:
    """SHA-256 over each file's path relative to `root` and its bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _tree(root: Path, skip: tuple[str, ...] = ()) -> list[Path]:
    """Every file under `root` (a file itself when it is one), without caches and skipped folders."""
    if root.is_file():
        return [root]
    return [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
            and not any(p.relative_to(root).parts[0] == s for s in skip)]


@cache
def code_key(parts: tuple[str, ...] = ()) -> str:
    """Hash of the package's code (all of it, or only `parts`), with the extractor and Python versions."""
    files = [f for part in parts for f in _tree(PACKAGE / part)] if parts else _tree(PACKAGE)
    return hashlib.sha256(f"{EXTRACTOR_VERSION}\0{sys.version}\0{digest_files(files, PACKAGE)}".encode()).hexdigest()


def extraction_key(paths: Paths) -> str:
    """The extractor version (code of reading, grounding, extraction) and the lexicon version
    (ontology/lexicon/*, the edit file, the curated groundings): together they decide every
    document's machine findings, so the findings cache is partitioned by this key."""
    inputs = [*_tree(paths.lexicon_dir), paths.edit_file, paths.curation_dir / "groundings.tsv"]
    lexicon = digest_files([p for p in inputs if p.is_file()], paths.root)
    return hashlib.sha256(f"{code_key(EXTRACTION_CODE)}\0{lexicon}".encode()).hexdigest()


def document_key(doc: SourceDoc, data: bytes) -> str:
    """A document's content hash: its file bytes and its manifest row (title and identity decide
    the disease context and the finding IRIs; the path appears in its error messages)."""
    # the resolved path: the same project built from another directory keeps its cache
    row = "\x1f".join(str(field) for field in astuple(replace(doc, path=doc.path.resolve())))
    return hashlib.sha256(row.encode() + b"\0" + data).hexdigest()


def release_key(paths: Paths, options: str) -> str:
    """Hash of every input of a release: sources, ontology (but its generated imports), shapes, the
    evaluation corpus and gold set, all of the code, and the build options."""
    roots = [(paths.sources_dir, ()), (paths.ontology_dir, GENERATED), (paths.shapes_dir, ()),
             (paths.gold_dir, ()), (paths.corpus_dir, ())]
    files = [f for root, skip in roots if root.exists() for f in _tree(root, skip)]
    return hashlib.sha256(f"{code_key()}\0{options}\0{digest_files(files, paths.root)}".encode()).hexdigest()
