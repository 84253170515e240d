"""The pins: answers and rows of ../shared/reference that the tests use, committed under tests/fixtures.

A pin is a Selection (the rows of one table whose column matches a value) and, for an identifier, the
column holding the answer. Pins are only ever computed from the full tables (render); the committed
files are read back in ordinary runs, so `make test` needs nothing beside the checkout.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"
FIXTURES = ROOT / "tests" / "fixtures"
IDS_FILE = FIXTURES / "reference_ids.tsv"
ROWS_DIR = FIXTURES / "reference_rows"
SELECTIONS_FILE = ROWS_DIR / "selections.tsv"
PIN_ENV = "EXO_PIN_REFERENCE"
HOW_TO_PIN = (f"run `{PIN_ENV}=1 .venv/bin/pytest tests/<that test file>` in a checkout next to "
              "../shared/reference and commit tests/fixtures")
SELECTION_COLUMNS = ("table", "column", "value", "match")
ID_COLUMNS = (*SELECTION_COLUMNS, "id_column", "answer")
IDS_HEADER = ("# Expected identifiers of the tests, computed from ../shared/reference by tests/reference_pins.py.\n"
              "# Never edit by hand. To pin a new lookup: EXO_PIN_REFERENCE=1 .venv/bin/pytest tests/<its test file>\n"
              "# next to ../shared/reference, then commit tests/fixtures.\n"
              "# `make check-reference` recomputes every row.\n")

#: how a cell matches the wanted value
MATCHES: dict[str, Callable[[str, str], bool]] = {
    "exact": lambda cell, value: cell == value,
    "listed": lambda cell, value: value in cell.split("|"),
    "folded": lambda cell, value: cell.casefold() == value.casefold(),
}


class PinError(AssertionError):
    """A lookup that is not pinned, or whose answer in the tables is not exactly one ID."""


@dataclass(frozen=True, order=True)
class Selection:
    """The rows of `table` whose `column` matches `value` (see MATCHES)."""

    table: str
    column: str
    value: str
    match: str = "exact"

    def picks(self, row: dict[str, str]) -> bool:
        return MATCHES[self.match](row[self.column], self.value)

    def where(self) -> str:
        return f"{self.table}: {self.column} {self.match} {self.value!r}"


@dataclass(frozen=True, order=True)
class IdPin:
    """The one value of `id_column` among the rows a selection picks."""

    selection: Selection
    id_column: str

    def answer(self, rows: Iterable[dict[str, str]]) -> str:
        found = {row[self.id_column] for row in rows if self.selection.picks(row)}
        if len(found) != 1:
            raise PinError(f"{self.selection.where()} gives {self.id_column} {sorted(found)}, not exactly one")
        return found.pop()


@dataclass(frozen=True)
class Table:
    """A TSV table: its header line and its data lines, verbatim."""

    header: str
    lines: tuple[str, ...]

    def columns(self) -> list[str]:
        return self.header.rstrip("\n").split("\t")

    def rows(self, lines: Iterable[str] | None = None) -> list[dict[str, str]]:
        names = self.columns()
        out = []
        for line in self.lines if lines is None else lines:
            cells = line.rstrip("\n").split("\t")
            out.append(dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=False)))
        return out

    def picked(self, selections: Iterable[Selection]) -> list[str]:
        """The lines any selection picks, in table order (a cheap substring test first)."""
        wanted = list(selections)
        names = self.columns()
        keep = []
        for line in self.lines:
            if not any(s.value.casefold() in line.casefold() if s.match == "folded" else s.value in line
                       for s in wanted):
                continue
            cells = dict(zip(names, line.rstrip("\n").split("\t"), strict=False))
            if any(s.column in cells and s.picks(cells) for s in wanted):
                keep.append(line)
        return keep


def tsv_line(*cells: str) -> str:
    return "\t".join(cells) + "\n"


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise PinError(f"{path}: reference table missing")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        lines = handle.readlines()
    if not lines:
        raise PinError(f"{path}: empty table")
    return Table(lines[0], tuple(lines[1:]))


@cache
def full_table(file: str) -> Table:
    """A table of ../shared/reference (read once per session)."""
    return read_table(REFERENCE / file)


def cut_name(table: str) -> str:
    """The file in ROWS_DIR holding the pinned rows of `table` (stored uncompressed, readable in review)."""
    return table.removesuffix(".gz")


def check_columns(table: Table, selection: Selection, *more: str) -> None:
    missing = [c for c in (selection.column, *more) if c not in table.columns()]
    if missing or selection.match not in MATCHES:
        raise PinError(f"{selection.where()}: no column {missing} or no match {selection.match!r}")


def render(tables: Callable[[str], Table], id_pins: Iterable[IdPin],
           row_pins: Iterable[Selection]) -> dict[Path, str]:
    """The text of every pin file, computed from the full tables (byte-stable: sorted keys, table order)."""
    ids, selections = sorted(set(id_pins)), sorted(set(row_pins))
    out = {}
    id_lines = [IDS_HEADER, tsv_line(*ID_COLUMNS)]
    for pin in ids:
        s = pin.selection
        check_columns(tables(s.table), s, pin.id_column)
        answer = pin.answer(tables(s.table).rows(tables(s.table).picked([s])))
        id_lines.append(tsv_line(s.table, s.column, s.value, s.match, pin.id_column, answer))
    out[IDS_FILE] = "".join(id_lines)
    out[SELECTIONS_FILE] = "".join([tsv_line(*SELECTION_COLUMNS)] +
                                   [tsv_line(s.table, s.column, s.value, s.match) for s in selections])
    for table in sorted({s.table for s in selections}):
        full = tables(table)
        mine = [s for s in selections if s.table == table]
        for s in mine:
            check_columns(full, s)
            if not any(s.picks(row) for row in full.rows(full.picked([s]))):
                raise PinError(f"{s.where()} picks no row")
        out[ROWS_DIR / cut_name(table)] = full.header + "".join(full.picked(mine))
    return out


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        body = [line for line in handle if not line.startswith("# ")]
    rows = list(csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows and tuple(rows[0]) != columns:
        raise PinError(f"{path}: header is not {columns}")
    return rows


def selection_of(row: dict[str, str]) -> Selection:
    return Selection(row["table"], row["column"], row["value"], row["match"])


@cache
def pinned_ids() -> dict[IdPin, str]:
    return {IdPin(selection_of(r), r["id_column"]): r["answer"] for r in read_tsv(IDS_FILE, ID_COLUMNS)}


@cache
def pinned_selections() -> frozenset[Selection]:
    return frozenset(selection_of(r) for r in read_tsv(SELECTIONS_FILE, SELECTION_COLUMNS))


@cache
def pinned_table(table: str) -> Table:
    return read_table(ROWS_DIR / cut_name(table))


def stale_cuts(files: dict[Path, str]) -> list[Path]:
    """Row files in ROWS_DIR that no pinned selection needs any more."""
    return sorted(p for p in ROWS_DIR.glob("*") if p.suffix != ".md" and p not in files)


def save(ids: Iterable[IdPin], selections: Iterable[Selection]) -> list[Path]:
    """Add the lookups a session made to the committed pins, recompute all of them, and write the files."""
    files = render(full_table, {*pinned_ids(), *ids}, {*pinned_selections(), *selections})
    ROWS_DIR.mkdir(parents=True, exist_ok=True)
    for path in stale_cuts(files):
        path.unlink()
    for path, text in files.items():
        path.write_text(text, encoding="utf-8", newline="")
    return sorted(files)
