"""`exo build`, `exo validate` and `exo evaluate`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from exo_ontology.cli.common import Root, Scheduler, Workers, err, exit_on_error, paths_of
from exo_ontology.errors import EXIT_INVALID

if TYPE_CHECKING:  # the validation package imports rdflib and pySHACL; `exo query` must start without them
    from exo_ontology.validation.report import Report


def print_report(report: Report, limit: int = 50) -> None:
    """The report's rows as a table on standard error (the TSV holds them all)."""
    rows = report.sorted_problems()
    if not rows:
        err(f"validation: conforms ({', '.join(report.checks)})")
        return
    table = Table("Level", "Rule", "Subject", "Property", "Value", title="validation report")
    for problem in rows[:limit]:
        table.add_row(*problem.as_row())
    Console(stderr=True, width=160).print(table)
    if len(rows) > limit:
        err(f"... and {len(rows) - limit} more rows")


def build_cli(root: Root = None,
              no_reasoner: Annotated[bool, typer.Option("--no-reasoner", help="Skip HermiT.")] = False,
              wait: Annotated[bool, typer.Option(
                  "--wait", help="If another build of this project is running, wait for it "
                                 "(default: exit 2 at once).")] = False,
              workers: Workers = None, scheduler: Scheduler = None) -> None:
    """Build the release from sources/ into build/ (validated before it replaces the old one).

    Only new or changed documents are extracted (the rest come from build.cache/); with nothing changed
    the build says "release up to date" and leaves build/ as it is.

    Examples: exo build; exo build --workers 2; exo build --scheduler tcp://10.0.0.5:8786
    """
    from exo_ontology.pipeline.build import build
    from exo_ontology.pipeline.parallel import Engine
    from exo_ontology.progress import RichSteps

    with exit_on_error(), RichSteps() as steps:
        result = build(paths_of(root), reasoner=not no_reasoner, log=err, steps=steps, wait=wait,
                       engine=Engine(workers, scheduler))
        if not result.up_to_date:
            print_report(result.report)
        err(" ".join(f"{k}={v}" for k, v in sorted(result.counts.items())))
        err(f"release {'unchanged in' if result.up_to_date else 'written to'} {result.out_dir}")


def validate_cli(
    data: Annotated[Path | None, typer.Argument(help="RDF file to check (default build/exoc.ttl).")] = None,
    root: Root = None,
    report_file: Annotated[Path | None, typer.Option(
        "--report", help="Where to write the TSV (default: build/reports/validation.tsv for the release; "
                         "none for another file, so the release's report is never overwritten).")] = None,
    no_reasoner: Annotated[bool, typer.Option("--no-reasoner", help="Skip HermiT.")] = False,
    catalog: Annotated[Path | None, typer.Option(
        "--catalog", help="XML catalog (catalog-v001.xml) resolving the file's owl:imports to local files; "
                          "the file is checked together with everything it imports, offline.")] = None,
) -> None:
    """Check an RDF file with the SHACL shapes, the QC queries and HermiT; exit 1 on any ERROR.

    Examples: exo validate build/exoc.ttl; exo validate my-ontology.ttl --catalog catalog-v001.xml
    """
    from exo_ontology.progress import RichSteps
    from exo_ontology.validation import validate_path

    with exit_on_error():
        paths = paths_of(root)
        release = paths.build_dir / "exoc.ttl"
        target = data or release
        with RichSteps() as steps:
            report = validate_path(target, paths, reasoner=not no_reasoner, catalog=catalog, steps=steps)
        is_release = target.resolve() == release.resolve()
        print_report(report)
        if report_file or is_release:
            err(f"report: {report.write(report_file or paths.reports_dir / 'validation.tsv')}")
        if not report.conforms:
            raise typer.Exit(EXIT_INVALID)


def evaluate_cli(root: Root = None) -> None:
    """Measure the machine's findings on the blind test split, the development split and document 004;
    print the three blocks of figures and write the full report to build/reports/quality.md.

    Example: exo evaluate
    """
    from exo_ontology.evaluation.report import summary_markdown
    from exo_ontology.evaluation.run import evaluate_project

    with exit_on_error():
        result, out = evaluate_project(paths_of(root))
        print(summary_markdown(result))
        print(f"full report (misses, wrong predictions with their cues, grounding errors): {out}")
