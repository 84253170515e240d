"""One query evaluated in a worker process: the result counted against the size limit, then written in the
negotiated format (protocol) or kept as cells (HTML tables). Pure over a store, so tests call it directly."""

from __future__ import annotations

from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph as ox

from exo_ontology.query.safety import looks_like_update as is_update
from exo_ontology.query.safety import uses_service
from exo_ontology.serve import results
from exo_ontology.serve.data import DataSource
from exo_ontology.serve.negotiation import choose

#: a term as plain data: (kind, value, language or datatype IRI); kind is uri, bnode or literal
Cell = tuple[str, str, str]


@dataclass(frozen=True)
class Job:
    """A query as the endpoint received it; `table` asks for cells (an HTML table) instead of a format."""

    query: str
    accept: str = "*/*"
    table: bool = False
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    substitutions: tuple[tuple[str, Cell], ...] = ()
    max_results: int = 10_000


@dataclass(frozen=True)
class Rendered:
    media_type: str
    body: bytes


@dataclass(frozen=True)
class Table:
    """SELECT rows, an ASK answer, or CONSTRUCT triples as rows of (subject, predicate, object)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Cell | None, ...], ...]
    boolean: bool | None = None


@dataclass(frozen=True)
class Failure:
    status: int
    message: str


Outcome = Rendered | Table | Failure


def to_cell(term: object) -> Cell:
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value, "")
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value, "")
    if isinstance(term, ox.Literal):
        return ("literal", term.value, f"@{term.language}" if term.language else term.datatype.value)
    return ("literal", str(term), "")


def from_cell(cell: Cell) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind, value, extra = cell
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if extra.startswith("@"):
        return ox.Literal(value, language=extra[1:])
    return ox.Literal(value, datatype=ox.NamedNode(extra) if extra else None)


def one_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= 200 else text[:197] + "..."


def _too_many(job: Job) -> Failure:
    return Failure(413, f"query: more than {job.max_results} results (the server's limit); "
                        "narrow the query or add LIMIT")


def _graphs(iris: tuple[str, ...] | None) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None:
    return None if iris is None else [ox.NamedNode(i) for i in iris]


def _evaluate(store: ox.Store, job: Job) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
    default = _graphs(job.default_graphs)
    if default is None and job.named_graphs is not None:
        default = []  # SPARQL Protocol 2.1.4: named graphs alone make an empty default graph
    named = None if job.named_graphs is None else [ox.NamedNode(i) for i in job.named_graphs]
    return store.query(job.query, default_graph=default, named_graphs=named,  # type: ignore[arg-type]
                       substitutions={ox.Variable(name): from_cell(cell) for name, cell in job.substitutions})


def _not_acceptable(offers: list[str]) -> Failure:
    return Failure(406, f"no acceptable format for this result; offered: {', '.join(offers)}")


def execute(store: ox.Store, job: Job) -> Outcome:
    """Evaluate one read-only query; every refusal is a Failure with its HTTP status and one line."""
    if is_update(job.query):
        return Failure(403, "query: a SPARQL Update; this endpoint is read-only")
    if uses_service(job.query):
        return Failure(403, "query: has a SERVICE clause; this server never reaches the network")
    try:
        result = _evaluate(store, job)
        if isinstance(result, ox.QueryBoolean):
            return _boolean(job, bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows: list[tuple[object, ...]] = []
            for solution in result:
                if len(rows) == job.max_results:
                    return _too_many(job)
                rows.append(tuple(solution[v] for v in variables))
            return _solutions(job, variables, rows)
        triples: list[ox.Triple] = []
        for triple in result:
            if len(triples) == job.max_results:
                return _too_many(job)
            triples.append(triple)
        return _graph(job, triples)
    except SyntaxError as err:
        return Failure(400, f"query: invalid SPARQL ({one_line(err)})")
    except (OSError, ValueError, TypeError) as err:
        return Failure(400, f"query: cannot be evaluated ({one_line(err)})")


def _boolean(job: Job, value: bool) -> Outcome:
    if job.table:
        return Table((), (), value)
    media = choose(job.accept, list(results.BOOLEAN_WRITERS))
    if media is None:
        return _not_acceptable(list(results.BOOLEAN_WRITERS))
    return Rendered(media, results.BOOLEAN_WRITERS[media](value))


def _solutions(job: Job, variables: tuple[str, ...], rows: list[tuple[object, ...]]) -> Outcome:
    if job.table:
        return Table(variables, tuple(tuple(None if t is None else to_cell(t) for t in row) for row in rows))
    media = choose(job.accept, list(results.SOLUTION_WRITERS))
    if media is None:
        return _not_acceptable(list(results.SOLUTION_WRITERS))
    return Rendered(media, results.SOLUTION_WRITERS[media](variables, rows))  # type: ignore[arg-type]


def _graph(job: Job, triples: list[ox.Triple]) -> Outcome:
    if job.table:
        ordered = sorted(triples, key=str)
        return Table(("subject", "predicate", "object"),
                     tuple((to_cell(t.subject), to_cell(t.predicate), to_cell(t.object)) for t in ordered))
    media = choose(job.accept, list(results.GRAPH_FORMATS))
    if media is None:
        return _not_acceptable(list(results.GRAPH_FORMATS))
    return Rendered(media, results.graph_bytes(triples, media))


def serve_forever(conn: Connection, source: DataSource) -> None:
    """A worker process: open the store, say ready, then answer jobs until the pipe closes."""
    store = source.open()
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        conn.send(execute(store, job))
