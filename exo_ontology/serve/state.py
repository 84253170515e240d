"""The settings of a server and the state its routes share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment
from starlette.responses import PlainTextResponse, Response

from exo_ontology.query.named import NamedQuery
from exo_ontology.serve.data import DataSource
from exo_ontology.serve.pool import QueryPool
from exo_ontology.serve.search import SearchIndex
from exo_ontology.serve.worker import Failure


@dataclass(frozen=True)
class Settings:
    """What `exo serve` was asked to serve, and its limits."""

    data: DataSource
    queries_dir: Path | None = None
    timeout: float = 30.0
    max_results: int = 10_000
    workers: int = 2


@dataclass(frozen=True)
class Server:
    """Everything a route needs; built once at start-up."""

    settings: Settings
    store: ox.Store            # pages and search: this process's own read-only view
    pool: QueryPool            # every SPARQL query: worker processes with the time limit
    index: SearchIndex
    named: dict[str, NamedQuery]
    env: Environment
    counts: tuple[tuple[str, int], ...]


def failure_response(failure: Failure) -> Response:
    """Every refusal: its status and one line of text."""
    return PlainTextResponse(failure.message + "\n", status_code=failure.status)
