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

from exo_ontology.grounding.normalize import (
    british_spelling,
    fold_dashes,
    greek_letters,
    nfkc,
    normalize,
    singular_last_word,
)

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


#: body part noun -> its adjective, as disease and cell names use either ("prostate
#: hyperplasia" = "prostatic hyperplasia"; "hepatic macrophage" = "liver macrophage")
ORGAN_ADJECTIVES: dict[str, str] = {
    "prostate": "prostatic", "pancreas": "pancreatic", "stomach": "gastric", "liver": "hepatic",
    "kidney": "renal", "lung": "pulmonary", "colon": "colonic", "rectum": "rectal",
    "ovary": "ovarian", "cervix": "cervical", "uterus": "uterine", "brain": "cerebral",
    "heart": "cardiac", "skin": "cutaneous", "bone": "osseous", "breast": "mammary",
    "esophagus": "esophageal", "intestine": "intestinal", "testis": "testicular",
    "spleen": "splenic", "bladder": "vesical", "thyroid": "thyroidal", "adrenal": "adrenal",
    "gallbladder": "gallbladder", "larynx": "laryngeal", "pharynx": "pharyngeal",
    "bronchus": "bronchial", "duodenum": "duodenal", "ileum": "ileal", "nose": "nasal",
    "eye": "ocular", "muscle": "muscular", "vein": "venous", "artery": "arterial",
}
_ADJECTIVE_WORDS = {**ORGAN_ADJECTIVES, **{a: n for n, a in ORGAN_ADJECTIVES.items() if a != n}}
_METASTASIS = re.compile(r"(?i)^(?P<place>.+?)\s+metasta(?:sis|ses|tic disease)$")
_CAUSE = re.compile(r"(?i)^(?P<what>.+?)\s+(?:caused by|due to|induced by|secondary to|"
                    r"resulting from)\s+(?P<cause>.+)$")
_PARTICIPLE = re.compile(r"(?i)^(?P<head>.+?)-(?:derived|excreted|secreted|released|produced|"
                         r"bearing|induced|driven|specific)$")
#: nouns a disease word may qualify without the phrase naming a disease: "tumor
#: microenvironment", "cancer patients", "tumor tissue"
CONTEXT_NOUNS = frozenset((
    "microenvironment", "microenvironments", "patient", "patients", "tissue", "tissues",
    "sample", "samples", "specimen", "specimens", "stroma", "biology", "cell", "cells", "site",
    "sites", "model", "models", "burden", "research", "therapy", "therapies", "treatment",
    "progression", "growth", "development", "immunity", "immunology", "biomarker", "biomarkers",
))
_SYSTEM_ADJECTIVE = ("al", "ic", "ary", "ory", "ous", "ive")
_LINEAGE = re.compile(r"\b(?P<letter>[BT])[- ]lympho(?P<rest>cytic|blastic|cyte|cytes)\b")
_NEGATION = re.compile(r"(?i)^(?:non|not|un|anti)(?:-|\s)")


def organ_adjective(text: str) -> list[str]:
    """A body part noun as its adjective or back: "prostate hyperplasia" -> "prostatic
    hyperplasia", "hepatic carcinoma" -> "liver carcinoma"."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        other = _ADJECTIVE_WORDS.get(word.casefold())
        if other and other != word.casefold():
            out.append(" ".join([*words[:i], other, *words[i + 1:]]))
    return out


def place_metastasis(text: str) -> list[str]:
    """Where a cancer spread, in MONDO's word order: "lymph node metastasis" -> "metastasis
    to lymph node"."""
    match = _METASTASIS.match(text)
    if not match:
        return []
    place = singular_last_word(match["place"])
    return [f"metastasis to {place}", f"metastasis to the {place}"]


def insert_system(text: str) -> list[str]:
    """An organ system named by its adjective alone: "gastrointestinal cancer" ->
    "gastrointestinal system cancer", "gastrointestinal tract cancer"."""
    words = text.split()
    if len(words) != 2 or not words[0].casefold().endswith(_SYSTEM_ADJECTIVE):
        return []
    return [f"{words[0]} system {words[1]}", f"{words[0]} tract {words[1]}"]


def _adjective(noun: str) -> str:
    """ischemia -> ischemic, fibrosis -> fibrotic; other words unchanged."""
    if noun.endswith("ia"):
        return noun[:-2] + "ic"
    if noun.endswith("osis"):
        return noun[:-4] + "otic"
    return noun


def cause_clause(text: str) -> list[str]:
    """A disease with its cause in a clause, as MONDO names it: "heart disease caused by
    ischemia" -> "ischemic heart disease", "heart disease due to ischemia"."""
    match = _CAUSE.match(text)
    if not match:
        return []
    what, cause = match["what"], match["cause"]
    return [f"{_adjective(cause)} {what}", f"{what} due to {cause}"]


def drop_participle(text: str) -> list[str]:
    """A participle glued to a disease name: "cancer-derived" -> "cancer"; it also trims a
    long form read one word too far ("... carcinoma-excreted (CSCC)")."""
    match = _PARTICIPLE.match(text)
    return [match["head"]] if match else []


def disease_of_context(text: str) -> list[str]:
    """The disease word qualifying a context noun: "tumor microenvironment" -> "tumor". It
    names only part of the phrase, so it is skipped when the whole must be grounded (the long
    form of an abbreviation: "TME" is not a disease)."""
    head, _, last = text.rpartition(" ")
    return [head] if head and last.casefold() in CONTEXT_NOUNS else []


