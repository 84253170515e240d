"""A cue: one named row of the extraction rules (a pattern, the slot it decides, the value it gives, an example).

Rows of one family form a `CueSet`, which matches like one regular expression made of the rows'
alternatives (leftmost match; at the same position, the earlier row), and writes the name of every
row that matched into the active `recording()`, so that a finding can say which cues made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

_FIRED: ContextVar[list[str] | None] = ContextVar("fired_cues", default=None)


@dataclass(frozen=True)
class Cue:
    """A named rule of the extraction: `pattern` found in a clause (or in the window a caller gives)
    decides `slot`, with `value` where the row gives one; `example` is a made-up sentence it matches."""

    name: str
    slot: str
    pattern: str
    value: str | None
    example: str
    ignore_case: bool = True
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern, re.IGNORECASE if self.ignore_case else 0))


class CueSet:
    """The rows of one family matched as alternatives; every match is recorded by its row's name."""

    def __init__(self, rows: tuple[Cue, ...]) -> None:
        if not rows:
            raise ValueError("a cue set needs at least one row")
        self.rows = rows

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.rows)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(row.name for row in self.rows)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        best: tuple[re.Match[str], Cue] | None = None
        for row in self.rows:
            match = row.regex.search(text, pos)
            if match is not None and (best is None or match.start() < best[0].start()):
                best = (match, row)
        return _fired(best)

    def match(self, text: str) -> re.Match[str] | None:
        for row in self.rows:
            match = row.regex.match(text)
            if match is not None:
                return _fired((match, row))
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while pos <= len(text):
            match = self.search(text, pos)
            if match is None:
                return
            yield match
            pos = match.end() if match.end() > match.start() else match.start() + 1

    def matching(self, text: str) -> Cue | None:
        """The row that `match` would use at the start of `text` (recorded), or None."""
        for row in self.rows:
            if row.regex.match(text):
                _fired((None, row))
                return row
        return None

    def first(self, text: str) -> Cue | None:
        """The first row (in table order) found anywhere in `text`, recorded."""
        for row in self.rows:
            if row.regex.search(text):
                _fired((None, row))
                return row
        return None

    def every(self, text: str) -> list[Cue]:
        """Every row found in `text`, recorded (rows that each add a value: study types, applications)."""
        found = [row for row in self.rows if row.regex.search(text)]
        for row in found:
            _fired((None, row))
        return found


def _fired(hit: tuple[re.Match[str] | None, Cue] | None) -> re.Match[str] | None:
    if hit is None:
        return None
    fired = _FIRED.get()
    if fired is not None and hit[1].name not in fired:
        fired.append(hit[1].name)
    return hit[0]


@contextmanager
def recording() -> Iterator[list[str]]:
    """Collect the names of the cues that match inside the block (nested blocks see their own)."""
    outer = _FIRED.get()
    fired: list[str] = []
    token = _FIRED.set(fired)
    try:
        yield fired
    finally:
        _FIRED.reset(token)
        if outer is not None:
            outer.extend(name for name in fired if name not in outer)


def scan(rows: CueSet, text: str) -> Iterator[tuple[Cue, re.Match[str]]]:
    """Every match of every row, row by row (rows that each name their own value: effect phrases)."""
    for row in rows:
        for match in row.regex.finditer(text):
            _fired((match, row))
            yield row, match
