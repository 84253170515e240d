"""Which sentences and clauses speak of the vesicles: skipped kinds, meta-discourse, hedges,
the anaphora that continues a subject, and clauses with vesicles of their own."""

from __future__ import annotations

from itertools import pairwise

from exo_ontology.extraction import cues

SKIPPED_KINDS = {"title", "keywords", "caption", "heading", "reference"}
#: the gates, as the cue table names them
META_DISCOURSE = cues.NOT_A_CLAIM       # aims, methods, hypotheses, a review describing itself
HEDGED = cues.HEDGED                    # "remains unclear", "little is known"
ANAPHORA = cues.ANAPHORA                # "They ...", "These exosomes ..." continue the previous subject
THEY = cues.THEY
NOT_THE_VESICLES = cues.NOT_THE_VESICLES
NOT_AN_APPLICATION_CLAIM = cues.NOT_AN_APPLICATION_CLAIM
PARTITIVE = cues.PARTITIVE
CLAUSE_BREAK = cues.CLAUSE_BREAK


def vesicle_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses that each have vesicles of their own as subject ("exosomes of X promote A;
    exosomes of Y inhibit B"); one span for a sentence that is a single claim."""
    spans = list(pairwise([0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not (cues.VESICLE_WORDS.search(text[start:end]) or PARTITIVE.match(text[start:end])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if merged and not cues.VESICLE_WORDS.search(text[merged[0][0]:merged[0][1]]) and len(merged) > 1:
        merged[:2] = [(merged[0][0], merged[1][1])]
    return merged
