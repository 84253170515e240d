"""Run the QC queries ontology/sparql/*-violation.rq; every row they return is a problem."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError
from exo_ontology.namespaces import compress
from exo_ontology.validation.report import Problem


def violation_queries(sparql_dir: Path) -> dict[str, str]:
    """rule name -> query text, for every *-violation.rq file (sorted by name)."""
    return {p.name.removesuffix("-violation.rq"): p.read_text(encoding="utf-8")
            for p in sorted(sparql_dir.glob("*-violation.rq"))}


def _level(query: str) -> str:
    """A query may lower its level with a leading comment line `# level: WARN`."""
    for line in query.splitlines():
        if line.lower().startswith("# level:"):
            return line.split(":", 1)[1].strip().upper()
    return "ERROR"


def _text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compress(term.value)
    return str(getattr(term, "value", term))


def run_checks(store: ox.Store, queries: dict[str, str]) -> list[Problem]:
    """Run each query on the store; rows become Problems named after the rule."""
    problems: list[Problem] = []
    for rule, query in queries.items():
        try:
            solutions = store.query(query)
        except SyntaxError as err:
            raise InputError(f"{rule}-violation.rq: invalid SPARQL ({err})") from err
        level = _level(query)
        for row in solutions:  # type: ignore[union-attr]
            problems.append(Problem(level, rule, _text(row["entity"]),
                                    _text(row["property"]), _text(row["value"])))
    return problems
