"""Keys gene names are read by: symbol families (AKT1, AKT2, AKT3) and the bag of words of a full name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from exo_ontology.grounding.normalize import (
    british_spelling,
    fold_dashes,
    greek_letters,
    nfkc,
    normalize,
)

#: function words a name may gain or lose; not "a": in "histone deacetylase A" it is an index
_BAG_STOP = frozenset(("of", "the", "and", "in", "for", "to", "with", "by", "on"))
_SERIES = re.compile(r"[0-9A-Z]")


def word_bag(text: str, numbers: bool = True) -> str:
    """The words of a name, sorted, lower case, Greek letters spelled out, minus function words
    (and numbers unless asked): "α-smooth muscle actin" and "actin alpha 2, smooth muscle"
    (without numbers) -> "actin alpha muscle smooth"; "" for fewer than two words."""
    text = british_spelling(greek_letters(fold_dashes(nfkc(text)))).casefold()
    words = [w for w in re.findall(r"[a-z]+|[0-9]+", text) if w not in _BAG_STOP]
    if not numbers:
        words = [w for w in words if not w.isdigit()]
    return " ".join(sorted(words)) if len(words) >= 2 else ""


def symbol_stems(symbols: Iterable[str]) -> dict[str, frozenset[str]]:
    """Normalised stem -> the approved symbols that are the stem plus one digit or capital
    (AKT1, AKT2, AKT3 under "akt"; RAB27A, RAB27B under "rab27"); stems with one member dropped."""
    stems: dict[str, set[str]] = {}
    for symbol in symbols:
        if len(symbol) > 2 and _SERIES.fullmatch(symbol[-1]):
            stems.setdefault(normalize(symbol[:-1]), set()).add(symbol)
    return {k: frozenset(v) for k, v in stems.items() if len(v) >= 2}


def shared_series(first: str, others: Iterable[str]) -> bool:
    """True when `first` and another symbol differ only in a last digit or capital (PIK3CA and
    PIK3CB; not ADGRE5 and CD97)."""
    if len(first) < 3 or not _SERIES.fullmatch(first[-1]):
        return False
    return any(len(o) == len(first) and o[:-1] == first[:-1] and _SERIES.fullmatch(o[-1])
               for o in others if o != first)
