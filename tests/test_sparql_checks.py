"""The QC queries ontology/sparql/*-violation.rq: fixtures per rule, both engines, the edit file, speed."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
SPARQL_DIR = ROOT / "ontology" / "sparql"
FIXTURES = ROOT / "tests" / "fixtures" / "sparql"
EDIT_FILE = ROOT / "ontology" / "exoc-edit.ttl"
VARIABLES = ["entity", "property", "value"]
EXPECT = re.compile(r"^# expect: <([^>]+)>\s*$", re.MULTILINE)

QUERIES = sorted(SPARQL_DIR.glob("*-violation.rq"))
RULES = [path.name.removesuffix("-violation.rq") for path in QUERIES]

Row = tuple[str, str, str]


def _text(term: object) -> str:
    """A result term as plain text, the same for both engines ("" when unbound)."""
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def run_oxigraph(query: str, data: Path) -> tuple[list[str], set[Row]]:
    """Variables and rows of `query` over `data` (Turtle), with pyoxigraph."""
    store = ox.Store()
    store.load(path=str(data), format=ox.RdfFormat.TURTLE)
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return names, {tuple(_text(row[name]) for name in VARIABLES) for row in solutions}  # type: ignore[misc]


def run_rdflib(query: str, data: Path) -> tuple[list[str], set[Row]]:
    """Variables and rows of `query` over `data` (Turtle), with rdflib's own engine."""
    graph = Graph()
    graph.parse(data, format="turtle")
    result = graph.query(query)
    names = [str(v) for v in result.vars or []]
    return names, {tuple(_text(row[name]) for name in VARIABLES) for row in result}  # type: ignore[index, misc]


def expected_entities(fixture: Path) -> set[str]:
    """The entities an invalid fixture declares it must be reported for (`# expect: <IRI>`)."""
    return set(EXPECT.findall(fixture.read_text(encoding="utf-8")))


def test_there_are_qc_queries_and_fixture_dirs_match_them() -> None:
    """A fixture directory without its query is as wrong as a query without fixtures."""
    assert len(QUERIES) >= 15
    fixture_rules = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    assert fixture_rules == RULES, "tests/fixtures/sparql/<rule>/ must match ontology/sparql/<rule>-violation.rq"


@pytest.mark.parametrize("rule", RULES)
def test_query_header_and_variables(rule: str) -> None:
    """Each query opens with `# <description>` and selects exactly ?entity ?property ?value."""
    text = (SPARQL_DIR / f"{rule}-violation.rq").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith(f"# {rule}: ") and len(first) > len(rule) + 12, (
        f"{rule}-violation.rq: first line must be '# {rule}: <description>'")
    names, _ = run_oxigraph(text, FIXTURES / rule / "valid.ttl")
    assert names == VARIABLES


@pytest.mark.parametrize("rule", RULES)
def test_fixtures_exist(rule: str) -> None:
    """Adding a query without a conforming and a violating fixture fails here."""
    for kind in ("valid", "invalid"):
        path = FIXTURES / rule / f"{kind}.ttl"
        assert path.is_file(), f"missing fixture {path.relative_to(ROOT)} for {rule}-violation.rq"
    assert expected_entities(FIXTURES / rule / "invalid.ttl"), (
        f"tests/fixtures/sparql/{rule}/invalid.ttl must name the offending entities "
        "in '# expect: <IRI>' lines")


@pytest.mark.parametrize("engine", [run_oxigraph, run_rdflib], ids=["pyoxigraph", "rdflib"])
@pytest.mark.parametrize("rule", RULES)
def test_valid_fixture_gives_no_row(rule: str, engine: object) -> None:
    query = (SPARQL_DIR / f"{rule}-violation.rq").read_text(encoding="utf-8")
    _, rows = engine(query, FIXTURES / rule / "valid.ttl")  # type: ignore[operator]
    assert rows == set()


@pytest.mark.parametrize("engine", [run_oxigraph, run_rdflib], ids=["pyoxigraph", "rdflib"])
@pytest.mark.parametrize("rule", RULES)
def test_invalid_fixture_names_the_offending_entities(rule: str, engine: object) -> None:
    fixture = FIXTURES / rule / "invalid.ttl"
    query = (SPARQL_DIR / f"{rule}-violation.rq").read_text(encoding="utf-8")
    _, rows = engine(query, fixture)  # type: ignore[operator]
    assert rows, f"{rule}: the violating fixture gives no row"
    assert {entity for entity, _, _ in rows} == expected_entities(fixture)
    assert all(prop for _, prop, _ in rows), f"{rule}: every row must name a property"


