"""`exo diff` and `exo changelog`: compare two releases; write CHANGELOG.md from the comparison."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from exo_ontology.cli.common import Root, err, exit_on_error, paths_of
from exo_ontology.errors import InputError

Old = Annotated[str, typer.Argument(help="Older release: a build directory, an RDF file, or - / none (empty).")]
New = Annotated[str, typer.Argument(help="Newer release: a build directory or an RDF file.")]


def diff_cli(
    old: Old,
    new: New,
    fmt: Annotated[str, typer.Option("--format", help="One of markdown, tsv.")] = "markdown",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to a file.")] = None,
    changelog: Annotated[Path | None, typer.Option("--changelog",
                                                   help="Also write NEW's section of this changelog.")] = None,
) -> None:
    """Terms, properties, labels, definitions, synonyms, mappings and findings added, removed or changed.

    Exit 0 whenever the comparison ran, with or without differences. Example: exo diff old-build/ build/
    """
    from exo_ontology.release.changelog import write_changelog  # rdflib: imported when used, so that
    from exo_ontology.release.diff import diff_releases, load_release  # `exo query` starts without it
    from exo_ontology.release.diff_render import RENDERERS

    with exit_on_error():
        renderer = RENDERERS.get(fmt)
        if renderer is None:
            raise InputError(f"--format {fmt}: use one of {', '.join(RENDERERS)}")
        before, after = load_release(old), load_release(new)
        report = renderer(diff_releases(before, after))
        if output is None:
            sys.stdout.write(report)
        else:
            output.write_text(report, encoding="utf-8")
        if changelog is not None:
            err(f"changelog section {after.version} written to {write_changelog(changelog, before, after)}")


def changelog_cli(
    old: Old,
    new: New,
    file: Annotated[Path | None, typer.Option("--file", help="The changelog (default CHANGELOG.md at the "
                                                             "project root).")] = None,
    root: Root = None,
) -> None:
    """Write or replace NEW's section of CHANGELOG.md from the diff OLD -> NEW, keeping older sections.

    Example (first release): exo changelog none build/
    """
    from exo_ontology.release.changelog import write_changelog
    from exo_ontology.release.diff import load_release

    with exit_on_error():
        target = file or paths_of(root).root / "CHANGELOG.md"
        before, after = load_release(old), load_release(new)
        err(f"changelog section {after.version} written to {write_changelog(target, before, after)}")
