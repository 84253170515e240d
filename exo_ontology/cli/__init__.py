"""The `exo` command line: thin Typer commands, each a wrapper over one library function.

The commands live in modules that import what they need (rich, the query stack, ...). `main` imports
only the module of the command it is asked to run, so `exo extract FILE` does not pay for `exo
query`'s imports; `app` (for tests and `exo --help`) has every command.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from exo_ontology.cli.common import version_text
from exo_ontology.paths import Paths

#: command name -> (module of exo_ontology.cli, its function), in the order `exo --help` lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "build_cli"),
    "validate": ("build", "validate_cli"),
    "evaluate": ("build", "evaluate_cli"),
    "query": ("query", "query_cli"),
    "serve": ("serve", "serve_cli"),
    "ground": ("ground", "ground_cli"),
    "extract": ("ground", "extract_cli"),
    "diff": ("diff", "diff_cli"),
    "changelog": ("diff", "changelog_cli"),
}
#: command group name -> (module, its Typer app)
GROUPS: dict[str, tuple[str, str]] = {"sources": ("sources", "app")}


def _print_version(value: bool) -> None:
    if value:
        print(version_text(Paths.find()))
        raise typer.Exit()


def _options(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Print the package version and the version of the release this project builds.")] = False) -> None:
    """Build, check and query EXOC, the knowledge graph of extracellular vesicles in cancer."""


def _member(module: str, name: str) -> object:
    return getattr(importlib.import_module(f"exo_ontology.cli.{module}"), name)


def make_app(only: str | None = None) -> typer.Typer:
    """The `exo` app with every command, or with only the command or group `only`."""
    app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                      help="Build, check and query EXOC, the knowledge graph of extracellular vesicles in cancer.")
    app.callback()(_options)
    for name, (module, function) in COMMANDS.items():
        if only in (None, name):
            command = _member(module, function)
            assert callable(command)
            app.command(name)(command)
    for name, (module, attribute) in GROUPS.items():
        if only in (None, name):
            group = _member(module, attribute)
            assert isinstance(group, typer.Typer)
            app.add_typer(group, name=name)
    return app


def requested(argv: Sequence[str]) -> str | None:
    """The command or group the arguments name (the first word not an option), if it is one of ours."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    return word if word in COMMANDS or word in GROUPS else None


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return make_app()
    raise AttributeError(name)


def main() -> None:
    """Entry point of the `exo` console script."""
    make_app(requested(sys.argv[1:]))()