@pytest.mark.parametrize("rule", RULES)
def test_both_engines_agree(rule: str) -> None:
    """The queries avoid engine-specific behaviour: pyoxigraph and rdflib give the same rows."""
    query = (SPARQL_DIR / f"{rule}-violation.rq").read_text(encoding="utf-8")
    fixture = FIXTURES / rule / "invalid.ttl"
    assert run_oxigraph(query, fixture)[1] == run_rdflib(query, fixture)[1]


@pytest.mark.parametrize("engine", [run_oxigraph, run_rdflib], ids=["pyoxigraph", "rdflib"])
def test_edit_file_passes_every_check(engine: object) -> None:
    failures = {}
    for path in QUERIES:
        _, rows = engine(path.read_text(encoding="utf-8"), EDIT_FILE)  # type: ignore[operator]
        if rows:
            failures[path.name] = sorted(rows)
    assert failures == {}


def _synthetic_store(n_classes: int) -> ox.Store:
    """A release-like graph: labelled, defined classes with restrictions and lists, a few
    deprecated classes referenced by live ones, duplicate labels, and findings with evidence."""
    owl, rdf = "http://www.w3.org/2002/07/owl#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    nn, lit, quad = ox.NamedNode, ox.Literal, ox.Quad
    a, label = nn(rdf + "type"), nn("http://www.w3.org/2000/01/rdf-schema#label")
    definition = nn("http://purl.obolibrary.org/obo/IAO_0000115")
    sub = nn("http://www.w3.org/2000/01/rdf-schema#subClassOf")

    def go(i: int) -> ox.NamedNode:
        return nn(f"http://purl.obolibrary.org/obo/GO_{i:07d}")

    quads = []
    for i in range(n_classes):
        cls = go(i)
        quads += [quad(cls, a, nn(owl + "Class")), quad(cls, label, lit(f"term {i}")),
                  quad(cls, definition, lit(f"definition {i}")), quad(cls, sub, go(i // 2))]
        if i % 10 == 0:
            restriction, head, tail = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
            quads += [quad(cls, sub, restriction),
                      quad(restriction, nn(owl + "someValuesFrom"), go(i + 1)),
                      quad(cls, nn(owl + "equivalentClass"), head),
                      quad(head, nn(rdf + "first"), go(i + 2)), quad(head, nn(rdf + "rest"), tail),
                      quad(tail, nn(rdf + "first"), go(i + 3)), quad(tail, nn(rdf + "rest"), nn(rdf + "nil"))]
        if i % 500 == 0:
            quads += [quad(cls, nn(owl + "deprecated"), lit(True)), quad(go(i + 7), sub, cls),
                      quad(go(i + 8), label, lit(f"term {i + 9}"))]
    for i in range(n_classes // 2):
        finding, evidence = nn(f"https://w3id.org/exoc/finding/{i}"), nn(f"https://w3id.org/exoc/evidence/{i}")
        quads += [quad(finding, a, nn("https://w3id.org/exoc/EXOC_0000001")),
                  quad(finding, nn("http://www.w3.org/ns/prov#wasDerivedFrom"), evidence),
                  quad(evidence, a, nn("https://w3id.org/exoc/EXOC_0000002")),
                  quad(evidence, nn("https://w3id.org/exoc/EXOC_0000120"), lit(f"quote {i}")),
                  quad(evidence, nn("http://www.w3.org/ns/prov#wasQuotedFrom"), nn("https://w3id.org/exoc/source/d"))]
    store = ox.Store()
    store.bulk_extend(quads)
    return store


def test_checks_scale_linearly() -> None:
    """~110k triples: a query that joins every label with every label (or runs a NOT EXISTS
    group per finding) takes minutes here, a linear one well under a second."""
    store = _synthetic_store(15_000)
    assert len(store) > 100_000
    slow = {}
    for path in QUERIES:
        start = time.perf_counter()
        rows = list(store.query(path.read_text(encoding="utf-8")))  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
        if elapsed > 3.0:
            slow[path.name] = round(elapsed, 1)
        if path.name.startswith(("duplicate_label", "deprecated_class")):
            assert rows, f"{path.name}: the synthetic graph has violations of this rule"
    assert slow == {}
