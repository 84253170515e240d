"""Progress of the long steps of a build or a validation, reported through a small Protocol so that
library code never prints: the CLI shows rich progress bars, tests and scripts pass nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Protocol, Self

if TYPE_CHECKING:
    from rich.console import Console

#: called with the number of items just done (documents, checks)
Advance = Callable[[int], None]


class Steps(Protocol):
    """Something that shows named steps, each optionally with a count of items to do."""

    def step(self, name: str, total: int | None = None) -> AbstractContextManager[Advance]: ...

    def status(self, text: str) -> None:
        """A short note beside the running step (e.g. findings so far and the rate)."""


class Silent:
    """Shows nothing (library default)."""

    @contextmanager
    def step(self, name: str, total: int | None = None) -> Iterator[Advance]:
        yield _ignore

    def status(self, text: str) -> None:
        """Shows nothing."""


def _ignore(_done: int) -> None:
    """An Advance that records nothing."""


SILENT: Steps = Silent()


class RichSteps:
    """One line per step on standard error: a spinner or a bar while it runs, its time once done.

    Steps that finish within `min_seconds` are removed so the terminal shows only the ones
    worth waiting for; on a non-terminal (CI logs) rich prints nothing but the final lines.
    """

    def __init__(self, min_seconds: float = 1.0, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.min_seconds = min_seconds
        self.started = False  # started with the first step, so a command that fails first prints nothing
        self.progress = Progress(SpinnerColumn(finished_text="[green]✓"), TextColumn("{task.description}"),
                                 BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 TextColumn("{task.fields[status]}"),
                                 console=console or Console(stderr=True), transient=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.started:
            self.progress.stop()

    @contextmanager
    def step(self, name: str, total: int | None = None) -> Iterator[Advance]:
        if not self.started:
            self.progress.start()
            self.started = True
        task = self.progress.add_task(name, total=total, status="")
        self._current = task

        def advance(done: int) -> None:
            self.progress.advance(task, done)

        try:
            yield advance
        finally:
            self.progress.update(task, total=total or 1, completed=total or 1)
            self.progress.stop_task(task)
            elapsed = self.progress.tasks[self._index(task)].elapsed or 0.0
            if elapsed < self.min_seconds:
                self.progress.remove_task(task)

    def status(self, text: str) -> None:
        current = getattr(self, "_current", None)
        if current is not None:
            self.progress.update(current, status=text)

    def _index(self, task: object) -> int:
        return next(i for i, t in enumerate(self.progress.tasks) if t.id == task)
