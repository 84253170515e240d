"""Slot-level agreement (the measure of earlier releases) and grounding accuracy.

A predicted finding matches a gold claim when both come from the same document, the gold quote
overlaps the predicted evidence span, and they share at least one value in an informative slot
(cargo, effect, target, application, source or recipient cell). Pairs are assigned one-to-one,
best overlap first. Precision = matched predictions / predictions; recall = matched gold / gold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exo_ontology.evaluation.gold import GoldFinding, GoldGrounding
from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import SLOTS, Finding

if TYPE_CHECKING:
    from exo_ontology.grounding.abbreviations import Abbreviation

KEY_SLOTS = ("cargo", "effect", "target", "application", "source_cell", "recipient_cell")
GROUNDING_TYPES = ("gene", "mirna", "disease", "cell", "chemical", "process", "anatomy", "taxon")


@dataclass
class Scores:
    """Counts of one evaluation, with the lists of misses and false positives."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    slot_tp: Counter[str] = field(default_factory=Counter)
    slot_pred: Counter[str] = field(default_factory=Counter)
    slot_gold: Counter[str] = field(default_factory=Counter)
    misses: list[GoldFinding] = field(default_factory=list)
    false_positives: list[Finding] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


def _overlaps(pred: Finding, gold: GoldFinding, raw: str) -> bool:
    start = raw.find(gold.quote)
    while start >= 0:
        if start < pred.evidence.char_end and pred.evidence.char_start < start + len(gold.quote):
            return True
        start = raw.find(gold.quote, start + 1)
    return False


def _shared(pred: Finding, gold: GoldFinding, slots: tuple[str, ...]) -> int:
    return sum(len(set(pred.slot(s)) & gold.slots[s]) for s in slots)


def score_findings(predicted: list[Finding], gold: list[GoldFinding], texts: dict[str, str]) -> Scores:
    """Match predictions to gold claims one-to-one and count per-slot agreement."""
    scores = Scores(predicted=len(predicted), gold=len(gold))
    pairs = []
    for i, pred in enumerate(predicted):
        for j, claim in enumerate(gold):
            raw = texts.get(pred.doc_id, "")
            if pred.doc_id == claim.doc_id and _overlaps(pred, claim, raw):
                key = _shared(pred, claim, KEY_SLOTS)
                if key:
                    pairs.append((-key, -_shared(pred, claim, SLOTS), i, j))
    used_p, used_g = set(), set()
    for _k, _a, i, j in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            for slot in SLOTS:
                scores.slot_tp[slot] += len(set(predicted[i].slot(slot)) & gold[j].slots[slot])
    scores.matched = len(used_p)
    for pred in predicted:
        for slot in SLOTS:
            scores.slot_pred[slot] += len(pred.slot(slot))
    for claim in gold:
        for slot in SLOTS:
            scores.slot_gold[slot] += len(claim.slots[slot])
    scores.misses = [g for j, g in enumerate(gold) if j not in used_g]
    scores.false_positives = [p for i, p in enumerate(predicted) if i not in used_p]
    return scores


def score_groundings(grounder: Grounds, gold: list[GoldGrounding],
                     abbreviations: Mapping[str, Mapping[str, Abbreviation]] | None = None,
                     ) -> dict[str, tuple[int, int, list[str]]]:
    """type -> (correct, total, errors) for the grounder's best candidate of each gold mention.

    `abbreviations` (doc_id -> short form -> definition, from
    `recognition.document_abbreviations`) lets a short form defined in its document ground as
    its long form, as recognition grounds it ("dendritic cells (DCs)" makes "DCs" a dendritic
    cell); without it every mention is grounded on its own.
    """
    from exo_ontology.grounding.abbreviations import lookup_abbreviation

    out: dict[str, tuple[int, int, list[str]]] = {}
    for item in gold:
        known = (abbreviations or {}).get(item.doc_id, {})
        abbr = lookup_abbreviation(known, item.text) if known else None
        best = [c for c in abbr.candidates if c.type == item.type] if abbr is not None else []
        if not best:
            best = grounder.ground(item.text, type=item.type, limit=1)  # type: ignore[attr-defined]
        # a flagged candidate (possible typo, gene family) is a suggestion, not a grounding
        got = best[0].curie if best and best[0].status != "flagged" else "-"
        correct, total, errors = out.get(item.type, (0, 0, []))
        ok = got in item.accepts()   # "a|b": either is correct (miR-30c's two genes); alt= in the note too
        if not ok:
            errors = [*errors, f"{item.doc_id[:3]} `{item.text}`: got {got}, gold {item.curie}"]
        out[item.type] = (correct + ok, total + 1, errors)
    return out
