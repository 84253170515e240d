"""Rewrite steps several types share: qualifiers, near-synonyms, parenthesised abbreviations, organ adjectives."""

from __future__ import annotations

import re

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


def strip_parenthesised(text: str) -> list[str]:
    """An abbreviation written inside the name: "granulocytic (G)-MDSCs" -> "granulocytic MDSCs"."""
    stripped = re.sub(r"\s*\([^()]*\)-?\s*", " ", text).strip()
    return [stripped] if stripped and stripped != text else []


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
