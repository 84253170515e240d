"""`exo sources add`: copy a document into sources/ with its manifest row."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exo_ontology.cli.common import Root, err, exit_on_error, paths_of

app = typer.Typer(no_args_is_help=True, help="Manage the source documents.")


@app.command("add")
def add_cli(
    path: Annotated[Path, typer.Argument(help="Text file to add.")],
    title: Annotated[str, typer.Option("--title")] = "",
    doi: Annotated[str, typer.Option("--doi")] = "",
    licence: Annotated[str, typer.Option("--licence", "--license")] = "",
    root: Root = None,
) -> None:
    """Copy a text file into sources/ and write its manifest row; the next build picks it up.

    Example: exo sources add paper.txt --title "EVs in glioma" --doi 10.1000/xyz --licence "CC BY 4.0"
    """
    from exo_ontology.reading import add_source

    with exit_on_error():
        doc = add_source(paths_of(root).sources_dir, path, title=title, doi=doi, licence=licence)
        err(f"added {doc.path} as {doc.doc_id}")
