"""The SHACL shapes of shapes/: a conforming and a violating fixture per shape file, and the
ontology itself conforms (the shapes target findings, evidence and documents only)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

ROOT = Path(__file__).resolve().parents[1]
SHAPES_DIR = ROOT / "shapes"
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
EDIT_FILE = ROOT / "ontology" / "exoc-edit.ttl"
EXPECT = re.compile(r"^# expect: <([^>]+)> (?:<([^>]+)>|-)\s*$", re.MULTILINE)

SHAPE_FILES = sorted(SHAPES_DIR.glob("*.ttl"))
NAMES = [path.name.removesuffix(".ttl").removesuffix(".shacl") for path in SHAPE_FILES]


def load(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def run(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """pySHACL as the validation stage runs it: no inference, data and shapes apart."""
    conforms, results, _text = validate(data, shacl_graph=shapes, inference="none")
    assert isinstance(results, Graph)
    return bool(conforms), results


def results_of(report: Graph) -> list[dict[str, Node | None]]:
    """Top-level results (pySHACL also writes the nested results of sh:node as sh:detail)."""
    return [{"focus": report.value(r, SH.focusNode), "path": report.value(r, SH.resultPath),
             "shape": report.value(r, SH.sourceShape), "message": report.value(r, SH.resultMessage)}
            for r in report.objects(None, SH.result)]


def targeted_node_shapes(shapes: Graph) -> set[Node]:
    """Node shapes that select focus nodes by themselves (not only through sh:node)."""
    return {s for s in shapes.subjects(RDF.type, SH.NodeShape)
            if shapes.value(s, SH.targetClass) is not None or shapes.value(s, SH.targetNode) is not None}


def owner(shapes: Graph, shape: Node | None) -> Node | None:
    """The node shape a result's source shape belongs to (itself, or via sh:property)."""
    if shape in targeted_node_shapes(shapes):
        return shape
    return shapes.value(None, SH.property, shape)  # type: ignore[arg-type]


def test_every_shape_file_has_fixtures_and_nothing_else_does() -> None:
    assert NAMES, "no SHACL shapes under shapes/"
    assert sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) == NAMES
    for name in NAMES:
        for kind in ("valid", "invalid"):
            assert (FIXTURES / name / f"{kind}.ttl").is_file(), f"missing tests/fixtures/shapes/{name}/{kind}.ttl"


@pytest.mark.parametrize(("name", "shapes_file"), list(zip(NAMES, SHAPE_FILES, strict=True)), ids=NAMES)
def test_shapes_use_shacl_core_and_every_constraint_has_a_message(name: str, shapes_file: Path) -> None:
    shapes = load(shapes_file)
    assert not list(shapes.subjects(SH.sparql, None)), f"{name}: SHACL-SPARQL constraint found"
    for prop_shape in shapes.subjects(SH.path, None):
        if isinstance(prop_shape, URIRef) or shapes.value(None, SH.property, prop_shape) is not None:
            has_own = shapes.value(prop_shape, SH.message) is not None
            assert has_own, f"{name}: property shape {prop_shape} has no sh:message"
    for node_shape in targeted_node_shapes(shapes):
        assert shapes.value(node_shape, SH.message) is not None, f"{name}: {node_shape} has no sh:message"


@pytest.mark.parametrize(("name", "shapes_file"), list(zip(NAMES, SHAPE_FILES, strict=True)), ids=NAMES)
def test_valid_fixture_conforms(name: str, shapes_file: Path) -> None:
    conforms, report = run(load(FIXTURES / name / "valid.ttl"), load(shapes_file))
    assert conforms, [(str(r["focus"]), str(r["message"])) for r in results_of(report)]


@pytest.mark.parametrize(("name", "shapes_file"), list(zip(NAMES, SHAPE_FILES, strict=True)), ids=NAMES)
def test_invalid_fixture_reports_each_expected_focus_node(name: str, shapes_file: Path) -> None:
    fixture = FIXTURES / name / "invalid.ttl"
    expected = {(focus, path or None) for focus, path in EXPECT.findall(fixture.read_text(encoding="utf-8"))}
    assert expected, f"{fixture}: name the expected results in '# expect: <focus> <path>|-' lines"
    shapes = load(shapes_file)
    conforms, report = run(load(fixture), shapes)
    assert not conforms
    results = results_of(report)
    reported = {(str(r["focus"]), str(r["path"]) if r["path"] is not None else None) for r in results}
    assert expected - reported == set(), "expected results not reported"
    assert {str(r["focus"]) for r in results} == {focus for focus, _ in expected}, "unexpected focus nodes"
    messages = {str(m) for m in shapes.objects(None, SH.message)}
    for result in results:
        assert isinstance(result["message"], Literal) and str(result["message"]) in messages, (
            f"{result['focus']}: the result message must be one of the shapes' sh:message texts")
    hit = {owner(shapes, r["shape"]) for r in results}
    assert targeted_node_shapes(shapes) <= hit, "the violating fixture must exercise every targeted node shape"


def test_ontology_and_all_valid_fixtures_conform_to_all_shapes() -> None:
    """The release graph holds the ontology too: it must not be a focus node of any shape."""
    shapes = load(*SHAPE_FILES)
    data = load(EDIT_FILE, *(FIXTURES / name / "valid.ttl" for name in NAMES))
    conforms, report = run(data, shapes)
    assert conforms, [(str(r["focus"]), str(r["message"])) for r in results_of(report)]


def test_edit_file_alone_has_no_focus_node() -> None:
    _conforms, report = run(load(EDIT_FILE), load(*SHAPE_FILES))
    assert results_of(report) == []
