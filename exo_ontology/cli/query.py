"""`exo query`: SPARQL over the release (embedded store), RDF files, or a remote endpoint; read-only.

Imports only typer, pyoxigraph and the `query` package, so the command starts fast (no rdflib, curies).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from exo_ontology.cli.common import Root, err, exit_on_error, paths_of
from exo_ontology.errors import EXIT_INTERRUPTED, EXIT_INVALID
from exo_ontology.query.binding import parse_bindings
from exo_ontology.query.command import DEFAULT_TIMEOUT, Request, parse_named_graphs, read_query, run_request
from exo_ontology.query.formats import FORMATS
from exo_ontology.query.named import check_params, find_named, listing, load_named


def query_cli(
    query: Annotated[str | None, typer.Argument(help="SPARQL text; else --file, -n NAME, else stdin.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a file.")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Run a named query (see --list).")] = None,
    list_named: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
    bind: Annotated[list[str] | None, typer.Option(
        "--bind", help="var=VALUE: a CURIE, <IRI>, \"x\"@en, \"5\"^^xsd:int or plain text; repeatable.")] = None,
    data: Annotated[list[Path] | None, typer.Option(
        "--data", help="Query these RDF files or directories instead of the release; repeatable.")] = None,
    named_graph: Annotated[list[str] | None, typer.Option(
        "--named-graph", help="IRI=FILE: load FILE into the named graph IRI (instead of the release); "
                              "repeatable.")] = None,
    endpoint: Annotated[str | None, typer.Option("--endpoint", help="Remote SPARQL endpoint URL.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write results to a file.")] = None,
    curies: Annotated[bool, typer.Option("--curies", help="CURIEs for IRIs (table and csv only).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop the query after this many seconds.")]
    = DEFAULT_TIMEOUT,
    fail_empty: Annotated[bool, typer.Option("--fail-empty",
                                             help="Exit 1 when there is no result (or ASK is false).")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service",
                                                help="Allow SERVICE clauses (network).")] = False,
    root: Root = None,
) -> None:
    """Run a read-only SPARQL query; SELECT/ASK as table, csv, tsv, json or xml, CONSTRUCT/DESCRIBE as
    ttl, nt, nq, jsonld or rdfxml. Exit 0 ok, 1 empty (with --fail-empty), 2 bad input, 3 timeout, 130 Ctrl-C.

    Examples: exo query "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"; exo query -n effects_by_disease
    --bind disease=MONDO:0007254 --format csv
    """
    with exit_on_error():
        try:
            paths = paths_of(root)
            bindings = parse_bindings(bind or [])
            if list_named:
                sys.stdout.write(listing(load_named(paths.queries_dir)))
                return
            if name is not None:
                named = find_named(load_named(paths.queries_dir), name)
                check_params(named, set(bindings))
                text = named.text
            else:
                text = read_query(query, file, sys.stdin.read)
            request = Request(text, paths.build_dir, fmt, output, bindings, tuple(data or ()),
                              parse_named_graphs(named_graph or []), endpoint, curies,
                              allow_service, timeout, file.resolve().as_uri() if file else None)
            rendered = run_request(request, err)
        except KeyboardInterrupt:
            err("error: interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if output is None:
            sys.stdout.buffer.write(rendered.data)
            sys.stdout.flush()
        else:
            output.write_bytes(rendered.data)
        if fail_empty and rendered.empty:
            raise typer.Exit(EXIT_INVALID)
