"""Run the SHACL shapes of shapes/ with pySHACL and turn its results into report rows."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.namespaces import compress
from exo_ontology.validation.report import Problem

SEVERITY = {SH.Violation: "ERROR", SH.Warning: "WARN", SH.Info: "INFO"}


#: the release's own naming policy (findings and evidence under w3id.org/exoc/), which an ontology
#: that imports EXOC and names its findings in its own namespace is not held to
RELEASE_POLICY_SHAPES = "exoc-release-iris.shacl.ttl"


def load_shapes(shapes_dir: Path, release: bool = True) -> Graph:
    """The *.ttl files of shapes_dir merged into one shapes graph; without the release's naming
    policy when `release` is false."""
    files = sorted(p for p in shapes_dir.glob("*.ttl") if release or p.name != RELEASE_POLICY_SHAPES)
    if not files:
        raise MissingInputError(f"{shapes_dir}: no SHACL shapes (*.ttl) found")
    shapes = Graph()
    for path in files:
        try:
            shapes.parse(path, format="turtle")
        except Exception as err:  # rdflib raises many parser-specific types
            raise InputError(f"{path}: not valid Turtle ({err})") from err
    return shapes


def _name(node: object) -> str:
    return compress(str(node)) if isinstance(node, URIRef) else ""


def run_shacl(data: Graph, shapes: Graph) -> list[Problem]:
    """Validate `data` against `shapes`; one Problem per SHACL validation result."""
    from pyshacl import validate  # imported here: pySHACL adds ~0.25 s to start-up

    _conforms, results, _text = validate(data, shacl_graph=shapes, inference="none",
                                         allow_warnings=True, allow_infos=True)
    problems = []
    for result in results.objects(None, SH.result):  # top-level results only (not sh:detail)
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        component = results.value(result, SH.sourceConstraintComponent)
        rule = _name(shape) or _name(component).replace("sh:", "") or "shacl"
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        detail = f"{message}" + (f" (value: {compress(str(value))})" if value is not None else "")
        problems.append(Problem(
            level=SEVERITY.get(severity, "ERROR"),
            rule=f"shacl:{rule}",
            subject=compress(str(results.value(result, SH.focusNode))),
            property=_name(results.value(result, SH.resultPath)),
            value=detail,
        ))
    return problems
