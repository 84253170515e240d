"""Every RDF file of the release is valid for two independent parsers: Jena's riot and raptor's rapper."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from tests.jena import classpath, riot

#: suffix -> (riot syntax, rapper parser). rapper (raptor 2.0) has no JSON-LD parser, so JSON-LD is checked
#: by riot alone, and its triple count is checked against the N-Triples below.
SYNTAXES: dict[str, tuple[str, str | None]] = {
    ".ttl": ("turtle", "turtle"),
    ".nt": ("ntriples", "ntriples"),
    ".owl": ("rdfxml", "rdfxml"),
    ".trig": ("trig", "trig"),
    ".jsonld": ("jsonld10", None),
}
_FILE_LINE = re.compile(r"\[main\] INFO org\.apache\.jena\.riot - File: ")
EXPECTED = {"exoc.ttl", "exoc.nt", "exoc.owl", "exoc.trig", "exoc.jsonld", "exoc-base.ttl", "void.ttl"}


@pytest.fixture(scope="module")
def release(built: tuple[Paths, BuildResult]) -> Path:
    return built[0].build_dir


@pytest.fixture(scope="module")
def rdf_files(release: Path) -> list[Path]:
    files = sorted(p for p in release.rglob("*") if p.suffix in SYNTAXES and p.is_file())
    names = {p.name for p in files}
    assert names >= EXPECTED, f"release files missing: {EXPECTED - names}"
    assert any(p.parent.name == "imports" for p in files), "no import module found"
    return files


@pytest.fixture(scope="module")
def jena_cp(tmp_path_factory: pytest.TempPathFactory) -> str:
    assert shutil.which("java"), "java is not installed (make test installs it via .ci/system-deps)"
    return classpath(tmp_path_factory.mktemp("jena-fix"))


def riot_problems(jena_cp: str, syntax: str, files: list[Path]) -> list[str]:
    done = riot(jena_cp, "--validate", f"--syntax={syntax}", *map(str, files))
    # with several files riot names each at INFO level; anything else it prints is a warning or an error
    reported = [line for line in (done.stdout + done.stderr).splitlines()
                if line.strip() and not _FILE_LINE.match(line)]
    return reported if reported or done.returncode == 0 else [f"exit {done.returncode}"]


def rapper_problems(path: Path, parser: str) -> list[str]:
    done = subprocess.run(["rapper", "-c", "-i", parser, str(path)], capture_output=True, text=True,
                          timeout=120, check=False)
    reported = [line for line in done.stderr.splitlines() if re.search(r"error|warning", line, re.IGNORECASE)]
    if done.returncode != 0 or "Parsing returned" not in done.stderr:
        reported.append(f"exit {done.returncode}: {done.stderr[-300:]}")
    return reported


def test_riot_validates_every_rdf_file(rdf_files: list[Path], jena_cp: str) -> None:
    failures = {}
    for suffix, (syntax, _) in SYNTAXES.items():
        reported = riot_problems(jena_cp, syntax, [p for p in rdf_files if p.suffix == suffix])
        if reported:
            failures[suffix] = reported[:5]
    assert not failures, f"riot reported: {failures}"


def test_rapper_checks_every_rdf_file(rdf_files: list[Path]) -> None:
    assert shutil.which("rapper"), "rapper is not installed (raptor2-utils; make test installs it)"
    failures = {}
    for path in rdf_files:
        parser = SYNTAXES[path.suffix][1]
        if parser is None:
            continue  # JSON-LD: see SYNTAXES
        reported = rapper_problems(path, parser)
        if reported:
            failures[path.name] = reported[:5]
    assert not failures, f"rapper reported: {failures}"


def test_both_checkers_report_a_bad_file(tmp_path: Path, jena_cp: str) -> None:
    """The checks above would see a problem: an ill-typed literal (a warning) and a broken line (an error)."""
    ill_typed = tmp_path / "ill_typed.nt"
    ill_typed.write_text('<http://a.example/s> <http://a.example/p> "x"^^<http://www.w3.org/2001/XMLSchema#int> .\n')
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://a.example/s> <http://a.example/p> .\n")
    assert any("not valid for datatype" in line for line in riot_problems(jena_cp, "ntriples", [ill_typed]))
    assert riot_problems(jena_cp, "turtle", [broken])
    assert rapper_problems(broken, "turtle")


def riot_count(jena_cp: str, path: Path, syntax: str) -> int:
    done = riot(jena_cp, "--count", f"--syntax={syntax}", str(path))
    assert done.returncode == 0, done.stderr[-800:]
    match = re.search(r"Triples = ([\d,]+)", done.stdout + done.stderr)
    assert match, f"riot --count printed no count: {done.stdout} {done.stderr}"
    return int(match[1].replace(",", ""))


def test_triple_counts_agree(release: Path, jena_cp: str) -> None:
    nt = release / "exoc.nt"
    by_rdflib = len(Graph().parse(nt, format="nt"))
    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    by_oxigraph = len(store)
    assert riot_count(jena_cp, nt, "ntriples") == by_rdflib == by_oxigraph > 0
    # the same graph in JSON-LD and RDF/XML, which rapper could not count for JSON-LD
    assert riot_count(jena_cp, release / "exoc.jsonld", "jsonld10") == by_rdflib
    assert riot_count(jena_cp, release / "exoc.owl", "rdfxml") == by_rdflib
