"""The `exo` command line: thin Typer commands, each a wrapper over one library function."""

from __future__ import annotations

from typing import Annotated

import typer

from exo_ontology.cli import build, diff, ground, query, serve, sources
from exo_ontology.cli.common import version_text
from exo_ontology.paths import Paths

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  help="Build, check and query EXOC, the knowledge graph of extracellular vesicles in cancer.")


def _print_version(value: bool) -> None:
    if value:
        print(version_text(Paths.find()))
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Print the package version and the version of the release this project builds.")] = False) -> None:
    """Build, check and query EXOC, the knowledge graph of extracellular vesicles in cancer."""


app.command("build")(build.build_cli)
app.command("validate")(build.validate_cli)
app.command("evaluate")(build.evaluate_cli)
app.command("query")(query.query_cli)
app.command("serve")(serve.serve_cli)
app.command("ground")(ground.ground_cli)
app.command("extract")(ground.extract_cli)
app.command("diff")(diff.diff_cli)
app.command("changelog")(diff.changelog_cli)
app.add_typer(sources.app, name="sources")


def main() -> None:
    """Entry point of the `exo` console script."""
    app()
