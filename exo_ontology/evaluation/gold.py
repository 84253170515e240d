"""The hand-annotated gold sets: claims and groundings read from `findings.tsv` and `groundings.tsv`.

A note may name answers the annotator also accepts (`alt=CURIE`); they count as right wherever the
slot's own values do.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from exo_ontology.errors import InputError, located
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


#: the columns a gold file must have
FINDING_COLUMNS = ("id", "doc_id", "quote", *SLOTS)
GROUNDING_COLUMNS = ("doc_id", "text", "type", "curie")


def _rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a gold TSV; a missing column or a short row is a one-line error naming the file and line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(located(path, f"header lacks columns {missing}", line=1))
        rows = []
        for row in reader:
            if any(row.get(c) is None for c in columns):
                raise InputError(located(path, "row has fewer cells than the header", line=reader.line_num))
            rows.append(row)
    return rows


def read_gold(gold_dir: Path) -> tuple[list[GoldFinding], list[GoldGrounding]]:
    """Read `findings.tsv` and `groundings.tsv` of a gold folder (either may be absent)."""
    findings, groundings = [], []
    fpath, gpath = gold_dir / "findings.tsv", gold_dir / "groundings.tsv"
    if fpath.is_file():
        for row in _rows(fpath, FINDING_COLUMNS):
            note = row.get("note") or ""
            findings.append(GoldFinding(row["id"], row["doc_id"], row["quote"],
                                        {s: split_cell(row.get(s) or "") for s in SLOTS},
                                        alternatives(note), note))
    if gpath.is_file():
        for row in _rows(gpath, GROUNDING_COLUMNS):
            groundings.append(GoldGrounding(row["doc_id"], row["text"], row["type"], row["curie"].strip(),
                                            alternatives(row.get("note") or "")))
    return findings, groundings
