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
Workers = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Extract documents in N local Dask worker processes (default: every core, "
                             "when there are enough documents to pay for starting them; 1: in this process).")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", help="Run the extraction on the Dask cluster of this scheduler (e.g. tcp://host:8786); "
                        "its workers must see the project at the same path.")]


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


def version_text(paths: Paths) -> str:
    """`exo --version`: the package (and extractor) version, the release version the project builds
    (ontology/release.toml) and the one build/ holds."""
    import json

    from exo_ontology import __version__
    from exo_ontology.release.files import read_release_info

    lines = [f"exo-ontology {__version__}"]
    try:
        info = read_release_info(paths.release_info)
    except ExoError:
        return lines[0] + " (no project here: ontology/release.toml not found)"
    dated = info.version if info.version == info.date else f"{info.version} of {info.date}"
    lines.append(f"release {dated} ({info.version_iri}), from {paths.release_info}")
    manifest = paths.build_dir / "manifest.json"
    if manifest.is_file():
        built = json.loads(manifest.read_text(encoding="utf-8"))
        lines.append(f"built: release {built.get('version', '?')} in {paths.build_dir}")
    else:
        lines.append(f"built: nothing yet in {paths.build_dir} (run `exo build`)")
    return "\n".join(lines)
