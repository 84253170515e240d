"""Rewrite steps for cell names: where the cell comes from in the other word order, a missing head noun."""

from __future__ import annotations

import re

from exo_ontology.grounding.normalize import normalize, singular_last_word

_PLACED = re.compile(r"^(?P<head>.+?)\s+(?:in|from|of)\s+(?:the\s+)?(?P<place>.+)$")
_DERIVED = re.compile(r"^(?P<place>.+?)[- ](?:derived|origin)\s+(?P<head>.+)$", re.IGNORECASE)


def reorder_place(text: str) -> list[str]:
    """Where a thing comes from, in the other word order: "bone marrow mesenchymal stem cells"
    -> "mesenchymal stem cell of the bone marrow"; "adipose-derived X" -> "X of adipose";
    "macrophages in the bone marrow" -> "bone marrow macrophages"."""
    out: list[str] = []
    placed = _PLACED.match(text)
    if placed:
        out.append(f"{placed['place']} {placed['head']}")
    derived = _DERIVED.match(text)
    if derived:
        head = singular_last_word(derived["head"])
        out += [f"{head} of {derived['place']}", f"{head} of the {derived['place']}"]
    words = text.split()
    for cut in range(1, min(len(words), 4)):           # the place is 1-3 leading words
        place, head = " ".join(words[:cut]), singular_last_word(" ".join(words[cut:]))
        if len(words) - cut >= 1 and not derived and not placed:
            out += [f"{head} of the {place}", f"{head} of {place}"]
    return out


def add_cell(text: str) -> list[str]:
    """A cell type named without its head noun: "natural killer" -> "natural killer cell"."""
    return [] if normalize(text).endswith("cell") else [f"{text} cell"]
