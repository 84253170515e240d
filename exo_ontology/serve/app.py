"""The app factory: settings, the state the routes share (store, worker pool, search index, named queries),
and the route table."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from exo_ontology.query.named import load_named
from exo_ontology.serve import views
from exo_ontology.serve.pool import QueryPool
from exo_ontology.serve.protocol import parse_operation
from exo_ontology.serve.search import SearchIndex
from exo_ontology.serve.state import Server, Settings, failure_response
from exo_ontology.serve.worker import Failure, Job, Rendered


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation (GET, form POST, direct POST)."""
    server: Server = request.app.state.server
    body = await request.body() if request.method == "POST" else b""
    operation = parse_operation(request.method, request.url.query, request.headers.get("content-type"), body)
    if isinstance(operation, Failure):
        return failure_response(operation)
    job = Job(operation.query, request.headers.get("accept") or "*/*", False, operation.default_graphs,
              operation.named_graphs, max_results=server.settings.max_results)
    outcome = await server.pool.run(job)
    if isinstance(outcome, Failure):
        return failure_response(outcome)
    assert isinstance(outcome, Rendered)
    return Response(outcome.body, media_type=outcome.media_type, headers={"Vary": "Accept"})


def environment() -> Environment:
    return Environment(loader=PackageLoader("exo_ontology.serve", "templates"),
                       autoescape=select_autoescape(("html",)), undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def _server(settings: Settings, pool: QueryPool) -> Server:
    store = settings.data.open()
    named = load_named(settings.queries_dir) if settings.queries_dir is not None else {}
    return Server(settings, store, pool, SearchIndex.build(store), named, environment(), views.counts(store))


def create_app(settings: Settings) -> Starlette:
    """The ASGI app; its worker processes start with the app and end with it."""
    settings.data.check()
    if settings.queries_dir is not None:
        load_named(settings.queries_dir)  # a bad query file stops start-up, naming the file

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = QueryPool(settings.data, settings.workers, settings.timeout)
        await pool.start()
        app.state.server = _server(settings, pool)
        try:
            yield
        finally:
            await pool.close()

    routes = [
        Route("/sparql", sparql, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/", views.home),
        Route("/search", views.search),
        Route("/query", views.query_page),
        Route("/term", views.term),
        Route("/style.css", views.style),
        Route("/{folder}/{stem}", views.folder_page),
        Route("/{path:path}", views.resource),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
