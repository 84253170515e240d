"""`exo ground` (text -> ranked identifiers) and `exo extract` (files of any known format -> findings)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from exo_ontology.cli.common import Root, err, exit_on_error, paths_of
from exo_ontology.errors import InputError

GROUND_COLUMNS = ("text", "curie", "label", "type", "score", "matched")
Format = Annotated[str, typer.Option("--format", help="table, tsv or json.")]


def _emit_rows(rows: list[dict[str, str]], columns: list[str] | tuple[str, ...], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "tsv":
        from exo_ontology.release.findings_table import escape

        sys.stdout.write("\t".join(columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join(escape(str(row.get(c, ""))) for c in columns) + "\n")
    elif fmt == "table":
        from rich.console import Console  # imported when used: the tsv and json outputs start without rich
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*(str(row.get(c, "")) for c in columns))
        Console(width=200).print(table)
    else:
        raise InputError(f"--format {fmt}: use table, tsv or json")


def ground_cli(
    texts: Annotated[list[str] | None, typer.Argument(help="Texts to ground.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Ground each line of this file.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="disease, gene, mirna, cell, chemical, "
                                              "process, anatomy or taxon.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Candidates per text.")] = 5,
    fmt: Format = "table",
    root: Root = None,
) -> None:
    """Ground names to standard identifiers; ranked candidates, the best first.

    Example: exo ground "PD-L1" "miR-21" ; exo ground "pancreatic cancer" --type disease
    """
    from exo_ontology.grounding.grounder import TYPES, Grounder

    with exit_on_error():
        if type_ is not None and type_ not in TYPES:
            raise InputError(f"--type {type_}: use one of {', '.join(TYPES)}")
        items = list(texts or [])
        if file is not None:
            if not file.is_file():
                raise InputError(f"{file}: no such file")
            items += [line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not items:
            raise InputError("ground: give at least one text or --file FILE")
        grounder = Grounder.from_paths(paths_of(root))
        rows = []
        for text in items:
            for cand in grounder.ground(text, type=type_, limit=limit):
                row = {"text": text, **asdict(cand)}
                row["score"] = f"{cand.score:.3f}"
                rows.append(row)
        columns = (*GROUND_COLUMNS, "status", "note") if fmt != "tsv" else GROUND_COLUMNS
        _emit_rows(rows, columns, fmt)


def extract_cli(
    inputs: Annotated[list[Path], typer.Argument(help="Files or directories: text, PubMed XML (.xml, .xml.gz), "
                                                 "BioC XML/JSON, PubTator (not added to the release).")],
    fmt: Format = "table",
    root: Root = None,
) -> None:
    """Print the findings the machine reads in files of any known format, one block per article
    (same columns as build/findings.tsv, after `file` and `article`).

    Example: exo extract paper.txt pubmed24n0001.xml.gz articles/ --format tsv
    """
    from exo_ontology.pipeline.extract_files import WHERE_COLUMNS, extract_paths
    from exo_ontology.release.findings_table import columns

    with exit_on_error():
        extracted = extract_paths(paths_of(root), inputs)
        for note in extracted.notes:
            err(f"note: {note}")
        cols = [*WHERE_COLUMNS, *columns()] if fmt != "table" else [
            "article", "finding", "source_cell_label", "cargo_label", "target_label", "effect_label",
            "disease_label", "evidence"]
        _emit_rows(list(extracted.rows), cols, fmt)
