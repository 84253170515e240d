"""`exo sources add`: copy a document into sources/ with its manifest row."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exo_ontology.cli.common import Root, err, exit_on_error, paths_of

app = typer.Typer(no_args_is_help=True, help="Manage the source documents.")


@app.command("add")
def add_cli(
    path: Annotated[Path, typer.Argument(help="File to add: text, PubMed XML (.xml/.xml.gz), BioC XML/JSON "
                                               "or PubTator.")],
    title: Annotated[str, typer.Option("--title")] = "",
    doi: Annotated[str, typer.Option("--doi")] = "",
    licence: Annotated[str, typer.Option("--licence", "--license")] = "",
    root: Root = None,
) -> None:
    """Copy a file into sources/ unchanged and write its manifest row, or one row per article of a
    PubMed/BioC/PubTator file (PMID, PMCID, DOI, title, journal, year, licence as the file states them);
    an article already listed (same PMID) is skipped with a note. The next build picks them up.

    Example: exo sources add paper.txt --title "EVs in glioma" --doi 10.1000/xyz --licence "CC BY 4.0"
    """
    from exo_ontology.reading import add_sources

    with exit_on_error():
        added = add_sources(paths_of(root).sources_dir, path, title=title, doi=doi, licence=licence)
        for note in added.notes:
            err(f"note: {note}")
        for doc in added.docs:
            err(f"added {doc.path}{' part ' + doc.part if doc.part else ''} as {doc.doc_id}")
