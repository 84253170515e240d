"""`exo serve`: the read-only SPARQL endpoint and linked-data pages over a release."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from exo_ontology.cli.common import Root, exit_on_error, paths_of


def serve_cli(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    data: Annotated[Path | None, typer.Option("--data", help="Release directory (default build/).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a query may run (then 503).")] = 30.0,
    max_results: Annotated[int, typer.Option("--max-results", min=1,
                                             help="Rows (or triples) a query may return (beyond: 413).")] = 10_000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Query worker processes.")] = 2,
    queries: Annotated[Path | None, typer.Option("--queries",
                                                 help="Named queries (default ontology/queries).")] = None,
    root: Root = None,
) -> None:
    """Serve the release: SPARQL 1.1 Protocol at /sparql, a page per IRI, /search, /query. Read-only.

    Example: exo serve --port 7878, then open http://127.0.0.1:7878/
    """
    import uvicorn  # imported here: only this command needs the server stack

    from exo_ontology.serve.app import create_app
    from exo_ontology.serve.data import DataSource
    from exo_ontology.serve.state import Settings

    with exit_on_error():
        paths = paths_of(root)
        named = queries or paths.ontology_dir / "queries"
        settings = Settings(DataSource(data or paths.build_dir), named if named.is_dir() else None,
                            timeout, max_results, workers)
        app = create_app(settings)
        print(f"serving {settings.data.describe()} on http://{host}:{port}/ (read-only)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
