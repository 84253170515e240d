"""`exo query`: SPARQL over the release (embedded store) or a remote endpoint."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from exo_ontology.cli.common import Root, exit_on_error, paths_of
from exo_ontology.namespaces import compress
from exo_ontology.query.engine import (
    RENDERERS,
    QueryResult,
    guess_output_format,
    open_release,
    read_query,
    run_query,
    run_remote,
)

FORMATS = ["table", *RENDERERS]


def _print_table(result: QueryResult) -> None:
    if result.boolean is not None:
        print("true" if result.boolean else "false")
        return
    if result.triples:
        print("\n".join(result.triples))
        return
    table = Table(*result.variables, show_lines=False)
    for row in result.rows:
        table.add_row(*("" if v is None else compress(v) for v in row))
    Console(width=200).print(table)
    print(f"{len(result.rows)} rows", file=sys.stderr)


def query_cli(
    query: Annotated[str | None, typer.Argument(help="SPARQL text; else --file, else stdin.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a file.")] = None,
    data: Annotated[Path | None, typer.Option("--data", help="Release dir or RDF file (default build/).")] = None,
    endpoint: Annotated[str | None, typer.Option("--endpoint", help="Remote SPARQL endpoint URL.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write results to a file.")] = None,
    allow_service: Annotated[bool, typer.Option("--allow-service",
                                                help="Allow SERVICE clauses (network).")] = False,
    root: Root = None,
) -> None:
    """Run a SPARQL query over the release and print a table, CSV, TSV or JSON.

    Example: exo query "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    """
    with exit_on_error():
        text = read_query(query, file, sys.stdin.read)
        chosen = guess_output_format(output, fmt)
        if chosen not in FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
        if endpoint:
            result = run_remote(endpoint, text)
        else:
            result = run_query(open_release(data or paths_of(root).build_dir), text, allow_service)
        if chosen == "table" and output is None:
            _print_table(result)
            return
        rendered = RENDERERS.get(chosen, RENDERERS["tsv"])(result)
        if output is None:
            sys.stdout.write(rendered)
        else:
            output.write_text(rendered, encoding="utf-8")
