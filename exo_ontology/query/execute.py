"""One local query run in full: open the store, bind, evaluate, write the result (what the worker does).

A `Job` is plain data (JSON both ways) so it can cross into the worker process that `worker` starts:
the parent checks and plans, the child evaluates, and a runaway child is killed without harm.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError
from exo_ontology.query.binding import term_of_text, with_values
from exo_ontology.query.formats import FORMATS, Options, Rendered, render
from exo_ontology.query.store import load_data, open_store
from exo_ontology.query.table import store_labeller


@dataclass(frozen=True)
class Job:
    """A checked query and where and how to run it: an on-disk store (read-only) or RDF files in memory;
    bindings as (variable, N-Triples term) pairs, given to the engine as substitutions."""

    query: str
    fmt: str
    store: str | None = None
    data: tuple[str, ...] = ()
    named: tuple[tuple[str, str], ...] = ()
    bindings: tuple[tuple[str, str], ...] = ()
    curies: bool = False
    labels: bool = True
    base_iri: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Job:
        raw = json.loads(text)
        raw["data"] = tuple(raw["data"])
        raw["named"] = tuple((graph, path) for graph, path in raw["named"])
        raw["bindings"] = tuple((name, term) for name, term in raw["bindings"])
        return cls(**raw)


def execute(job: Job) -> Rendered:
    """Run the job in this process."""
    store = open_store(Path(job.store)) if job.store else load_data(
        [Path(p) for p in job.data], tuple((graph, Path(path)) for graph, path in job.named))
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(name): term_of_text(text) for name, text in job.bindings}
    fmt = FORMATS[job.fmt]
    labels = store_labeller(store) if job.labels and fmt.name == "table" else None
    try:
        try:
            answer = store.query(job.query, base_iri=job.base_iri, substitutions=substitutions or None)
        except RuntimeError:
            if not substitutions:
                raise
            # Oxigraph substitutes only projected variables; any other is bound by a trailing VALUES
            # clause written from the same parsed terms (as for endpoints): still no text from the user
            bindings = {name: term_of_text(text) for name, text in job.bindings}
            answer = store.query(with_values(job.query, bindings), base_iri=job.base_iri)
        return render(answer, fmt, Options(job.curies, labels))
    except (SyntaxError, OSError, ValueError, RuntimeError) as err:
        raise InputError(f"query: failed ({str(err).splitlines()[0] if str(err) else type(err).__name__})") from None
