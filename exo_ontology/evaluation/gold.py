"""The hand-annotated gold sets: claims and groundings read from `findings.tsv` and `groundings.tsv`.

A note may name answers the annotator also accepts (`alt=CURIE`); they count as right wherever the
slot's own values do.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from exo_ontology.model import SLOTS

_ALT = re.compile(r"\balt=([A-Za-z][\w.]*:[\w.]+(?:\|[A-Za-z][\w.]*:[\w.]+)*)")


@dataclass(frozen=True)
class GoldFinding:
    """One hand-annotated claim."""

    id: str
    doc_id: str
    quote: str
    slots: dict[str, frozenset[str]]
    alternatives: frozenset[str] = field(default_factory=frozenset)
    note: str = ""

    def accepts(self, slot: str) -> frozenset[str]:
        """The values of a slot that count as right: the slot's own and the note's alternatives."""
        return self.slots[slot] | self.alternatives


@dataclass(frozen=True)
class GoldGrounding:
    """One hand-grounded mention; curie "-" means no identifier exists for it."""

    doc_id: str
    text: str
    type: str
    curie: str
    alternatives: frozenset[str] = field(default_factory=frozenset)

    def accepts(self) -> frozenset[str]:
        return frozenset(self.curie.split("|")) | self.alternatives


def split_cell(cell: str) -> frozenset[str]:
    return frozenset(v.strip() for v in cell.split("|") if v.strip())


def alternatives(note: str) -> frozenset[str]:
    return frozenset(curie for group in _ALT.findall(note or "") for curie in group.split("|"))


def read_gold(gold_dir: Path) -> tuple[list[GoldFinding], list[GoldGrounding]]:
    """Read `findings.tsv` and `groundings.tsv` of a gold folder (either may be absent)."""
    findings, groundings = [], []
    fpath, gpath = gold_dir / "findings.tsv", gold_dir / "groundings.tsv"
    if fpath.is_file():
        with fpath.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                note = row.get("note") or ""
                findings.append(GoldFinding(row["id"], row["doc_id"], row["quote"],
                                            {s: split_cell(row.get(s) or "") for s in SLOTS},
                                            alternatives(note), note))
    if gpath.is_file():
        with gpath.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                groundings.append(GoldGrounding(row["doc_id"], row["text"], row["type"], row["curie"].strip(),
                                                alternatives(row.get("note") or "")))
    return findings, groundings
