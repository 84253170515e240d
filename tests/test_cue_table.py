"""The cue table: every row is named once, matches its own made-up example, and is recorded when it fires."""

from __future__ import annotations

import pytest

from exo_ontology.extraction import cues
from exo_ontology.extraction.cues.model import Cue, CueSet, recording

ROWS = {row.name: row for row in cues.TABLE}


def test_names_are_unique_and_every_row_has_an_example() -> None:
    assert len(ROWS) == len(cues.TABLE)
    assert all(row.example.strip() and row.slot for row in cues.TABLE)


@pytest.mark.parametrize("name", sorted(ROWS))
def test_every_row_matches_its_example(name: str) -> None:
    row = ROWS[name]
    assert row.regex.search(row.example), f"{name}: {row.pattern!r} does not match {row.example!r}"


def test_a_cue_set_matches_like_one_alternation_and_records_what_fired() -> None:
    rows = CueSet((Cue("late", "x", r"promot\w*", "p", "promotes"), Cue("early", "x", r"inhibit\w*", "i", "inhibits")))
    text = "EVs inhibit growth and promote invasion"
    with recording() as fired:
        assert rows.search(text).group(0) == "inhibit"       # leftmost match, whatever the row order
        assert [m.group(0) for m in rows.finditer(text)] == ["inhibit", "promote"]
    assert fired == ["early", "late"]
    with recording() as nothing:
        assert rows.match("growth") is None
    assert nothing == []


def test_a_nested_recording_passes_its_names_to_the_outer_one() -> None:
    with recording() as outer:
        with recording() as inner:
            cues.PROMOTE.search("exosomes promote angiogenesis")
        assert inner == ["promote-verb"]
    assert outer == ["promote-verb"]


@pytest.mark.parametrize("phrase", ["stopping the product", "should be inhibited", "nurtur", "characteri[sz]es",
                                    "attach to", r"bind\w* directly", "looked at", "just beginning",
                                    "suppressing )?exosom", "-?OE"])
def test_no_row_is_a_phrase_of_one_document(phrase: str) -> None:
    assert not [row.name for row in cues.TABLE if phrase in row.pattern]
