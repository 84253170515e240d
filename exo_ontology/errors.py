"""The project's exceptions and the exit-code contract of the `exo` command line.

Library code raises; only the CLI turns an exception into an exit code:
0 ok, 1 data invalid (or, for `exo query --fail-empty`, an empty result), 2 unusable input,
3 a query timed out, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNUSABLE = 2
EXIT_TIMEOUT = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class ExoError(Exception):
    """Base class of every error the project raises on purpose."""

    exit_code = EXIT_UNUSABLE


class InputError(ExoError, ValueError):
    """An input (file, term, query, option) cannot be used; the message names it."""

    exit_code = EXIT_UNUSABLE


class MissingInputError(InputError, FileNotFoundError):
    """A file the command needs does not exist."""


class ReadOnlyRefused(InputError):
    """A SPARQL update was given where only queries are allowed."""


class QueryTimedOut(ExoError):
    """A query ran longer than its time limit and was stopped."""

    exit_code = EXIT_TIMEOUT


class Interrupted(ExoError):
    """The user pressed Ctrl-C (SIGINT); the running query was stopped."""

    exit_code = EXIT_INTERRUPTED


class ValidationFailed(ExoError):
    """The data was read but does not conform (SHACL, QC query, reasoner, curation rows)."""

    exit_code = EXIT_INVALID


def located(path: object, message: str, line: int | None = None, column: str | None = None) -> str:
    """Format a one-line error that names the file, and the line or column when known."""
    where = str(path)
    if line is not None:
        where += f" row {line}" if column is not None else f" line {line}"
    if column is not None:
        where += f", column {column}"
    return f"{where}: {message}"