def lymphocyte_lineage(text: str) -> list[str]:
    """A B or T lymphocyte named by its lineage letter: "B-lymphocytic leukemia" -> "B-cell
    lymphocytic leukemia"."""
    if not _LINEAGE.search(text):
        return []
    return [_LINEAGE.sub(lambda m: f"{m['letter']}-cell lympho{m['rest']}", text)]


def glue_abbreviation(text: str) -> list[str]:
    """A symbol written as its long form, the abbreviation in parentheses and a suffix:
    "carnitine palmitoyl transferase (CPT)1A" -> "CPT1A"."""
    match = re.fullmatch(r"(?P<long>.+?)\s*\((?P<abbr>[A-Za-z0-9-]{2,})\)(?P<suffix>[A-Za-z0-9-]+)",
                         text)
    return [f"{match['abbr']}{match['suffix']}"] if match else []


def osis_process(text: str) -> list[str]:
    """A process named by its noun, as GO names it by the adjective: "apoptosis" ->
    "apoptotic process"."""
    return [f"{text[:-4]}otic process"] if text.endswith("osis") and len(text) > 6 else []


def drop_neo(text: str) -> list[str]:
    """"neoangiogenesis" is angiogenesis: the prefix adds only that it is new."""
    match = re.fullmatch(r"(?i)neo-?(.{5,})", text)
    return [match[1]] if match else []


#: the rewrites tried for each type, in order
RULES: dict[str, tuple[Callable[[str], list[str]], ...]] = {
    "cell": (strip_parenthesised, drop_modifier, reorder_place, swap_words, add_cell,
             organ_adjective),
    "disease": (marker_status, drop_modifier, swap_words, strip_parenthesised, drop_participle,
                place_metastasis, organ_adjective, lymphocyte_lineage, cause_clause,
                insert_system, disease_of_context),
    "gene": (splice_variant, host_gene, glue_abbreviation, strip_parenthesised),
    "process": (osis_process, drop_neo),
}
#: rules whose result names only part of the text (skipped when the whole must be grounded)
PARTIAL_RULES = frozenset(("disease_of_context",))
REWRITE_TYPES = frozenset(RULES)


def rewrites(text: str, type_: str, whole: bool = False) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(rewritten text, names of the rules applied), breadth-first, each text once; `whole`
    leaves out PARTIAL_RULES."""
    rules = [r for r in RULES.get(type_, ()) if not (whole and r.__name__ in PARTIAL_RULES)]
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


# ---- conventions and back-offs of the grounder --------------------------------------------
#: words for a cancer that may precede "cell(s)"; the project's convention (tests/gold/README.md,
#: "Cells") grounds such cells to CL's neoplastic cell, the class of every tumour cell, rather
#: than to "malignant cell", of which CL lists "cancer cell" only as a related synonym
_CANCER_CELL = re.compile(r"(?i)(?:cancer|cancerous|tumou?r|neoplastic|neoplasm|carcinoma)"
                          r"[- ]?cells?")
NEOPLASTIC_CELL = "neoplastic cell"


def cancer_cell(text: str) -> str:
    """"neoplastic cell" when `text` is a cancer word plus "cell(s)" ("cancer cells",
    "tumour cell", "cancerous cells"), else ""."""
    return NEOPLASTIC_CELL if _CANCER_CELL.fullmatch(text.strip()) else ""


def head_backoff(text: str) -> Iterator[tuple[str, int]]:
    """(shorter text, words dropped): the leading words or hyphenated prefixes of a cell name
    dropped one by one ("olfactory ecto-MSCs" -> "ecto-MSCs" -> "MSCs"), never past a negation
    ("non-immune cells" is not an immune cell) and never down to a bare "cell"."""
    if _NEGATION.match(text):
        return
    rest, dropped = text.strip(), 0
    while True:
        match = re.match(r"\S+?(?:\s+|(?<=[A-Za-z)])-(?=\S))", rest)
        if match is None:
            return
        rest, dropped = rest[match.end():], dropped + 1
        if _NEGATION.match(rest) or normalize(rest) in ("", "cell"):
            return
        yield rest, dropped


#: function words a name may gain or lose; not "a": in "histone deacetylase A" it is an index
_BAG_STOP = frozenset(("of", "the", "and", "in", "for", "to", "with", "by", "on"))


def word_bag(text: str, numbers: bool = True) -> str:
    """The words of a name, sorted, lower case, Greek letters spelled out, minus function words
    (and numbers unless asked): "α-smooth muscle actin" and "actin alpha 2, smooth muscle"
    (without numbers) -> "actin alpha muscle smooth"; "" for fewer than two words."""
    text = british_spelling(greek_letters(fold_dashes(nfkc(text)))).casefold()
    words = [w for w in re.findall(r"[a-z]+|[0-9]+", text) if w not in _BAG_STOP]
    if not numbers:
        words = [w for w in words if not w.isdigit()]
    return " ".join(sorted(words)) if len(words) >= 2 else ""


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
    "hUC-MSC" -> ("UC", "MSC"); "ADMSC" -> ("AD", "MSC"), ... A leading "h" (human) is
    dropped. Unhyphenated compounds also share their middle letter, as "BMSC" contracts
    "BM-MSC" (bone marrow + mesenchymal stem cell): -> ("BM", "MSC")."""
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
    for cut in range(2, len(core) - 1):              # the shared letter counted twice
        yield core[:cut], core[cut - 1:]


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
