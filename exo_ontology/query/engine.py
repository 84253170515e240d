"""SPARQL over an in-memory release as plain Python values, for library code (findings table, tests, bench).

`exo query` itself goes through `command` (checks, on-disk store, worker process, exact result formats).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError
from exo_ontology.query.safety import uses_service
from exo_ontology.query.store import load_data

__all__ = ["QueryResult", "open_release", "run_query", "uses_service"]


@dataclass
class QueryResult:
    """Result of a SELECT (variables + rows), ASK (boolean) or CONSTRUCT/DESCRIBE (triples)."""

    variables: list[str] = field(default_factory=list)
    rows: list[list[str | None]] = field(default_factory=list)   # IRIs in full, literals as text
    boolean: bool | None = None
    triples: list[str] = field(default_factory=list)             # N-Triples lines


def open_release(data: Path) -> ox.Store:
    """An in-memory store of a release: a build directory, or any single RDF file."""
    return load_data([data])


def _term(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return term.value
    return str(getattr(term, "value", term))


def run_query(store: ox.Store, query: str, allow_service: bool = False,
              substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
    """Evaluate a query; federated SERVICE calls are refused unless explicitly allowed."""
    if uses_service(query) and not allow_service:
        raise InputError("query: has a SERVICE clause; it would reach the network. "
                         "Pass --allow-service to run it anyway")
    try:
        result = store.query(query, substitutions=substitutions)  # type: ignore[arg-type]
    except SyntaxError as err:
        raise InputError(f"query: invalid SPARQL ({err})") from err
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        return QueryResult(variables, [[_term(row[v]) for v in variables] for row in result])
    return QueryResult(triples=sorted(f"{t.subject} {t.predicate} {t.object} ." for t in result))
