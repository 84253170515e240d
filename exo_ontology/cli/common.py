"""Options shared by the commands, and the one place where exceptions become exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from exo_ontology.errors import EXIT_UNUSABLE, ExoError
from exo_ontology.paths import Paths

Root = Annotated[Path | None, typer.Option("--root", help="Project root (default: found from the cwd).")]


def paths_of(root: Path | None) -> Paths:
    """The project's Paths, from --root or the current directory."""
    return Paths(root.resolve()) if root else Paths.find()


def err(message: str) -> None:
    """One line on standard error."""
    print(message, file=sys.stderr)


@contextmanager
def exit_on_error() -> Iterator[None]:
    """Turn the project's exceptions into one-line messages and the documented exit codes."""
    try:
        yield
    except ExoError as error:
        err(f"error: {error}")
        raise typer.Exit(error.exit_code) from None
    except (FileNotFoundError, IsADirectoryError, PermissionError, UnicodeDecodeError) as error:
        err(f"error: {error}")
        raise typer.Exit(EXIT_UNUSABLE) from None
