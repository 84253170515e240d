"""`exo query` as one library call: check the text, pick the format, run locally or remotely, write.

Everything is refused before anything runs or is sent: updates, SERVICE without leave, a format that
does not fit the query's form, malformed bindings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.query.binding import Term, term_text, with_values
from exo_ontology.query.execute import Job
from exo_ontology.query.formats import Options, Rendered, choose_format, render
from exo_ontology.query.remote import run_remote
from exo_ontology.query.safety import check_query
from exo_ontology.query.store import ensure_store, stale_reason
from exo_ontology.query.worker import run_in_worker

DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Request:
    """A query and every option of `exo query` that shapes its run."""

    text: str
    build_dir: Path
    fmt: str | None = None
    output: Path | None = None
    bindings: dict[str, Term] = field(default_factory=dict)
    data: tuple[Path, ...] = ()
    named: tuple[tuple[str, Path], ...] = ()
    endpoint: str | None = None
    curies: bool = False
    allow_service: bool = False
    timeout: float = DEFAULT_TIMEOUT
    base_iri: str | None = None


def parse_named_graphs(texts: list[str]) -> tuple[tuple[str, Path], ...]:
    """Every --named-graph IRI=FILE option, split at the last `=` (an IRI's query string may hold one)."""
    pairs = []
    for text in texts:
        graph, sep, path = text.rpartition("=")
        if not sep or not graph or not path:
            raise InputError(f"--named-graph {text}: expected IRI=FILE")
        pairs.append((graph, Path(path)))
    return tuple(pairs)


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
        raise InputError("query: none given (pass a query, --file FILE, -n NAME, or pipe one on stdin)")
    return query


def run_request(request: Request, log: Callable[[str], None]) -> Rendered:
    """Check, run and write one query; `log` gets one-line notes (e.g. a store being rebuilt)."""
    if request.timeout <= 0:
        raise InputError(f"--timeout {request.timeout:g}: must be a positive number of seconds")
    form = check_query(request.text, request.allow_service, request.base_iri)
    fmt = choose_format(request.fmt, request.output, form, request.curies)
    if request.endpoint:
        if request.data or request.named:
            raise InputError("--data/--named-graph and --endpoint: choose one")
        text = with_values(request.text, request.bindings)
        check_query(text, request.allow_service, request.base_iri)
        answer = run_remote(request.endpoint, text, form, request.timeout)
        try:
            return render(answer, fmt, Options(request.curies))
        except SyntaxError as err:
            raise InputError(f"{request.endpoint}: the answer is not SPARQL results ({err})") from None
    own_data = bool(request.data or request.named)
    # a store rebuilt here ran Oxigraph's threaded loader in this process: the worker is then a fresh
    # interpreter, not a fork (see worker)
    rebuilt = not own_data and stale_reason(request.build_dir) is not None
    store = None if own_data else ensure_store(request.build_dir, log)
    job = Job(request.text, fmt.name, store=str(store) if store else None,
              data=tuple(str(p) for p in request.data),
              named=tuple((graph, str(path)) for graph, path in request.named),
              bindings=tuple((n, term_text(t)) for n, t in sorted(request.bindings.items())),
              curies=request.curies, base_iri=request.base_iri)
    return run_in_worker(job, request.timeout, fresh=rebuilt)
