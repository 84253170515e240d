"""Claim-level figures: precision (every filled slot right), lenient recall and strict recall.

A prediction and a gold claim can meet only in the same document, where the gold quote lies inside
the prediction's evidence span. Then:

* a prediction is **right** for a claim when every slot it fills among `CHECKED_SLOTS` holds only
  values the claim accepts (its own or the note's `alt=`), and it shares at least one value of a key
  slot with it. Predictions are assigned to claims one to one, so a claim said twice counts once;
  a prediction that states together what the gold splits over rows of its sentence (two effects of
  one direction) is right when it is right against those rows merged, and takes them all;
* a claim is **found leniently** when a prediction has its cargo or its source cell (a cargo type
  stands in where the claim names no molecule), and its effect or its use; a part the claim does not
  state is not asked for;
* a claim is **found strictly** when it is found leniently and the prediction has its disease too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from exo_ontology.evaluation.gold import GoldFinding
from exo_ontology.model import Finding

#: the slots a reader checks; vesicle type, pathway and study type are reported per slot only
CHECKED_SLOTS = ("source_cell", "cargo", "cargo_type", "target", "direction", "effect", "effect_direction",
                 "disease", "recipient_cell", "application")
KEY_SLOTS = ("cargo", "cargo_type", "effect", "target", "application", "source_cell", "recipient_cell")


@dataclass
class ClaimScores:
    """The counts behind the three figures, with the claims missed and the predictions that were wrong."""

    predicted: int = 0
    right: int = 0
    gold: int = 0
    lenient: int = 0
    strict: int = 0
    missed: list[GoldFinding] = field(default_factory=list)
    wrong: list[tuple[Finding, str]] = field(default_factory=list)   # with the reason

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def lenient_recall(self) -> float:
        return self.lenient / self.gold if self.gold else 0.0

    @property
    def strict_recall(self) -> float:
        return self.strict / self.gold if self.gold else 0.0


def _located(pred: Finding, claim: GoldFinding, raw: str) -> bool:
    if pred.doc_id != claim.doc_id:
        return False
    start = raw.find(claim.quote)
    while start >= 0:
        if pred.evidence.char_start <= start + len(claim.quote) and start < pred.evidence.char_end:
            return True
        start = raw.find(claim.quote, start + 1)
    return False


def merged(claims: Iterable[GoldFinding]) -> GoldFinding:
    """Gold rows of one sentence as one claim (a finding may state together what the gold splits, such
    as two effects of one direction); right against it means right against the rows it covers."""
    rows = list(claims)
    slots = {s: frozenset().union(*(c.slots[s] for c in rows)) for s in rows[0].slots}
    alternatives = frozenset().union(*(c.alternatives for c in rows))
    return GoldFinding("+".join(c.id for c in rows), rows[0].doc_id, rows[0].quote, slots, alternatives)


def wrong_slots(pred: Finding, claim: GoldFinding) -> list[str]:
    """The checked slots where the prediction holds a value the claim does not accept."""
    return [slot for slot in CHECKED_SLOTS if set(pred.slot(slot)) - claim.accepts(slot)]


def _shares_key(pred: Finding, claim: GoldFinding) -> int:
    return sum(len(set(pred.slot(s)) & claim.accepts(s)) for s in KEY_SLOTS)


def _has(pred: Finding, claim: GoldFinding, *slots: str) -> bool:
    return any(set(pred.slot(s)) & claim.accepts(s) for s in slots)


def found_leniently(pred: Finding, claim: GoldFinding) -> bool:
    what = ("cargo", "source_cell") if claim.slots["cargo"] else ("cargo", "source_cell", "cargo_type")
    asks_what = any(claim.slots[s] for s in what)
    asks_does = bool(claim.slots["effect"] or claim.slots["application"])
    if not (asks_what or asks_does):
        return _shares_key(pred, claim) > 0 or bool(set(pred.vesicle_type) & claim.accepts("vesicle_type"))
    return ((not asks_what or _has(pred, claim, *what))
            and (not asks_does or _has(pred, claim, "effect", "application")))


def found_strictly(pred: Finding, claim: GoldFinding) -> bool:
    return found_leniently(pred, claim) and (not claim.slots["disease"] or _has(pred, claim, "disease"))


def score_claims(predicted: list[Finding], gold: list[GoldFinding], texts: dict[str, str]) -> ClaimScores:
    """The three figures over the documents the gold covers."""
    docs = {g.doc_id for g in gold}
    predicted = [p for p in predicted if p.doc_id in docs]
    scores = ClaimScores(predicted=len(predicted), gold=len(gold))
    near: dict[int, list[int]] = {}
    for i, pred in enumerate(predicted):
        near[i] = [j for j, claim in enumerate(gold) if _located(pred, claim, texts.get(pred.doc_id, ""))]
    pairs = sorted((-_shares_key(predicted[i], gold[j]), i, j) for i, js in near.items() for j in js
                   if not wrong_slots(predicted[i], gold[j]) and _shares_key(predicted[i], gold[j]))
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    for _, i, j in pairs:
        if i not in taken_p and j not in taken_g:
            taken_p.add(i)
            taken_g.add(j)
    for i, js in near.items():      # one finding for what the gold tells over several rows of its sentence
        if i in taken_p:
            continue
        parts = [j for j in js if j not in taken_g and _shares_key(predicted[i], gold[j])]
        if len(parts) > 1 and not wrong_slots(predicted[i], merged(gold[j] for j in parts)):
            taken_p.add(i)
            taken_g.update(parts)
    scores.right = len(taken_p)
    for i, pred in enumerate(predicted):
        if i in taken_p:
            continue
        closest = [gold[j] for j in near[i]]
        fewest = min((wrong_slots(pred, c) for c in closest), key=lambda slots: len(slots)) if closest else []
        reason = ("no gold claim in its sentence" if not closest else
                  "wrong " + ", ".join(fewest or ["(claim taken)"]))
        scores.wrong.append((pred, reason))
    for j, claim in enumerate(gold):
        candidates = [predicted[i] for i, js in near.items() if j in js]
        lenient = any(found_leniently(p, claim) for p in candidates)
        strict = any(found_strictly(p, claim) for p in candidates)
        scores.lenient += lenient
        scores.strict += strict
        if not lenient:
            scores.missed.append(claim)
    return scores
