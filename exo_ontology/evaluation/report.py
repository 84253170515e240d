"""The quality report: the three blocks of figures (test, development, 004), then the details of each."""

from __future__ import annotations

from exo_ontology.evaluation.claims import CHECKED_SLOTS
from exo_ontology.evaluation.run import GROUNDING_TYPES, TARGETS, Block, Evaluation

BLOCK_TITLES = {
    "test": "Blind test split (20 corpus abstracts never tuned against): what to expect on new papers",
    "development": "Development split (36 corpus abstracts and the seed documents; rules were tuned on them)",
    "004": "Document 004 (the seed the first rules were written against)",
}


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _target(name: str, key: str, value: float) -> str:
    if name != "test" or key not in TARGETS:
        return ""
    return f" (target {_pct(TARGETS[key])}: {'met' if value >= TARGETS[key] else 'NOT met'})"


def block_lines(block: Block) -> list[str]:
    """The figures of one split, as a Markdown table (also what `exo evaluate` prints)."""
    c = block.claims
    rows = [
        ("precision", f"{_pct(c.precision)} ({c.right}/{c.predicted})", _target(block.name, "precision", c.precision)),
        ("lenient recall", f"{_pct(c.lenient_recall)} ({c.lenient}/{c.gold})",
         _target(block.name, "lenient_recall", c.lenient_recall)),
        ("strict recall", f"{_pct(c.strict_recall)} ({c.strict}/{c.gold})",
         _target(block.name, "strict_recall", c.strict_recall)),
        ("grounding, all types", _pct(block.grounding_accuracy),
         _target(block.name, "grounding", block.grounding_accuracy)),
    ]
    for gtype in GROUNDING_TYPES:
        correct, total, _ = block.groundings.get(gtype, (0, 0, []))
        if total:
            rows.append((f"grounding {gtype}", f"{_pct(correct / total)} ({correct}/{total})", ""))
    if block.legacy is not None:
        rows.append(("slot-agreement precision (earlier releases' measure)",
                     f"{_pct(block.legacy.precision)} ({block.legacy.matched}/{block.legacy.predicted})", ""))
        rows.append(("slot-agreement recall (earlier releases' measure)",
                     f"{_pct(block.legacy.recall)} ({block.legacy.matched}/{block.legacy.gold})", ""))
    return ["| measure | value |", "|---|---|", *(f"| {k} | {v}{t} |" for k, v, t in rows)]


def summary_markdown(result: Evaluation) -> str:
    """The three blocks of figures."""
    lines: list[str] = []
    for name in ("test", "development", "004"):
        lines += [f"## {BLOCK_TITLES[name]}", "", *block_lines(result.blocks[name]), ""]
    return "\n".join(lines)


def _details(block: Block) -> list[str]:
    lines = [f"### {block.name}: per document", "", "| document | predicted | right | gold | lenient | strict |",
             "|---|---|---|---|---|---|"]
    for doc, s in block.per_doc.items():
        lines.append(f"| {doc} | {s.predicted} | {s.right} | {s.gold} | {s.lenient} | {s.strict} |")
    wrong_by_slot = {slot: sum(1 for _, why in block.claims.wrong if slot in why) for slot in CHECKED_SLOTS}
    lines += ["", f"### {block.name}: wrong predictions by slot", "", "| slot | predictions wrong in it |",
              "|---|---|", *(f"| {s} | {n} |" for s, n in wrong_by_slot.items()), ""]
    lines += [f"### {block.name}: claims missed (not found leniently)", ""]
    lines += [f"- {g.id} ({g.doc_id[:3]}): \"{g.quote}\"" for g in block.claims.missed] or ["- none"]
    lines += ["", f"### {block.name}: wrong predictions, with the cues that made them", ""]
    lines += [f"- {p.finding_id} ({p.doc_id[:3]}, {why}; cues: {p.evidence.rule}): "
              f"\"{' '.join(p.evidence.quote.split())[:140]}\"" for p, why in block.claims.wrong] or ["- none"]
    lines += ["", f"### {block.name}: grounding errors", ""]
    for gtype, (_c, _t, errors) in sorted(block.groundings.items()):
        lines += [f"- {gtype}: {e}" for e in errors]
    return [*lines, ""]


def quality_markdown(result: Evaluation) -> str:
    """The whole report: definitions, the three blocks, then each block's details."""
    head = ["# Quality of the machine's findings (before the curation overlay)", "",
            ("A prediction is **right** when every slot it fills (source, cargo, cargo type, target and its "
            "direction, effect and its direction, disease, recipient, application) holds only values the gold "
            "claim accepts; a claim is **found leniently** when a prediction in its sentence has its cargo or "
            "source cell and its effect or use, **strictly** when it has the disease too "
            "(`exo_ontology/evaluation/claims.py`)."), ""]
    body = [line for name in ("test", "development", "004") for line in _details(result.blocks[name])]
    return "\n".join([*head, summary_markdown(result), "## Details", "", *body])
