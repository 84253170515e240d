"""The pinned reference answers (tests/fixtures/reference_ids.tsv, reference_rows/): how they are computed and
read, and, under `make check-reference`, that every pin still equals what ../shared/reference gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import reference
from tests.reference_pins import (
    FIXTURES,
    IDS_FILE,
    REFERENCE,
    ROWS_DIR,
    IdPin,
    PinError,
    Selection,
    Table,
    full_table,
    pinned_ids,
    pinned_selections,
    pinned_table,
    read_table,
    render,
    stale_cuts,
)

TINY = {"genes.tsv": Table("symbol\tid\talias\n", ("AAA1\t1\tX|Y\n", "BBB2\t2\tY\n", "aaa1\t3\t\n"))}


def tiny(name: str) -> Table:
    return TINY[name]


# ---- every run: the machinery and the committed pins ---------------------------------------------
def test_render_pins_answers_and_verbatim_rows() -> None:
    files = render(tiny, [IdPin(Selection("genes.tsv", "alias", "X", "listed"), "id")],
                   [Selection("genes.tsv", "symbol", "aaa1", "folded"), Selection("genes.tsv", "alias", "Y", "listed")])
    assert files[IDS_FILE].splitlines()[-1] == "genes.tsv\talias\tX\tlisted\tid\t1"
    assert files[ROWS_DIR / "genes.tsv"] == "symbol\tid\talias\nAAA1\t1\tX|Y\nBBB2\t2\tY\naaa1\t3\t\n"
    again = render(tiny, [IdPin(Selection("genes.tsv", "alias", "X", "listed"), "id")],
                   [Selection("genes.tsv", "alias", "Y", "listed"), Selection("genes.tsv", "symbol", "aaa1", "folded")])
    assert again == files                                     # order of the lookups does not matter


@pytest.mark.parametrize(("pin", "message"), [
    (IdPin(Selection("genes.tsv", "alias", "Y", "listed"), "id"), r"gives id \['1', '2'\], not exactly one"),
    (IdPin(Selection("genes.tsv", "alias", "Z", "listed"), "id"), r"gives id \[\], not exactly one"),
    (IdPin(Selection("genes.tsv", "name", "X"), "id"), r"no column \['name'\]"),
])
def test_an_ambiguous_or_absent_answer_is_never_pinned(pin: IdPin, message: str) -> None:
    with pytest.raises(PinError, match=message):
        render(tiny, [pin], [])


def test_an_unpinned_lookup_fails_saying_how_to_pin_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXO_PIN_REFERENCE", raising=False)
    with pytest.raises(PinError, match=r"symbol exact 'NOSUCHGENE9'.*not pinned: run `EXO_PIN_REFERENCE=1"):
        reference.gene("NOSUCHGENE9")
    with pytest.raises(PinError, match=r"^[^\n]*not pinned[^\n]*$"):
        reference.rows("human_genes.tsv.gz", "symbol", "NOSUCHGENE9")


def test_pinned_lookups_read_the_committed_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXO_PIN_REFERENCE", raising=False)
    pin, answer = next(iter(pinned_ids().items()))
    s = pin.selection
    assert reference.ref(s.table, s.column, s.value, pin.id_column, multi=s.match == "listed") == answer
    for selection in pinned_selections():
        rows = pinned_table(selection.table).rows()
        assert any(selection.picks(row) for row in rows), f"{selection.where()}: no pinned row"


# ---- make check-reference: the pins against the full tables -------------------------------------
def require_reference() -> Path:
    assert REFERENCE.is_dir(), (f"{REFERENCE} is missing: make check-reference compares the pins with the full "
                                "reference tables, which must sit in ../shared/reference beside the checkout")
    return REFERENCE


@pytest.mark.reference
def test_every_pinned_id_is_what_the_reference_gives() -> None:
    require_reference()
    drifted = []
    for pin, pinned in sorted(pinned_ids().items()):
        table = full_table(pin.selection.table)
        now = pin.answer(table.rows(table.picked([pin.selection])))
        if now != pinned:
            drifted.append(f"{pin.selection.where()}: pinned {pinned}, reference {now}")
    assert drifted == []


@pytest.mark.reference
def test_pin_files_are_byte_identical_to_a_fresh_render() -> None:
    require_reference()
    files = render(full_table, pinned_ids(), pinned_selections())
    for path, text in files.items():
        where = path.relative_to(FIXTURES)
        assert path.read_text(encoding="utf-8") == text, f"{where} differs: re-pin (EXO_PIN_REFERENCE=1)"
    assert stale_cuts(files) == []


@pytest.mark.reference
@pytest.mark.parametrize("fixture", sorted(p.name for p in (FIXTURES / "reference").glob("*.tsv")))
def test_tiny_lexicon_fixture_rows_are_verbatim_reference_rows(fixture: str) -> None:
    """tests/fixtures/reference (the lexicon cut's input) holds rows copied from the real tables."""
    reference_dir = require_reference()
    real = {"gene_info.tsv": "Homo_sapiens.gene_info.2022-11-10.gz"}.get(fixture, fixture)
    if not (reference_dir / real).exists():
        real = f"{fixture}.gz"
    mine, theirs = read_table(FIXTURES / "reference" / fixture), read_table(reference_dir / real)
    assert mine.header == theirs.header, f"{fixture}: header differs from {real}"
    assert set(mine.lines) <= set(theirs.lines), f"{fixture}: rows not in {real}"
