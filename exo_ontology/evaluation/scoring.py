"""Measure the machine's findings and groundings against the hand-annotated gold set in tests/gold/.

A predicted finding matches a gold claim when both come from the same document, the gold quote
overlaps the predicted evidence span, and they share at least one value in an informative slot
(cargo, effect, target, application, source or recipient cell). Pairs are assigned one-to-one,
best overlap first. Precision = matched predictions / predictions; recall = matched gold / gold.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import SLOTS, Finding
from exo_ontology.paths import Paths

if TYPE_CHECKING:
    from exo_ontology.grounding.abbreviations import Abbreviation
    from exo_ontology.grounding.grounder import Grounder

KEY_SLOTS = ("cargo", "effect", "target", "application", "source_cell", "recipient_cell")
GROUNDING_TYPES = ("gene", "mirna", "disease", "cell", "chemical", "process", "anatomy", "taxon")
TARGETS = {"precision": 0.90, "recall": 0.90, "grounding": 0.95}
TARGET_DOC = "004"
TARGET_GROUNDING_TYPES = ("gene", "mirna", "disease", "cell")


@dataclass(frozen=True)
class GoldFinding:
    """One hand-annotated claim."""

    id: str
    doc_id: str
    quote: str
    slots: dict[str, frozenset[str]]


@dataclass(frozen=True)
class GoldGrounding:
    """One hand-grounded mention; curie "-" means no identifier exists for it."""

    doc_id: str
    text: str
    type: str
    curie: str


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


def _split(cell: str) -> frozenset[str]:
    return frozenset(v.strip() for v in cell.split("|") if v.strip())


def read_gold(gold_dir: Path) -> tuple[list[GoldFinding], list[GoldGrounding]]:
    """Read tests/gold/findings.tsv and groundings.tsv (either may be absent)."""
    findings, groundings = [], []
    fpath, gpath = gold_dir / "findings.tsv", gold_dir / "groundings.tsv"
    if fpath.is_file():
        with fpath.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                findings.append(GoldFinding(row["id"], row["doc_id"], row["quote"],
                                            {s: _split(row.get(s) or "") for s in SLOTS}))
    if gpath.is_file():
        with gpath.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                groundings.append(GoldGrounding(row["doc_id"], row["text"], row["type"], row["curie"].strip()))
    return findings, groundings


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
        ok = got in set(item.curie.split("|"))   # "a|b": either is correct (e.g. miR-30c's two genes)
        if not ok:
            errors = [*errors, f"{item.doc_id[:3]} `{item.text}`: got {got}, gold {item.curie}"]
        out[item.type] = (correct + ok, total + 1, errors)
    return out


def gold_document_abbreviations(paths: Paths, texts: Mapping[str, str], grounder: Grounder,
                                doc_ids: set[str]) -> dict[str, dict[str, Abbreviation]]:
    """The abbreviations defined in each gold document, read as recognition reads them."""
    from exo_ontology.grounding.abbreviations import document_abbreviations
    from exo_ontology.model import SourceDoc
    from exo_ontology.reading import read_document, read_manifest

    docs = {d.doc_id: d for d in read_manifest(paths.manifest)[0]} if paths.manifest.is_file() else {}
    sentences = [s for doc_id in sorted(doc_ids & set(texts))
                 for s in read_document(docs.get(doc_id) or SourceDoc(doc_id, Path(doc_id)),
                                        texts[doc_id])]
    return document_abbreviations(sentences, grounder)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _verdict(value: float, target: float) -> str:
    return "met" if value >= target else "NOT met"


def _doc_scores(predicted: list[Finding], gold: list[GoldFinding], texts: dict[str, str]) -> dict[str, Scores]:
    docs = sorted({g.doc_id for g in gold})
    return {doc: score_findings([p for p in predicted if p.doc_id == doc],
                                [g for g in gold if g.doc_id == doc], texts) for doc in docs}


def quality_markdown(predicted: list[Finding], gold: list[GoldFinding], texts: dict[str, str],
                     groundings: dict[str, tuple[int, int, list[str]]]) -> str:
    """The quality report: targets, per-document and per-slot scores, grounding, misses, false positives."""
    gold_docs = {g.doc_id for g in gold}
    in_scope = [p for p in predicted if p.doc_id in gold_docs]
    overall = score_findings(in_scope, gold, texts)
    per_doc = _doc_scores(in_scope, gold, texts)
    target = next((s for d, s in per_doc.items() if d.startswith(TARGET_DOC)), Scores())
    lines = ["# Quality of the machine's findings (before the curation overlay)", "",
             "Measured against the hand-annotated gold set in `tests/gold/` (see its README).", "",
             "## Targets (document 004)", "", "| measure | value | target | verdict |", "|---|---|---|---|",
             (f"| precision | {_pct(target.precision)} | {_pct(TARGETS['precision'])} | "
              f"{_verdict(target.precision, TARGETS['precision'])} |"),
             (f"| recall | {_pct(target.recall)} | {_pct(TARGETS['recall'])} | "
              f"{_verdict(target.recall, TARGETS['recall'])} |")]
    for gtype in TARGET_GROUNDING_TYPES:
        correct, total, _ = groundings.get(gtype, (0, 0, []))
        acc = correct / total if total else 0.0
        lines.append(f"| grounding {gtype} ({correct}/{total}) | {_pct(acc)} | {_pct(TARGETS['grounding'])} | "
                     f"{_verdict(acc, TARGETS['grounding'])} |")
    lines += ["", "## Findings per document", "", "| document | predicted | gold | matched | precision | recall |",
              "|---|---|---|---|---|---|"]
    for doc, s in [*per_doc.items(), ("all", overall)]:
        lines.append(f"| {doc} | {s.predicted} | {s.gold} | {s.matched} | {_pct(s.precision)} | {_pct(s.recall)} |")
    lines += ["", "## Per slot (all documents)", "",
              "| slot | predicted values | gold values | agreeing | precision | recall |", "|---|---|---|---|---|---|"]
    for slot in SLOTS:
        tp, npred, ngold = overall.slot_tp[slot], overall.slot_pred[slot], overall.slot_gold[slot]
        lines.append(f"| {slot} | {npred} | {ngold} | {tp} | {_pct(tp / npred if npred else 0)} | "
                     f"{_pct(tp / ngold if ngold else 0)} |")
    lines += ["", "## Grounding accuracy per entity type", "", "| type | correct | total | accuracy |",
              "|---|---|---|---|"]
    for gtype, (correct, total, _) in sorted(groundings.items()):
        lines.append(f"| {gtype} | {correct} | {total} | {_pct(correct / total if total else 0)} |")
    lines += ["", "## Misses (gold claims no prediction matched)", ""]
    lines += [f"- {g.id} ({g.doc_id[:3]}): \"{g.quote}\"" for g in overall.misses] or ["- none"]
    lines += ["", "## False positives (predictions no gold claim matched)", ""]
    lines += [f"- {p.finding_id} ({p.doc_id[:3]}, {p.evidence.rule}): \"{' '.join(p.evidence.quote.split())[:160]}\""
              for p in overall.false_positives] or ["- none"]
    lines += ["", "## Grounding errors", ""]
    for gtype, (_c, _t, errors) in sorted(groundings.items()):
        lines += [f"- {gtype}: {e}" for e in errors]
    return "\n".join(lines) + "\n"


def write_quality_report(paths: Paths, findings: list[Finding], texts: dict[str, str], out: Path,
                         grounder: Grounds | None = None) -> Path:
    """Evaluate and write the Markdown report (machine findings only, never the overlay's)."""
    from exo_ontology.grounding.grounder import Grounder

    gold, gold_groundings = read_gold(paths.gold_dir)
    machine = [f for f in findings if f.knowledge_source == "text_mining"]
    active = grounder if grounder is not None else Grounder.from_paths(paths)
    abbreviations = (gold_document_abbreviations(paths, texts, active,
                                                 {g.doc_id for g in gold_groundings})
                     if isinstance(active, Grounder) else None)
    grounding = score_groundings(active, gold_groundings, abbreviations)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(quality_markdown(machine, gold, texts, grounding), encoding="utf-8")
    return out


def evaluate_project(paths: Paths) -> Path:
    """Re-extract every document and write build/reports/quality.md (what `exo evaluate` runs)."""
    from exo_ontology.pipeline import Reader, extract_documents
    from exo_ontology.reading import read_manifest

    docs, _problems = read_manifest(paths.manifest)
    reader = Reader.from_paths(paths)
    findings, texts, _ = extract_documents(docs, reader, lambda _msg: None)
    return write_quality_report(paths, findings, texts, paths.reports_dir / "quality.md", reader.grounder)
