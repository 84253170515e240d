"""`exo query` as a user runs it (a real process): named queries, --bind, exit codes, the time limit,
Ctrl-C, the on-disk store (rebuilt when stale), --data, and an import path free of rdflib and friends."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib.query import Result

from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.query.named import load_named
from exo_ontology.query.store import STAMP, STORE_DIR, stale_reason, store_path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_named(ROOT / "ontology" / "queries")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # the release crossed with itself 3 times
HEAVY = {"rdflib", "pyshacl", "owlready2", "curies"}


def exo_query(paths: Paths, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "exo_ontology", "query", "--root", str(paths.root), *args],
                          capture_output=True, text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def release(built: tuple[Paths, BuildResult]) -> Paths:
    return built[0]


def test_the_build_writes_a_current_store(release: Paths) -> None:
    assert store_path(release.build_dir).is_dir()
    assert stale_reason(release.build_dir) is None
    assert "store" not in (release.build_dir / "manifest.json").read_text(encoding="utf-8")


def test_list_shows_every_named_query(release: Paths) -> None:
    done = exo_query(release, "--list")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["name", "title", "params"]
    assert len(lines) - 1 >= 12
    assert {line.split()[0] for line in lines[1:]} == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_each_named_query_answers_with_its_examples(release: Paths, name: str) -> None:
    query = QUERIES[name]
    binds = [arg for p in query.params for arg in ("--bind", f"{p.name}={p.example}")]
    done = exo_query(release, "-n", name, *binds, "--format", "json", "--fail-empty")
    assert done.returncode == 0, f"{name}: {done.stderr}"
    result = Result.parse(io.StringIO(done.stdout), format="json")
    rows = list(result)
    assert rows, f"{name}: no row with its examples"


def test_unknown_name_lists_close_names(release: Paths) -> None:
    done = exo_query(release, "-n", "findings_about_gen")
    assert done.returncode == 2
    assert "findings_about_gene" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_bind_injection_is_just_an_odd_literal(release: Paths) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = exo_query(release, count, "--format", "csv").stdout
    done = exo_query(release, "SELECT * WHERE { ?s ?p ?disease }", "--bind", 'disease=x" } DROP ALL #')
    assert done.returncode == 0, done.stderr
    assert exo_query(release, "SELECT * WHERE { ?s ?p ?disease }", "--bind", 'disease=x" } DROP ALL #',
                     "--fail-empty").returncode == 1
    assert exo_query(release, count, "--format", "csv").stdout == before


def test_bind_curie_narrows_and_table_shows_labels(release: Paths) -> None:
    query = "SELECT ?f ?d WHERE { ?f <https://w3id.org/exoc/EXOC_0000110> ?d }"
    done = exo_query(release, query, "--bind", "d=MONDO:0007254", "--curies")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()[2:]
    assert rows and all("MONDO:0007254 (breast cancer)" in row for row in rows)


def test_exit_codes_for_bad_input_and_empty_results(release: Paths) -> None:
    assert exo_query(release, "SELEKT").returncode == 2
    mismatch = exo_query(release, "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv")
    assert mismatch.returncode == 2 and "does not fit" in mismatch.stderr
    assert exo_query(release, "SELECT * { ?s ?p ?o } LIMIT 1", "--format", "ttl").returncode == 2
    refused = exo_query(release, "DELETE WHERE { ?s ?p ?o }")
    assert refused.returncode == 2 and "exo query is read-only; updates are refused" in refused.stderr
    assert exo_query(release, "ASK { ?s ?p 'no such value' }", "--fail-empty").returncode == 1
    assert exo_query(release, "ASK { ?s ?p 'no such value' }").returncode == 0


def test_timeout_stops_the_query_with_exit_3(release: Paths) -> None:
    start = time.monotonic()
    done = exo_query(release, SLOW, "--timeout", "2")
    assert done.returncode == 3, done.stderr
    assert "query timed out after 2 s" in done.stderr
    assert time.monotonic() - start < 30


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def test_ctrl_c_stops_the_query_with_exit_130(release: Paths) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "exo_ontology", "query", "--root", str(release.root), SLOW],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not _children(proc.pid):  # the worker runs: the query has started
        assert proc.poll() is None and time.monotonic() < deadline, "the query never started"
        time.sleep(0.05)
    worker = _children(proc.pid)[0]
    time.sleep(1)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert time.monotonic() - sent < 5
    assert not Path(f"/proc/{worker}").exists() or "zombie" in Path(f"/proc/{worker}/status").read_text()
    assert proc.stderr is not None and b"Traceback" not in proc.stderr.read()


def test_stale_or_missing_store_is_rebuilt(release: Paths) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = exo_query(release, count, "--format", "csv").stdout
    stamp = release.build_dir / STORE_DIR / STAMP
    stamp.write_text("0" * 64 + "\n", encoding="utf-8")  # made from another release
    done = exo_query(release, count, "--format", "csv")
    assert done.returncode == 0 and done.stdout == expected
    assert "made from another release; rebuilding" in done.stderr
    older = (release.build_dir / "manifest.json").stat().st_mtime - 10
    os.utime(stamp, (older, older))  # the release is newer than the store
    done = exo_query(release, count, "--format", "csv")
    assert "older than manifest.json; rebuilding" in done.stderr and done.stdout == expected
    fresh = exo_query(release, count, "--format", "csv")
    assert fresh.stderr == "" and fresh.stdout == expected


def test_data_queries_several_files_keeping_named_graphs(release: Paths, tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text("<http://ex.org/a> <http://ex.org/p> 1 .\n", encoding="utf-8")
    (tmp_path / "b.trig").write_text("<http://ex.org/g> { <http://ex.org/b> <http://ex.org/p> 2 . }\n",
                                     encoding="utf-8")
    query = "SELECT ?s ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?s"
    done = exo_query(release, query, "--data", str(tmp_path / "a.ttl"), "--data", str(tmp_path / "b.trig"),
                     "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["s,g", "http://ex.org/a,", "http://ex.org/b,http://ex.org/g"]
    bad = tmp_path / "bad.ttl"
    bad.write_text("<x> <y>\n", encoding="utf-8")
    broken = exo_query(release, "ASK {}", "--data", str(bad))
    assert broken.returncode == 2 and "bad.ttl" in broken.stderr


def test_import_path_loads_no_heavy_library(release: Paths) -> None:
    script = (
        "import sys\n"
        "from exo_ontology.cli import app\n"
        f"sys.argv = ['exo', 'query', '--root', {str(release.root)!r}, 'ASK {{ ?s ?p ?o }}', '--curies', "
        "'--bind', 'x=MONDO:0007254']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(HEAVY)!r}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["true", "[]"]
