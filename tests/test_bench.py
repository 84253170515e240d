"""The query benchmark's parts: the 1M-release generator, the process measurement, the verdicts, the engines.

`make bench-queries` itself is not a test (timings are not asserted); these check what its numbers rest on.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pyoxigraph as ox

from bench.engines import ENGINES, Target
from bench.generate import generate
from bench.measure import floor, measure, tsv_rows
from bench.queries import Plan, run_release, write_queries
from bench.report import EXO, GOALS, OXIGRAPH, RDFLIB, Measured, row_mismatches, verdict
from bench.sections import replace_section
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.query.named import bind, load_named

Built = tuple[Paths, BuildResult]


def open_release(build: Path) -> ox.Store:
    """The release as every engine of the benchmark loads it: exoc.nt as default graph, exoc.trig's graphs."""
    store = ox.Store()
    store.bulk_load(path=str(build / "exoc.nt"), format=ox.RdfFormat.N_TRIPLES)
    store.bulk_load(path=str(build / "exoc.trig"), format=ox.RdfFormat.TRIG)
    return store


def rows(store: ox.Store, query: str) -> list[list[str]]:
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    return [[str(term) for term in row] for row in solutions]


SLOTS = "SELECT DISTINCT ?p ?o WHERE { ?f a <https://w3id.org/exoc/EXOC_0000001> ; ?p ?o }"


def test_generator_is_seeded_and_sized(built: Built, tmp_path: Path) -> None:
    paths, _ = built
    first = generate(paths.build_dir, tmp_path / "a", 30_000)
    second = generate(paths.build_dir, tmp_path / "b", 30_000)
    for name in ("exoc.nt", "exoc.trig", "manifest.json"):
        assert (tmp_path / "a" / "build" / name).read_bytes() == (tmp_path / "b" / "build" / name).read_bytes()
    assert 30_000 <= first.total < 33_000
    assert len(open_release(tmp_path / "a" / "build")) == first.total == second.total
    other = generate(paths.build_dir, tmp_path / "c", 30_000, seed=2)
    assert (tmp_path / "c" / "build" / "exoc.nt").read_bytes() != (tmp_path / "a" / "build" / "exoc.nt").read_bytes()
    assert other.findings == first.findings


def test_generated_findings_vary_real_slot_values(built: Built, tmp_path: Path) -> None:
    paths, _ = built
    made = generate(paths.build_dir, tmp_path / "big", 30_000)
    real = {(p, o) for p, o in rows(open_release(paths.build_dir), SLOTS)}
    store = open_release(made.out / "build")
    generated = {(p, o) for p, o in rows(store, SLOTS)}
    new = {(p, o) for p, o in generated if "/finding/" not in o and "/evidence/" not in o} - real
    assert not new, f"slot values not in the real release: {sorted(new)[:3]}"
    iris = {r[0] for r in rows(store, "SELECT ?f WHERE { ?f a <https://w3id.org/exoc/EXOC_0000001> }")}
    assert len(iris) == made.findings
    assert all(re.fullmatch(r"<https://w3id.org/exoc/finding/F[0-9a-f]{16}>", iri) for iri in iris)
    graphs = rows(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0][0]
    assert graphs == f'"{made.documents}"^^<http://www.w3.org/2001/XMLSchema#integer>'


def test_named_queries_return_rows_on_the_generated_release(built: Built, tmp_path: Path) -> None:
    paths, _ = built
    made = generate(paths.build_dir, tmp_path / "big", 30_000)
    store, real = open_release(made.out / "build"), open_release(paths.build_dir)
    for name, query in load_named(paths.ontology_dir / "queries").items():
        text = bind(query, query.examples())
        assert rows(store, text), f"{name}: no row on the generated release"
    named = load_named(paths.ontology_dir / "queries")["findings_per_graph"]
    per_graph = bind(named, named.examples())
    assert len(rows(store, per_graph)) > len(rows(real, per_graph))


def test_measure_reports_wall_peak_and_stops_at_the_limit(tmp_path: Path) -> None:
    grow = measure([sys.executable, "-c", "import time; b = bytearray(200 * 2**20); time.sleep(0.3)"],
                   tmp_path / "grow.out")
    assert grow.failure() is None
    assert 200 <= grow.peak_mb < 400
    assert grow.wall >= 0.3
    assert floor(tmp_path) < 50  # the launcher, not the benchmark's own size, is the floor
    stopped = measure(["sleep", "30"], tmp_path / "sleep.out", timeout=0.5)
    assert stopped.killed and stopped.failure() == "stopped by the time limit"
    failing = measure([sys.executable, "-c", "raise SystemExit('bad query')"], tmp_path / "fail.out")
    assert failing.failure() == "exit 1: bad query"


def _measured(engine: str, wall: float, release: str = "1M", rows: int = 3, at_least: bool = False) -> Measured:
    return Measured("q", release, engine, (wall, wall * 2, wall / 2), (10.0,), rows, at_least=at_least)


def test_rows_are_counted_in_both_tsv_forms(tmp_path: Path) -> None:
    sparql, csv_module = tmp_path / "w3c.tsv", tmp_path / "csv.tsv"
    sparql.write_text('?q\t?n\n"a\\nb"\t1\n"c"\t2\n', encoding="utf-8")
    csv_module.write_text('q\tn\n"a\nb"\t1\nc\t2\n', encoding="utf-8")
    assert tsv_rows(sparql) == tsv_rows(csv_module) == 2


def test_verdicts_compare_medians_against_each_target() -> None:
    within_2x, faster_50x = GOALS[1], GOALS[2]
    assert verdict(within_2x, _measured(EXO, 1.9), _measured(OXIGRAPH, 1.0)).outcome == "pass"
    assert verdict(within_2x, _measured(EXO, 2.1), _measured(OXIGRAPH, 1.0)).outcome == "FAIL"
    assert verdict(faster_50x, _measured(RDFLIB, 60.0), _measured(EXO, 1.0)).outcome == "pass"
    assert verdict(faster_50x, _measured(RDFLIB, 40.0), _measured(EXO, 1.0)).outcome == "FAIL"
    stopped = verdict(faster_50x, _measured(RDFLIB, 40.0, at_least=True), _measured(EXO, 1.0))
    assert stopped.outcome.startswith("undetermined") and stopped.ratio == 40.0
    assert row_mismatches([_measured(EXO, 1.0), _measured(OXIGRAPH, 1.0, rows=4)]) == [
        "* q on the 1M: exo query 3, oxigraph query 4"]


def test_sections_of_the_results_file_are_replaced_independently(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    replace_section(results, "build", "build numbers 1")
    replace_section(results, "queries", "query numbers 1")
    replace_section(results, "build", "build numbers 2")
    text = results.read_text(encoding="utf-8")
    assert "build numbers 2" in text and "query numbers 1" in text and "build numbers 1" not in text
    assert text.index("build numbers 2") < text.index("query numbers 1")


def test_every_engine_answers_a_named_query_with_the_same_rows(built: Built, tmp_path: Path) -> None:
    paths, _ = built
    queries = write_queries(tmp_path / "queries", {"findings_with_quotes"})  # quotes with newlines
    target = Target("release", paths.root, tmp_path / "work")
    target.work.mkdir()
    results, notes = run_release(target, list(ENGINES), queries, Plan({("release", "*"): 1}, 60))
    assert {r.engine for r in results} == set(ENGINES) and len(notes) == len(ENGINES)
    assert all(r.note == "" and r.rows for r in results), [(r.engine, r.note, r.rows) for r in results]
    assert not row_mismatches(results)
