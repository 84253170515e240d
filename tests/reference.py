"""Expected identifiers and rows for tests, from real releases (../shared/reference), never typed from memory.

Ordinary runs read the answers pinned under tests/fixtures (reference_ids.tsv, reference_rows/), so the
suite needs nothing beside the checkout. With EXO_PIN_REFERENCE=1 every lookup is answered from the full
tables instead and recorded; tests/conftest.py then rewrites the pins at the end of the session.
`make check-reference` (tests/test_reference_pins.py) recomputes every pin from the full tables.
"""

from __future__ import annotations

import os

from tests.reference_pins import (
    HOW_TO_PIN,
    PIN_ENV,
    IdPin,
    PinError,
    Selection,
    full_table,
    pinned_ids,
    pinned_selections,
    pinned_table,
)

#: the lookups of this session, kept only when pinning (EXO_PIN_REFERENCE=1)
RECORDED_IDS: set[IdPin] = set()
RECORDED_SELECTIONS: set[Selection] = set()


def pinning() -> bool:
    return os.environ.get(PIN_ENV, "") not in ("", "0")


def _match(multi: bool, fold: bool = False) -> str:
    return "folded" if fold else "listed" if multi else "exact"


def ref(file: str, column: str, value: str, id_column: str = "id", multi: bool = False) -> str:
    """The one ID whose `column` is (or, `multi`, lists) `value` in a reference table."""
    pin = IdPin(Selection(file, column, value, _match(multi)), id_column)
    if pinning():
        RECORDED_IDS.add(pin)
        return pin.answer(full_table(file).rows(full_table(file).picked([pin.selection])))
    if pin not in pinned_ids():
        raise PinError(f"{pin.selection.where()} ({id_column}) is not pinned: {HOW_TO_PIN}")
    return pinned_ids()[pin]


def gene(symbol: str) -> str:
    """NCBIGene CURIE of an HGNC symbol."""
    return "NCBIGene:" + ref("human_genes.tsv.gz", "symbol", symbol, "ncbi_gene_id")


def rows(file: str, column: str, value: str, multi: bool = False, fold: bool = False) -> list[dict[str, str]]:
    """Every row of a reference table whose `column` is (`multi`: lists; `fold`: is, ignoring case) `value`."""
    selection = Selection(file, column, value, _match(multi, fold))
    if pinning():
        RECORDED_SELECTIONS.add(selection)
        table = full_table(file)
    elif selection in pinned_selections():
        table = pinned_table(file)
    else:
        raise PinError(f"{selection.where()} is not pinned: {HOW_TO_PIN}")
    return [row for row in table.rows(table.picked([selection])) if selection.picks(row)]


def one_row(file: str, column: str, value: str) -> dict[str, str]:
    """The one row of a reference table whose `column` is `value`."""
    found = rows(file, column, value)
    assert len(found) == 1, f"{file}: {column}={value!r} gives {len(found)} rows"
    return found[0]
