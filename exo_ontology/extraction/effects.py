"""Effects of a sentence and their directions: phrase effects, processes of a cell type, and the
grouping of effects into one statement per direction."""

from __future__ import annotations

import re
from dataclasses import replace

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.extraction.slots import (
    NEUTRAL,
    Kinds,
    clause_start,
    effect_direction,
    kind_of,
)
from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import Candidate, Mention
from exo_ontology.namespaces import compress


def phrase_effects(text: str, mentions: list[Mention], grounder: Grounds, kinds: Kinds) -> list[Mention]:
    """Effects written as phrases ("resistance to cisplatin"), where no term mention covers them."""
    out = cell_process_effects(text, mentions, grounder, kinds)
    taken = [(m.start, m.end) for m in [*mentions, *out] if kind_of(m, kinds) == "effect" or m in out]
    for row, match in cues.scan(cues.EFFECT_PHRASES, text):
        # a phrase that holds its own verb marks the effect with group "e", leaving the verb before it
        start = match.start("e") if "e" in row.regex.groupindex else match.start()
        if any(s < match.end() and start < e for s, e in taken):
            continue
        cands = [c for c in grounder.ground(str(row.value), limit=3) if c.curie in kinds.effects]
        if cands:
            out.append(Mention(text[start:match.end()], start, match.end(), "process", (cands[0],)))
            taken.append((start, match.end()))
    return out


_CELL_PROCESS = cues.CELL_PROCESS_BEFORE
CELL_THEN_PROCESS = cues.CELL_THEN_PROCESS
_COORDINATION_GAP = re.compile(r"^\s*(?:,|and|or|as well as|, and)\s*(?:the\s+)?$", re.IGNORECASE)
_PROCESS_NOUN = {"activity": "activation", "polarisation": "polarization", "population": "proliferation"}


def cell_process_effects(text: str, mentions: list[Mention], grounder: Grounds, kinds: Kinds) -> list[Mention]:
    """Effects naming a process of a cell type: GO's "<cell> <process>" term when GO has one,
    else the generic process the ontology lists as an effect ("proliferation of MDSCs")."""
    out: list[Mention] = []
    nouns: list[str] = []
    last_end, start = -1, 0
    for mention in sorted((m for m in mentions if kind_of(m, kinds) == "cell"), key=lambda m: m.start):
        window = text[max(0, mention.start - 60):mention.start]
        match = _CELL_PROCESS.search(window)
        following = CELL_THEN_PROCESS.match(text[mention.end:mention.end + 30])
        end = mention.end
        if following and not match:      # "CD8+ T cell proliferation": the process word follows
            words, start, end = [following.group(1).lower()], mention.start, mention.end + following.end()
            last_end = -1                # and is not shared with a cell after it
        elif match:
            words = re.split(r"\s+(?:and|or)\s+", match.group(1).lower())
            start, last_end = mention.start - (len(window) - match.start()), mention.end
        elif nouns and last_end >= 0 and _COORDINATION_GAP.match(text[last_end:mention.start]):
            # a coordinated cell shares the process word, and so its span: the direction verb is before it
            words, last_end = nouns, mention.end
        else:
            nouns, last_end = [], -1
            continue
        nouns = [_PROCESS_NOUN.get(w, w) for w in words]
        label = mention.best.label if mention.best else ""
        for noun in nouns:
            cand = process_of_cell(label, noun, grounder, kinds)
            if cand is not None:
                out.append(Mention(text[start:end], start, end, "process", (cand,)))
    return out


def process_of_cell(label: str, noun: str, grounder: Grounds, kinds: Kinds) -> Candidate | None:
    """GO's "<cell label> <process>" by exact label, else the ontology's generic effect for the process."""
    name = f"{label} {noun}".lower()
    exact = [c for c in grounder.ground(name, type="process", limit=3)
             if c.curie.startswith("GO:") and c.label.lower() == name]
    if exact:
        return exact[0]
    generic = f"cell {noun}" if noun in ("proliferation", "differentiation") else noun
    return next((c for c in grounder.ground(generic, limit=3) if c.curie in kinds.effects), None)


_NEUTRAL_NOUN = cues.NEUTRAL_NOUN


def effects_by_direction(text: str, effects: list[Mention]) -> list[tuple[str, list[Mention]]]:
    """Effects grouped by their direction (promotes, inhibits, none); [("", [])] when no effect.

    An effect with no verb of its own ("promotes proliferation, migration and invasion") takes the
    direction of the closest directed effect before it (else after it) in the sentence.
    """
    ordered = sorted(effects, key=lambda m: m.start)
    directions = [effect_direction(text, m, clause_start(text, m.start)) or "" for m in ordered]
    for i, direction in enumerate(directions):
        if not direction:
            before = [d for d in directions[:i] if d and d != NEUTRAL]
            after = [d for d in directions[i + 1:] if d and d != NEUTRAL]
            directions[i] = before[-1] if before else after[0] if after else ""
    directions = ["" if d == NEUTRAL else d for d in directions]
    groups: dict[str, list[Mention]] = {}
    for mention, direction in zip(ordered, directions, strict=True):
        mention, direction = canonical_drug_response(mention, direction)
        groups.setdefault(direction, []).append(mention)
    if len(groups) > 1 and "" in groups and not _NEUTRAL_NOUN.search(text):
        # effects a neutral verb governs beside directed ones ("impacts X and accelerates Y") add
        # nothing checkable to the directed statement; a listed role ("regulators of X") does
        del groups[""]
    return sorted(groups.items()) or [("", [])]


_PROCESS_EXAMPLES = cues.PROCESS_EXAMPLES


def examples_of_processes(text: str) -> list[tuple[int, int]]:
    """Spans listing the processes vesicles take part in ("many vital cellular processes, including
    intercellular communication, immune regulation and tissue healing"): examples, not effects."""
    return [(m.start(), m.end()) for m in _PROCESS_EXAMPLES.finditer(text)]


def canonical_drug_response(mention: Mention, direction: str) -> tuple[Mention, str]:
    """Less sensitivity to a drug is more resistance to it: recorded as drug resistance promoted, the
    field's own concept, so that one claim has one shape whichever way it is worded ("overcoming
    resistance" stays resistance inhibited)."""
    best = mention.best
    opposite = _OPPOSITE_EFFECTS.get(best.curie) if best is not None else None
    if best is None or opposite is None or direction != compress(str(V.INHIBITS)):
        return mention, direction
    flipped = replace(best, curie=opposite, status="implied",
                      note=f"{best.curie} inhibited, recorded as its opposite promoted")
    return replace(mention, candidates=(flipped,)), compress(str(V.PROMOTES))


_OPPOSITE_EFFECTS = {compress(str(V.DRUG_SENSITIZATION)): compress(str(V.DRUG_RESISTANCE))}
