"""General back-off rules of the grounder: rewrites of a name that found nothing (modifiers,
word order, marker status, abbreviations built from the lexicon) and the gene family rule.

Each rewrite is a pure function `str -> list[str]` named after what it does; `rewrites` applies
them breadth-first (a rewrite of a rewrite is tried after every single rewrite), and the grounder
takes the first rewrite that grounds, lowering its score by `REWRITE_PENALTY` per step and naming
the steps in the note. Only wording that does not change the kind of thing is rewritten:
a "human", "primary" or "polarized" macrophage is a macrophage; "metastatic breast cancer" backs
off to breast cancer (broader, so the lower score); "bone marrow mesenchymal stem cells" is CL's
"mesenchymal stem cell of the bone marrow". No rule is keyed to a particular name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from exo_ontology.normalize import normalize, singular_last_word

REWRITE_PENALTY = 0.05
MAX_STEPS = 3
#: leading words that qualify an entity without changing its kind: species, sampling, state,
#: stage or risk ("human monocytes", "primary macrophages", "metastatic breast cancer")
MODIFIERS = frozenset((
    "human", "humans", "murine", "mouse", "mice", "rat", "porcine", "bovine", "canine", "primary",
    "healthy", "normal", "exhausted", "polarized", "polarised", "activated", "resting",
    "stimulated", "naive", "cultured", "isolated", "circulating", "peripheral", "blood",
    "tissue-resident", "resident", "fetal", "foetal", "adult", "neonatal", "juvenile", "immature",
    "mature", "senescent", "metastatic", "advanced", "high-risk", "low-risk", "intermediate-risk",
    "early-stage", "late-stage", "early", "late", "recurrent", "relapsed", "refractory",
    "aggressive", "progressive", "primary-site",
))
_MARKER = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\+|-(?:positive|negative|high|low))$")
_WORD_SWAPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\bmalignanc(?:y|ies)\b"), "cancer"),
    (re.compile(r"(?i)\bcancerous\b"), "cancer"),
    (re.compile(r"(?i)\b(cancer|tumou?r)-related\b"), r"\1-associated"),
    (re.compile(r"(?i)\b(?<=cell )cancer\b"), "carcinoma"),   # squamous/renal cell cancer
    (re.compile(r"(?i)\bcarcinoma\b"), "cancer"),
)
_PLACED = re.compile(r"^(?P<head>.+?)\s+(?:in|from|of)\s+(?:the\s+)?(?P<place>.+)$")
_DERIVED = re.compile(r"^(?P<place>.+?)[- ](?:derived|origin)\s+(?P<head>.+)$", re.IGNORECASE)
_STATUS_SIGN = re.compile(r"(?<=[A-Za-z0-9])\+(?=\s|$)")
_STATUS_WORD = re.compile(r"(?<=[A-Za-z0-9])[- ]positive\b", re.IGNORECASE)


def drop_modifier(text: str) -> list[str]:
    """Drop the first word when it is a qualifier or a marker ("Ki-67-positive hepatocytes")."""
    first, _, rest = text.partition(" ")
    if rest and (first.casefold() in MODIFIERS or _MARKER.match(first)):
        return [rest]
    return []


def swap_words(text: str) -> list[str]:
    """Adjectival and near-synonym head words: malignancies -> cancer, cancer <-> carcinoma."""
    out = []
    for pattern, repl in _WORD_SWAPS:
        swapped = pattern.sub(repl, text)
        if swapped != text:
            out.append(swapped)
    return out


def marker_status(text: str) -> list[str]:
    """Receptor status spelled both ways: "HER2+" <-> "HER2 positive" ("ER-positive" -> "ER+")."""
    out = []
    if _STATUS_SIGN.search(text):
        out.append(_STATUS_SIGN.sub(" positive", text))
    if _STATUS_WORD.search(text):
        out.append(_STATUS_WORD.sub("+", text))
    return out


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


def strip_parenthesised(text: str) -> list[str]:
    """An abbreviation written inside the name: "granulocytic (G)-MDSCs" -> "granulocytic MDSCs"."""
    stripped = re.sub(r"\s*\([^()]*\)-?\s*", " ", text).strip()
    return [stripped] if stripped and stripped != text else []


def splice_variant(text: str) -> list[str]:
    """A splice-variant or isoform suffix on a symbol names the gene: "CD44v6" -> "CD44"."""
    match = re.fullmatch(r"([A-Z][A-Za-z0-9-]*[0-9])v\d+", text)
    return [match[1]] if match else []


def host_gene(text: str) -> list[str]:
    """A circular RNA named after its host gene: "circHIPK3" -> "HIPK3"."""
    match = re.fullmatch(r"circ-?([A-Z][A-Z0-9-]+)", text)
    return [match[1]] if match else []


#: the rewrites tried for each type, in order
RULES: dict[str, tuple[Callable[[str], list[str]], ...]] = {
    "cell": (strip_parenthesised, drop_modifier, reorder_place, swap_words, add_cell),
    "disease": (marker_status, drop_modifier, swap_words, strip_parenthesised),
    "gene": (splice_variant, host_gene),
}


def rewrites(text: str, type_: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(rewritten text, names of the rules applied), breadth-first, each text once."""
    rules = RULES.get(type_, ())
    seen = {normalize(text)}
    level: list[tuple[str, tuple[str, ...]]] = [(text, ())]
    for _ in range(MAX_STEPS):
        following: list[tuple[str, tuple[str, ...]]] = []
        for current, steps in level:
            for rule in rules:
                for new in rule(current):
                    key = normalize(new)
                    if key and key not in seen:
                        seen.add(key)
                        following.append((new, (*steps, rule.__name__)))
                        yield new, (*steps, rule.__name__)
        level = following


# ---- abbreviations built from the lexicon ------------------------------------------------
def initials(name: str) -> str:
    """Upper-case initials of a multi-word name: "dendritic cell" -> "DC",
    "myeloid-derived suppressor cell" -> "MDSC"; "" for one word."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2 or not all(w[0].isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def acronym_parts(text: str) -> Iterator[tuple[str, str]]:
    """(place acronym, cell acronym) splits of a compound acronym: "BM-MSCs" -> ("BM", "MSC");
    "hUC-MSC" -> ("UC", "MSC"); "BMSC" -> ("B", "MSC"), ("BM", "SC"), ... A leading "h"
    (human) is dropped."""
    core = text.removesuffix("s")
    core = core[1:] if core[:1] == "h" and core[1:2].isupper() else core
    if not re.fullmatch(r"[A-Z]+(?:-[A-Z]+)?", core):
        return
    if "-" in core:
        place, cell = core.split("-", 1)
        if len(place) >= 2 and len(cell) >= 3:
            yield place, cell
        return
    for cut in range(2, len(core) - 2):              # places of 2+ letters, cells of 3+
        yield core[:cut], core[cut:]


# ---- gene families -------------------------------------------------------------------------
_SERIES = re.compile(r"[0-9A-Z]")


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
