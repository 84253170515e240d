"""SPARQL over a release (embedded Oxigraph store) or a remote endpoint, and result rendering."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.namespaces import compress

#: release files loaded by `open_release`: the merged graph as default graph, per-document graphs
DEFAULT_GRAPH_FILE = "exoc.nt"
NAMED_GRAPHS_FILE = "exoc.trig"
_FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE, ".owl": ox.RdfFormat.RDF_XML,
            ".rdf": ox.RdfFormat.RDF_XML, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
            ".jsonld": ox.RdfFormat.JSON_LD}
_STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|'
                                   r"'(?:\\.|[^'\\\n])*'|#[^\n]*|<[^>\s]*>")


@dataclass
class QueryResult:
    """Result of a SELECT (variables + rows), ASK (boolean) or CONSTRUCT/DESCRIBE (triples)."""

    variables: list[str] = field(default_factory=list)
    rows: list[list[str | None]] = field(default_factory=list)   # IRIs in full, literals as text
    boolean: bool | None = None
    triples: list[str] = field(default_factory=list)             # N-Triples lines


def open_release(data: Path) -> ox.Store:
    """An in-memory store of a release: a build directory, or any single RDF file."""
    store = ox.Store()
    if data.is_dir():
        default = data / DEFAULT_GRAPH_FILE
        if not default.is_file():
            raise MissingInputError(f"{default}: no release here; run `exo build` first")
        store.bulk_load(path=str(default), format=ox.RdfFormat.N_TRIPLES)
        named = data / NAMED_GRAPHS_FILE
        if named.is_file():
            store.bulk_load(path=str(named), format=ox.RdfFormat.TRIG)
        return store
    if not data.is_file():
        raise MissingInputError(f"{data}: no such file")
    fmt = _FORMATS.get(data.suffix.lower())
    if fmt is None:
        raise InputError(f"{data}: unknown RDF extension (use one of {', '.join(_FORMATS)})")
    try:
        store.bulk_load(path=str(data), format=fmt)
    except (SyntaxError, OSError) as err:
        raise InputError(f"{data}: cannot be parsed ({err})") from err
    return store


def uses_service(query: str) -> bool:
    """True when the query has a SERVICE clause (comments, strings and IRIs ignored)."""
    return re.search(r"\bSERVICE\b", _STRINGS_AND_COMMENTS.sub(" ", query), re.IGNORECASE) is not None


def _term(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return term.value
    return str(getattr(term, "value", term))


def run_query(store: ox.Store, query: str, allow_service: bool = False) -> QueryResult:
    """Evaluate a query; federated SERVICE calls are refused unless explicitly allowed."""
    if uses_service(query) and not allow_service:
        raise InputError("query: has a SERVICE clause; it would reach the network. "
                         "Pass --allow-service to run it anyway")
    try:
        result = store.query(query)
    except SyntaxError as err:
        raise InputError(f"query: invalid SPARQL ({err})") from err
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        return QueryResult(variables, [[_term(row[v]) for v in variables] for row in result])
    return QueryResult(triples=sorted(f"{t.subject} {t.predicate} {t.object} ." for t in result))


def run_remote(endpoint: str, query: str) -> QueryResult:
    """The same query against a remote SPARQL endpoint (SPARQL 1.1 protocol, JSON results)."""
    from SPARQLWrapper import JSON, SPARQLWrapper  # imported here: only remote queries need it

    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    try:
        data = client.query().convert()
    except Exception as err:  # SPARQLWrapper raises urllib and its own errors
        raise InputError(f"{endpoint}: query failed ({err})") from err
    assert isinstance(data, dict)
    if "boolean" in data:
        return QueryResult(boolean=bool(data["boolean"]))
    variables = list(data["head"]["vars"])
    rows = [[(b.get(v) or {}).get("value") for v in variables] for b in data["results"]["bindings"]]
    return QueryResult(variables, rows)


def _cells(result: QueryResult, curies: bool) -> list[list[str]]:
    def cell(value: str | None) -> str:
        if value is None:
            return ""
        return compress(value) if curies else value

    return [[cell(v) for v in row] for row in result.rows]


def to_delimited(result: QueryResult, delimiter: str, curies: bool = True) -> str:
    """CSV or TSV: a header of variable names, one line per row."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    if result.boolean is not None:
        writer.writerows([["boolean"], [str(result.boolean).lower()]])
    elif result.triples:
        return "\n".join(result.triples) + "\n"
    else:
        writer.writerow(result.variables)
        writer.writerows(_cells(result, curies))
    return buf.getvalue()


def to_json(result: QueryResult, curies: bool = False) -> str:
    """A SPARQL-results-like JSON document (values as plain strings)."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=2) + "\n"
    rows = _cells(result, curies)
    bindings = [{v: val for v, val in zip(result.variables, row, strict=True) if val} for row in rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[QueryResult], str]] = {
    "csv": lambda r: to_delimited(r, ","),
    "tsv": lambda r: to_delimited(r, "\t"),
    "json": to_json,
}


def guess_output_format(output: Path | None, fmt: str | None) -> str:
    """--format wins; else the output file's extension; else a table on the terminal."""
    if fmt:
        return fmt
    if output is not None and output.suffix.lstrip(".") in RENDERERS:
        return output.suffix.lstrip(".")
    return "table"


def read_query(text: str | None, file: Path | None, stdin: Callable[[], str]) -> str:
    """The query from --file, from the argument, or from standard input (in that order)."""
    if file is not None:
        if not file.is_file():
            raise MissingInputError(f"{file}: no such query file")
        return file.read_text(encoding="utf-8")
    if text:
        return text
    query = stdin()
    if not query.strip():
        raise InputError("query: none given (pass a query, --file FILE, or pipe one on stdin)")
    return query
